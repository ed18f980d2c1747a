package com.sikifanso.catalog;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.SikifansoException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** The profiles compiled into sikifanso; they compose as a union ({@code agent-dev,rag}). */
public final class Profiles {
    private static final List<Profile> ALL = List.of(
            new Profile("agent-dev", "Local development loop with LLM, RAG, and observability",
                    List.of("litellm-proxy", "ollama", "langfuse", "qdrant", "cnpg-operator", "postgresql", "valkey",
                            "alloy")),
            new Profile("agent-full", "All AI agent infrastructure tools enabled",
                    List.of("litellm-proxy", "langfuse", "prometheus-stack", "loki", "tempo", "alloy",
                            "guardrails-ai", "nemo-guardrails", "presidio", "qdrant", "text-embeddings-inference",
                            "unstructured", "temporal", "external-secrets", "opa", "ollama", "cnpg-operator",
                            "postgresql", "valkey")),
            new Profile("agent-minimal", "Bare minimum to route and observe LLM calls",
                    List.of("litellm-proxy", "langfuse", "cnpg-operator", "postgresql", "valkey")),
            new Profile("agent-safe", "Development stack with all guardrails and policy enforcement",
                    List.of("litellm-proxy", "ollama", "langfuse", "qdrant", "cnpg-operator", "postgresql", "valkey",
                            "guardrails-ai", "nemo-guardrails", "presidio", "opa")),
            new Profile("rag", "RAG-focused stack with vector DB, embeddings, and document parsing",
                    List.of("qdrant", "text-embeddings-inference", "unstructured", "cnpg-operator", "postgresql")));

    public List<Profile> all() {
        return ALL;
    }

    public List<String> names() {
        return ALL.stream().map(Profile::name).toList();
    }

    public Optional<Profile> find(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The profiles a user named, all validated before any is used. */
    public List<Profile> resolve(ProfileSelection selection) {
        List<Profile> profiles = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : selection.names()) {
            find(name).ifPresentOrElse(p -> {
                if (!profiles.contains(p)) {
                    profiles.add(p);
                }
            }, () -> unknown.add(name));
        }
        if (!unknown.isEmpty()) {
            throw SikifansoException.usage("unknown profile" + (unknown.size() > 1 ? "s " : " ")
                            + String.join(", ", unknown.stream().map(n -> "\"" + n + "\"").toList()),
                    "available: " + String.join(", ", names()) + " (see them with: ", Suggestion.of("cluster", "profiles"),
                    ")");
        }
        if (profiles.isEmpty()) {
            throw SikifansoException.usage("no profile named in \"" + selection + "\"",
                    "name one or more, e.g. ", Suggestion.of("cluster", "create")
                            .option("profile", "profiles", "agent-dev,rag").mention());
        }
        return profiles;
    }

    /** The union of the profiles' apps, in first-seen order. */
    public static List<String> apps(List<Profile> profiles) {
        LinkedHashSet<String> apps = new LinkedHashSet<>();
        profiles.forEach(p -> apps.addAll(p.apps()));
        return List.copyOf(apps);
    }
}

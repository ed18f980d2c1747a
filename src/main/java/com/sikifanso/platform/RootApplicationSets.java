package com.sikifanso.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.argocd.ArgoCdResources;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.ApplicationSets;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The three root ApplicationSets the GitOps repo carries in {@code bootstrap/}: read from the
 * repo (so a custom template's own versions are used) and server-side applied, owned by the
 * field manager {@value #FIELD_MANAGER}, taking over fields another manager set (force).
 */
public final class RootApplicationSets {
    public static final String FIELD_MANAGER = "sikifanso";
    /** In apply order: custom apps, the catalog, agent sandboxes. */
    public static final List<String> FILES = List.of("bootstrap/root-app.yaml", "bootstrap/root-catalog.yaml",
            "bootstrap/root-agents.yaml");

    private RootApplicationSets() {
    }

    /** The manifests as the repo holds them, each checked to be an ApplicationSet, in {@code argocd} by default. */
    public static List<ObjectNode> read(Path gitOps) {
        List<ObjectNode> sets = new ArrayList<>();
        for (String file : FILES) {
            Path path = gitOps.resolve(file);
            JsonNode parsed;
            try {
                parsed = Mappers.YAML.readTree(Files.readString(path));
            } catch (JsonProcessingException e) {
                throw SikifansoException.failure(path + " is not valid YAML: "
                        + e.getOriginalMessage().lines().findFirst().orElse(""), "fix it and commit", e);
            } catch (IOException e) {
                throw SikifansoException.failure("cannot read " + path + ": " + e.getMessage(),
                        "the GitOps repo needs " + String.join(", ", FILES) + " (restore it from git)", e);
            }
            if (!(parsed instanceof ObjectNode set) || !"ApplicationSet".equals(set.path("kind").asText())
                    || !set.path("apiVersion").asText().startsWith("argoproj.io/")
                    || set.path("metadata").path("name").asText().isEmpty()) {
                throw SikifansoException.failure(path + " is not an Argo CD ApplicationSet with a name",
                        "restore it from the template: it must be one argoproj.io ApplicationSet");
            }
            ObjectNode metadata = (ObjectNode) set.get("metadata");
            if (metadata.path("namespace").asText().isEmpty()) {
                metadata.put("namespace", ApplicationSets.NAMESPACE);
            }
            sets.add(set);
        }
        return sets;
    }

    /** Server-side applies each set; returns their names. */
    public static List<String> apply(KubernetesClient kube, List<ObjectNode> sets) {
        List<String> applied = new ArrayList<>();
        for (ObjectNode set : sets) {
            GenericKubernetesResource resource = KubeObjects.generic(kube, set);
            String name = resource.getMetadata().getName();
            try {
                kube.genericKubernetesResources(ArgoCdResources.APPLICATION_SET)
                        .inNamespace(resource.getMetadata().getNamespace())
                        .resource(resource).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
            } catch (KubernetesClientException e) {
                throw SikifansoException.failure("server-side apply of ApplicationSet " + name + " failed: HTTP "
                        + e.getCode() + " " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                        "check that Argo CD's CRDs are installed (kubectl get crd applicationsets.argoproj.io"
                                + " --context <k3d-cluster>)", e);
            }
            applied.add(name);
        }
        return applied;
    }
}

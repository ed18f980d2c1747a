package com.sikifanso.cli;

import com.sikifanso.agents.AgentSandbox;
import com.sikifanso.agents.llm.LlmBudget;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.ops.AgentOps;
import java.util.List;
import picocli.CommandLine.Option;

/** Quota, allow-list and egress flags shared by {@code agent create} and {@code agent update}. */
final class AgentSpecOptions {
    @Option(names = "--cpu-request", paramLabel = "QTY", description = "CPU the agent's pods request in total (default 250m).")
    String cpuRequest;

    @Option(names = "--cpu-limit", paramLabel = "QTY", description = "CPU limit for all its pods (default 1000m).")
    String cpuLimit;

    @Option(names = "--memory-request", paramLabel = "QTY", description = "Memory requested in total (default 256Mi).")
    String memoryRequest;

    @Option(names = "--memory-limit", paramLabel = "QTY", description = "Memory limit for all its pods (default 1Gi).")
    String memoryLimit;

    @Option(names = "--pods", paramLabel = "N", description = "Most pods at once (default 10).")
    String pods;

    @Option(names = "--allow", paramLabel = "APP", split = ",", completionCandidates = Candidates.CatalogApps.class,
            description = "Catalog apps it may reach, replacing the list (default litellm-proxy,qdrant,postgresql,valkey).")
    List<String> allow;

    @Option(names = "--allow-none", description = "Reach no data service at all.")
    boolean allowNone;

    @Option(names = "--egress-fqdn", paramLabel = "HOST[:PORT]", split = ",",
            description = "Internet hosts it may reach (port 443 unless given), replacing the list.")
    List<String> egressFqdns;

    @Option(names = "--no-egress-fqdn", description = "Remove every internet host from the list.")
    boolean noEgress;

    @Option(names = "--pod-security", paramLabel = "LEVEL",
            description = "Pod Security Admission level: restricted (default) or baseline.")
    String podSecurity;

    @Option(names = "--llm-budget", paramLabel = "AMOUNT[/PERIOD]",
            description = "Give the agent its own LiteLLM key with this budget in USD, e.g. 10 or 5/30d (reset every 30 "
                    + "days); the key is a Secret in its namespace and the policy allows litellm-proxy.")
    String llmBudget;

    @Option(names = "--no-llm-budget", description = "Remove the agent's budget: its LiteLLM key is revoked and its "
            + "Secret deleted.")
    boolean noLlmBudget;

    @Option(names = "--llm-models", paramLabel = "PATTERN", split = ",",
            description = "Models the agent's key may call, e.g. local,claude-* (default: all the gateway serves).")
    List<String> llmModels;

    /**
     * The operation's input for these flags. {@code --pods} and {@code --pod-security} are parsed here, at the edge,
     * into the tool's typed fields, refused with the messages the service gives for them.
     */
    AgentOps.AgentSettings settings(String cluster, String name, WaitOptions wait) {
        return settings(cluster, name, wait, null);
    }

    /** As {@link #settings(String, String, WaitOptions)}, these flags laid over {@code template} (agent create). */
    AgentOps.AgentSettings settings(String cluster, String name, WaitOptions wait, String template) {
        if (noLlmBudget && llmBudget != null) {
            throw SikifansoException.usage("--llm-budget and --no-llm-budget contradict each other",
                    "give one: --llm-budget 5/30d sets a budget, --no-llm-budget removes it");
        }
        return new AgentOps.AgentSettings(cluster, name, cpuRequest, cpuLimit, memoryRequest, memoryLimit,
                pods == null ? null : AgentSandbox.requirePods(pods),
                allowNone ? List.of() : allow, noEgress ? List.of() : egressFqdns,
                podSecurity == null ? null : AgentOps.PodSecurity.valueOf(AgentSandbox.requirePodSecurity(podSecurity)),
                noLlmBudget ? LlmBudget.NONE : llmBudget, llmModels, wait.waitForSync(), template);
    }
}

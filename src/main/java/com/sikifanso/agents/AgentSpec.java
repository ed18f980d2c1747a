package com.sikifanso.agents;

import java.util.List;

/**
 * What a user asks for in {@code agent create/update}, before validation. Null fields mean
 * "the default" on create and "unchanged" on update.
 */
public record AgentSpec(String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit, String pods,
                        List<String> allow, List<String> egressFqdns, String podSecurity, String llmBudget,
                        List<String> llmModels, AgentValues.Workload workload) {

    /** A spec without a workload (none, or unchanged on update): what the flags can say. */
    public AgentSpec(String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit, String pods,
                     List<String> allow, List<String> egressFqdns, String podSecurity, String llmBudget,
                     List<String> llmModels) {
        this(cpuRequest, cpuLimit, memoryRequest, memoryLimit, pods, allow, egressFqdns, podSecurity, llmBudget,
                llmModels, null);
    }

    /** A spec without an LLM budget (none, or unchanged on update). */
    public AgentSpec(String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit, String pods,
                     List<String> allow, List<String> egressFqdns, String podSecurity) {
        this(cpuRequest, cpuLimit, memoryRequest, memoryLimit, pods, allow, egressFqdns, podSecurity, null, null);
    }

    public static final AgentSpec DEFAULTS = new AgentSpec("250m", "1000m", "256Mi", "1Gi", "10",
            List.of("litellm-proxy", "qdrant", "postgresql", "valkey"), List.of(), "restricted");

    /** This spec with the other's non-null fields laid over it. */
    public AgentSpec overriddenBy(AgentSpec o) {
        return new AgentSpec(pick(o.cpuRequest, cpuRequest), pick(o.cpuLimit, cpuLimit),
                pick(o.memoryRequest, memoryRequest), pick(o.memoryLimit, memoryLimit), pick(o.pods, pods),
                pick(o.allow, allow), pick(o.egressFqdns, egressFqdns), pick(o.podSecurity, podSecurity),
                pick(o.llmBudget, llmBudget), pick(o.llmModels, llmModels), pick(o.workload, workload));
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}

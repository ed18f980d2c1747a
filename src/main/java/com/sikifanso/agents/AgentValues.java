package com.sikifanso.agents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * {@code agents/values/<name>.yaml}: the agent-sandbox chart's values. The chart reads exactly
 * these keys; keep the two in step.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"agent", "podSecurity", "quota", "containerDefaults", "allow", "egressFQDNs", "llm", "cni",
    "workload"})
public record AgentValues(Agent agent, String podSecurity, Quota quota, Resources containerDefaults,
                          List<AllowedService> allow, List<EgressHost> egressFQDNs, Llm llm, String cni,
                          com.fasterxml.jackson.databind.JsonNode workload) {

    /** Values without a workload: the sandbox alone, for the agent's own deployment tooling to fill. */
    public AgentValues(Agent agent, String podSecurity, Quota quota, Resources containerDefaults,
                       List<AllowedService> allow, List<EgressHost> egressFQDNs, Llm llm, String cni) {
        this(agent, podSecurity, quota, containerDefaults, allow, egressFQDNs, llm, cni, null);
    }

    /** The workload these values run, if any (kept as a plain tree here, so tools' output schemas stay small). */
    public Workload workloadSpec() {
        return workload == null ? null : com.sikifanso.core.Mappers.YAML.convertValue(workload, Workload.class);
    }

    /**
     * The agent's own program, run by the chart as a one-replica Deployment under the sandbox's service account,
     * with the restricted security context and the LimitRange's resources: image, and optionally its command, args
     * and plain (non-secret) environment.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"image", "command", "args", "env"})
    public record Workload(String image, List<String> command, List<String> args, Map<String, String> env) {
    }

    /** Values for a Cilium cluster, the chart's default ({@code cni} left out of the file), without an LLM budget. */
    public AgentValues(Agent agent, String podSecurity, Quota quota, Resources containerDefaults,
                       List<AllowedService> allow, List<EgressHost> egressFQDNs) {
        this(agent, podSecurity, quota, containerDefaults, allow, egressFQDNs, null, null);
    }

    /**
     * The agent's LiteLLM key: its budget as AMOUNT[/PERIOD] and the model patterns it may call (empty: all). The
     * chart does not read it; {@code agent create|update} does, to keep the key in step. The key itself is a Secret
     * in the agent's namespace, never in git.
     */
    @JsonPropertyOrder({"budget", "models"})
    public record Llm(String budget, List<String> models) {
        public Llm {
            models = models == null ? List.of() : List.copyOf(models);
        }
    }

    public AgentValues {
        allow = allow == null ? List.of() : List.copyOf(allow);
        egressFQDNs = egressFQDNs == null ? List.of() : List.copyOf(egressFQDNs);
    }

    public record Agent(String name) {
    }

    @JsonPropertyOrder({"cpuRequest", "cpuLimit", "memoryRequest", "memoryLimit", "pods"})
    public record Quota(String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit, int pods) {
    }

    @JsonPropertyOrder({"cpuRequest", "cpuLimit", "memoryRequest", "memoryLimit"})
    public record Resources(String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit) {
    }

    @JsonPropertyOrder({"name", "namespace", "port", "podLabels"})
    public record AllowedService(String name, String namespace, int port, Map<String, String> podLabels) {
    }

    public record EgressHost(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }
}

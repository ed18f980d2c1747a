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
@JsonPropertyOrder({"agent", "podSecurity", "quota", "containerDefaults", "allow", "egressFQDNs", "llm", "cni"})
public record AgentValues(Agent agent, String podSecurity, Quota quota, Resources containerDefaults,
                          List<AllowedService> allow, List<EgressHost> egressFQDNs, Llm llm, String cni) {

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

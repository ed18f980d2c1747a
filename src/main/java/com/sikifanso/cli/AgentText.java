package com.sikifanso.cli;

import com.sikifanso.agents.AgentPolicy;
import com.sikifanso.agents.AgentService;
import com.sikifanso.agents.AgentValues;

/** Human renderings of an agent. */
final class AgentText {
    private AgentText() {
    }

    static String allowed(AgentValues v) {
        return v.allow().isEmpty() ? "-" : String.join(",", v.allow().stream().map(AgentValues.AllowedService::name)
                .toList());
    }

    static String egress(AgentValues v) {
        return v.egressFQDNs().isEmpty() ? "-" : String.join(",", v.egressFQDNs().stream()
                .map(AgentValues.EgressHost::toString).toList());
    }

    static String details(AgentService.Agent a) {
        AgentValues v = a.values();
        AgentPolicy.Summary policy = AgentPolicy.summarise(v);
        StringBuilder s = new StringBuilder();
        s.append("Agent:        ").append(a.name()).append('\n');
        s.append("Namespace:    ").append(a.namespace()).append('\n');
        s.append("CPU:          ").append(v.quota().cpuRequest()).append(" requested, ").append(v.quota().cpuLimit())
                .append(" limit\n");
        s.append("Memory:       ").append(v.quota().memoryRequest()).append(" requested, ")
                .append(v.quota().memoryLimit()).append(" limit\n");
        s.append("Pods:         ").append(v.quota().pods()).append('\n');
        s.append("Pod security: ").append(v.podSecurity()).append('\n');
        s.append("May reach:\n");
        policy.mayReach().forEach(r -> s.append("  - ").append(r).append('\n'));
        s.append("Denied:\n");
        policy.denied().forEach(r -> s.append("  - ").append(r).append('\n'));
        a.commit().ifPresent(c -> s.append("Commit:       ").append(c, 0, 7).append('\n'));
        return s.toString();
    }
}

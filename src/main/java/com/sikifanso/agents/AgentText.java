package com.sikifanso.agents;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.CommitId;
import com.sikifanso.core.Table;
import com.sikifanso.core.TextStyle;
import java.util.List;

/** How agents read, in a terminal and in a tool's text alike. */
public final class AgentText {
    private AgentText() {
    }

    public static String created(AgentService.Agent a, TextStyle style) {
        return "created agent " + style.bold(a.name()) + " (namespace " + a.namespace() + ", commit "
                + CommitId.shortOf(a.commit().orElseThrow()) + ")\n";
    }

    public static String updated(AgentService.Agent a) {
        return a.commit().map(c -> "updated agent " + a.name() + " (commit " + CommitId.shortOf(c) + ")\n")
                .orElse("agent " + a.name() + " already has these settings; nothing changed\n");
    }

    public static String deleted(AgentService.Deleted d) {
        return "deleted agent " + d.deleted() + " (commit " + CommitId.shortOf(d.commit()) + ")\n";
    }

    public static String list(List<AgentService.Agent> agents, TextStyle style) {
        if (agents.isEmpty()) {
            return style.hint("No agents yet. Create one with: ", Suggestion.of("agent", "create").arg("name", "NAME"),
                    "\n");
        }
        Table t = new Table("NAME", "NAMESPACE", "CPU", "MEMORY", "PODS", "ALLOWED", "EGRESS", "BUDGET");
        agents.forEach(a -> t.row(a.name(), a.namespace(),
                a.values().quota().cpuRequest() + "/" + a.values().quota().cpuLimit(),
                a.values().quota().memoryRequest() + "/" + a.values().quota().memoryLimit(),
                a.values().quota().pods(), allowed(a.values()), egress(a.values()), budget(a)));
        return t.render();
    }

    private static String budget(AgentService.Agent a) {
        if (a.values().llm() == null) {
            return "-";
        }
        return a.llm() != null && a.llm().spend() != null
                ? String.format("%.2f of %s", a.llm().spend(), a.values().llm().budget())
                : a.values().llm().budget();
    }

    private static String allowed(AgentValues v) {
        return v.allow().isEmpty() ? "-" : String.join(",", v.allow().stream().map(AgentValues.AllowedService::name)
                .toList());
    }

    private static String egress(AgentValues v) {
        return v.egressFQDNs().isEmpty() ? "-" : String.join(",", v.egressFQDNs().stream()
                .map(AgentValues.EgressHost::toString).toList());
    }

    public static String details(AgentService.Agent a) {
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
        if (v.llm() != null) {
            s.append("LLM budget:   ").append(v.llm().budget()).append(" USD").append(v.llm().models().isEmpty() ? ""
                    : ", models " + String.join(",", v.llm().models()));
            if (a.llm() != null && a.llm().spend() != null) {
                s.append(String.format(", spent %.2f", a.llm().spend()));
            }
            s.append(" (key in Secret ").append(a.namespace()).append('/').append(
                    com.sikifanso.agents.llm.AgentKeys.SECRET).append(")\n");
        }
        s.append("May reach:\n");
        policy.mayReach().forEach(r -> s.append("  - ").append(r).append('\n'));
        s.append("Denied:\n");
        policy.denied().forEach(r -> s.append("  - ").append(r).append('\n'));
        a.commit().ifPresent(c -> s.append("Commit:       ").append(CommitId.shortOf(c)).append('\n'));
        return s.toString();
    }
}

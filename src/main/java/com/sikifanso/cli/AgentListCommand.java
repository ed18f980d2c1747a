package com.sikifanso.cli;

import com.sikifanso.agents.AgentService;
import com.sikifanso.core.Table;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "list", description = "List agent sandboxes with their quotas and what they may reach.")
final class AgentListCommand extends BaseCommand {
    @Override
    int run() {
        List<AgentService.Agent> agents = services().agents().list(cluster());
        out().result(agents, () -> {
            if (agents.isEmpty()) {
                return "No agents yet. Create one with: sikifanso agent create NAME\n";
            }
            Table t = new Table("NAME", "NAMESPACE", "CPU", "MEMORY", "PODS", "ALLOWED", "EGRESS");
            agents.forEach(a -> t.row(a.name(), a.namespace(),
                    a.values().quota().cpuRequest() + "/" + a.values().quota().cpuLimit(),
                    a.values().quota().memoryRequest() + "/" + a.values().quota().memoryLimit(),
                    a.values().quota().pods(), AgentText.allowed(a.values()), AgentText.egress(a.values())));
            return t.render();
        });
        return 0;
    }
}

package com.sikifanso.cli;

import com.sikifanso.ops.AgentOps;
import picocli.CommandLine.Command;

@Command(name = "list", description = "List agent sandboxes with their quotas and what they may reach.")
final class AgentListCommand extends BaseCommand {
    @Override
    int run() {
        perform(AgentOps.LIST, new AgentOps.AgentListInput(cluster()));
        return 0;
    }
}

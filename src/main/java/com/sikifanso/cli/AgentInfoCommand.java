package com.sikifanso.cli;

import com.sikifanso.ops.AgentOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "info", description = "Show an agent: quotas, and in words what its network policy lets it reach.")
final class AgentInfoCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Candidates.Agents.class,
            description = "The agent to show.")
    String name;

    @Override
    int run() {
        perform(AgentOps.INFO, new AgentOps.AgentRef(cluster(), name));
        return 0;
    }
}

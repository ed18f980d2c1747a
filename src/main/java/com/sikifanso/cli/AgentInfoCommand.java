package com.sikifanso.cli;

import com.sikifanso.agents.AgentPolicy;
import com.sikifanso.agents.AgentService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "info", description = "Show an agent: quotas, and in words what its network policy lets it reach.")
final class AgentInfoCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Candidates.Agents.class,
            description = "The agent to show.")
    String name;

    @Override
    int run() {
        AgentService.Agent agent = services().agents().get(cluster(), name);
        out().result(new Info(agent, AgentPolicy.summarise(agent.values())), () -> AgentText.details(agent));
        return 0;
    }

    record Info(AgentService.Agent agent, AgentPolicy.Summary policy) {
    }
}

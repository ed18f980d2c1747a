package com.sikifanso.cli;

import com.sikifanso.agents.AgentService;
import com.sikifanso.catalog.SyncTargets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "update", description = "Change an agent's quotas, allow-list or egress hosts in one commit.",
        footer = {"", "Example:", "  sikifanso agent update coder --memory-limit 4Gi --allow litellm-proxy,qdrant"})
final class AgentUpdateCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Candidates.Agents.class,
            description = "The agent to change.")
    String name;

    @Mixin
    AgentSpecOptions options;

    @Mixin
    WaitOptions wait;

    @Override
    int run() {
        AgentService.Agent agent = services().agents().update(cluster(), name, options.spec());
        out().result(agent, () -> agent.commit().map(c -> "updated agent " + name + " (commit " + c.substring(0, 7)
                + ")\n").orElse("agent " + name + " already has these settings; nothing changed\n"));
        awaitConvergence(wait, agent.commit().orElse(null), SyncTargets.syncs(name));
        return 0;
    }
}

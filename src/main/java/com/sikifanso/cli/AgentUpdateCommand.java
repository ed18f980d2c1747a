package com.sikifanso.cli;

import com.sikifanso.ops.AgentOps;
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

    @Mixin
    DryRunOption dryRun;

    @Override
    int run() {
        perform(AgentOps.UPDATE, options.settings(cluster(), name, wait), wait, dryRun);
        return 0;
    }
}

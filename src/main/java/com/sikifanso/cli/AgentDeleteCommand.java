package com.sikifanso.cli;

import com.sikifanso.ops.AgentOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = "Delete an agent sandbox in one commit; Argo CD removes its namespace.")
final class AgentDeleteCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Candidates.Agents.class,
            description = "The agent to delete.")
    String name;

    @Mixin
    Confirmation confirmation;

    @Mixin
    WaitOptions wait;

    @Mixin
    DryRunOption dryRun;

    @Override
    int run() {
        if (!dryRun.asked()) {
            confirmation.require(root().terminal(), () -> {
                services().agents().get(clusterName(), name);
                return "Delete agent " + name + " and its namespace agent-" + name + "?";
            }, "not deleted");
        }
        perform(AgentOps.DELETE, new AgentOps.AgentChange(cluster(), name, wait.waitForSync()), wait, dryRun);
        return 0;
    }
}

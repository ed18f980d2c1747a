package com.sikifanso.cli;

import com.sikifanso.catalog.SyncTargets;
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

    @Override
    int run() {
        confirmation.require(root().terminal(), () -> {
            services().agents().get(cluster(), name);
            return "Delete agent " + name + " and its namespace agent-" + name + "?";
        }, "not deleted");
        String commit = services().agents().delete(cluster(), name);
        out().result(new Deleted(name, commit), () -> "deleted agent " + name + " (commit " + commit.substring(0, 7)
                + ")\n");
        awaitConvergence(wait, commit, SyncTargets.disappears(name));
        return 0;
    }

    record Deleted(String deleted, String commit) {
    }
}

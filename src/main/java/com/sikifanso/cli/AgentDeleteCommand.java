package com.sikifanso.cli;

import com.sikifanso.core.SikifansoException;
import java.io.Console;
import com.sikifanso.argocd.SyncTargets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = "Delete an agent sandbox in one commit; Argo CD removes its namespace.")
final class AgentDeleteCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Candidates.Agents.class,
            description = "The agent to delete.")
    String name;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Mixin
    WaitOptions wait;

    @Override
    int run() {
        Console console = System.console();
        if (!yes && root().terminal() && console != null) {
            services().agents().get(cluster(), name);
            String answer = console.readLine("Delete agent %s and its namespace agent-%s? [y/N] ", name, name);
            if (answer == null || !answer.strip().toLowerCase().startsWith("y")) {
                throw SikifansoException.failure("not deleted", "pass --yes to delete without asking");
            }
        }
        String commit = services().agents().delete(cluster(), name);
        out().result(new Deleted(name, commit), () -> "deleted agent " + name + " (commit " + commit.substring(0, 7)
                + ")\n");
        awaitConvergence(wait, commit, SyncTargets.disappears(name));
        return 0;
    }

    record Deleted(String deleted, String commit) {
    }
}

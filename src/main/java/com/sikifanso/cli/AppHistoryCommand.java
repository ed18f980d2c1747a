package com.sikifanso.cli;

import com.sikifanso.ops.ArgoCdOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "history", description = {"Show the commits that changed an app's or agent's files in the GitOps repo.",
    "These are the revisions app rollback can restore."},
        footer = {"", "Examples:", "  sikifanso app history qdrant"})
final class AppHistoryCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "APP", completionCandidates = Candidates.CatalogApps.class,
            description = "The app or agent.")
    String app;

    @Override
    int run() {
        perform(ArgoCdOps.HISTORY, new ArgoCdOps.AppRef(cluster(), app));
        return 0;
    }
}

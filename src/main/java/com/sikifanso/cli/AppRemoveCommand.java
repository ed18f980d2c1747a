package com.sikifanso.cli;

import com.sikifanso.catalog.SyncTargets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "remove", description = "Remove a custom app (its coordinates and values) in one commit.")
final class AppRemoveCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "APP", completionCandidates = Candidates.CustomAppNames.class,
            description = "The custom app to remove.")
    String app;

    @Mixin
    WaitOptions wait;

    @Override
    int run() {
        String commit = services().apps().remove(cluster(), app);
        out().result(new Removed(app, commit), () -> "removed: " + app + " (commit " + commit.substring(0, 7) + ")\n");
        awaitConvergence(wait, commit, SyncTargets.disappears(app));
        return 0;
    }

    record Removed(String removed, String commit) {
    }
}

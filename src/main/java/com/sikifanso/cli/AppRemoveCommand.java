package com.sikifanso.cli;

import com.sikifanso.ops.CatalogOps;
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

    @Mixin
    DryRunOption dryRun;

    @Override
    int run() {
        perform(CatalogOps.REMOVE, new CatalogOps.AppChange(cluster(), app, wait.waitForSync()), wait, dryRun);
        return 0;
    }
}

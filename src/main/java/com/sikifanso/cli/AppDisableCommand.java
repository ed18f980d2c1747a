package com.sikifanso.cli;

import com.sikifanso.ops.CatalogOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "disable", description = {"Disable a catalog app. Refused while enabled apps depend on it.",
    "Its own dependencies stay enabled."})
final class AppDisableCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "APP", completionCandidates = Candidates.EnabledApps.class,
            description = "The catalog app to disable.")
    String app;

    @Option(names = "--force", description = "Disable even though enabled apps depend on it.")
    boolean force;

    @Mixin
    WaitOptions wait;

    @Mixin
    DryRunOption dryRun;

    @Override
    int run() {
        perform(CatalogOps.DISABLE, new CatalogOps.DisableInput(cluster(), app, force, wait.waitForSync()), wait, dryRun);
        return 0;
    }
}

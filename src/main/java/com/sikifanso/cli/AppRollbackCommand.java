package com.sikifanso.cli;

import com.sikifanso.ops.ArgoCdOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rollback", description = {"Write an app's (or agent's) files as at an earlier revision, in one new commit.",
    "Then wait for Argo CD to apply it. Works with automated sync; undo it with another rollback."},
        footer = {"", "Examples:", "  sikifanso app rollback qdrant", "  sikifanso app rollback qdrant --to 3f1e079"})
final class AppRollbackCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "APP", completionCandidates = Candidates.CatalogApps.class,
            description = "The app or agent.")
    String app;

    @Option(names = "--to", paramLabel = "REVISION",
            description = "A revision from 'app history' (default: the one before the last change).")
    String to;

    @Mixin
    WaitOptions wait;

    @Mixin
    DryRunOption dryRun;

    @Override
    int run() {
        perform(ArgoCdOps.ROLLBACK, new ArgoCdOps.RollbackInput(cluster(), app, to, wait.waitForSync()), wait, dryRun);
        return 0;
    }
}

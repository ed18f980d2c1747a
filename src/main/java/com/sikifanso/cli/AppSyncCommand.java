package com.sikifanso.cli;

import com.sikifanso.ops.ArgoCdOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "sync", description = {"Ask Argo CD to sync an app (or all apps) to the GitOps repo, then wait for it.",
    "The sync prunes what the repo no longer has; the wait ends when they are Synced and Healthy."},
        footer = {"", "Examples:", "  sikifanso app sync qdrant", "  sikifanso app sync --no-wait"})
final class AppSyncCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "APP", completionCandidates = Candidates.EnabledApps.class,
            description = "The Application to sync (default: all).")
    String app;

    @Mixin
    WaitOptions wait;

    @Override
    int run() {
        perform(ArgoCdOps.SYNC, new ArgoCdOps.SyncInput(cluster(), app, wait.waitForSync(), 0), wait);
        return 0;
    }
}

package com.sikifanso.cli;

import com.sikifanso.argocd.AppHistory;
import com.sikifanso.gitops.SyncTarget;
import com.sikifanso.core.SikifansoException;
import java.util.List;
import java.util.Optional;
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

    @Override
    int run() {
        AppHistory.Rollback r = services().argocd().history().rollback(cluster(), app, Optional.ofNullable(to));
        String revision = r.to().substring(0, 7);
        out().result(r, () -> r.commit() == null ? app + " is already as at " + revision + "; nothing to commit.\n"
                : "rolled back: " + out().bold(app) + " to " + revision + " (commit " + r.commit().substring(0, 7)
                        + ")\n" + (r.present() ? "" : "at " + revision + " " + app + " is not deployed: Argo CD "
                        + "removes it\n"));
        if (r.commit() != null && r.present()) {
            requestSync();
        }
        awaitConvergence(wait, r.commit(), new SyncTarget(r.present() ? SyncTarget.Kind.SYNC
                : SyncTarget.Kind.DISAPPEAR, List.of(new SyncTarget.App(app, r.tier()))));
        return 0;
    }

    /** Asks Argo CD to apply the rollback now; failing that, it does at its next poll, so only a warning. */
    private void requestSync() {
        try {
            services().argocd().applications().syncIfPresent(cluster(), app);
        } catch (SikifansoException e) {
            out().warn("committed, but could not ask Argo CD to sync " + app + " now: " + e.getMessage());
        }
    }
}

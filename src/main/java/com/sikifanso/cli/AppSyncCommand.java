package com.sikifanso.cli;

import com.sikifanso.argocd.Applications;
import com.sikifanso.gitops.SyncTarget;
import com.sikifanso.catalog.SyncTargets;
import java.util.List;
import java.util.Optional;
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
        Applications.SyncRequest request = services().argocd().applications().sync(cluster(), Optional.ofNullable(app));
        List<String> all = request.all();
        out().result(request, () -> (request.requested().isEmpty() ? ""
                : "sync requested: " + String.join(", ", request.requested()) + "\n")
                + (request.alreadySyncing().isEmpty() ? ""
                : "already syncing: " + String.join(", ", request.alreadySyncing()) + "\n"));
        if (!wait.noWait) {
            SyncTarget target = SyncTargets.catalogAppsSync(services().apps().catalog(cluster()), all);
            services().convergence().await(cluster(), target, wait.timeout).requireConverged("--timeout");
            out().info(all.size() == 1 ? all.get(0) + " is Synced and Healthy" : "all " + all.size()
                    + " apps are Synced and Healthy");
        }
        return 0;
    }
}

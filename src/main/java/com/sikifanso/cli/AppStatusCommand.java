package com.sikifanso.cli;

import com.sikifanso.ops.ArgoCdOps;
import com.sikifanso.ops.ClusterOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "status", description = {"Show the sync and health of every Argo CD Application, or of one with its resources.",
    "Each unhealthy one comes with its message."},
        footer = {"", "Examples:", "  sikifanso app status", "  sikifanso app status qdrant -o yaml"})
final class AppStatusCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "APP", completionCandidates = Candidates.EnabledApps.class,
            description = "The Application to show in detail (default: list all).")
    String app;

    @Override
    int run() {
        if (app != null) {
            perform(ArgoCdOps.STATUS, new ArgoCdOps.AppRef(cluster(), app));
        } else {
            perform(ArgoCdOps.APPS, new ClusterOps.ClusterRef(cluster()));
        }
        return 0;
    }
}

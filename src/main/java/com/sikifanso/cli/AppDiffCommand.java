package com.sikifanso.cli;

import com.sikifanso.ops.ArgoCdOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "diff", description = {"Show what Argo CD would change: a diff of the live objects against the GitOps repo.",
    "Both sides are YAML without status, managed fields and server defaults."},
        footer = {"", "Examples:", "  sikifanso app diff qdrant", "  sikifanso app diff qdrant -o json"})
final class AppDiffCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "APP", completionCandidates = Candidates.EnabledApps.class,
            description = "The Application to compare.")
    String app;

    @Override
    int run() {
        perform(ArgoCdOps.DIFF, new ArgoCdOps.AppRef(cluster(), app));
        return 0;
    }
}

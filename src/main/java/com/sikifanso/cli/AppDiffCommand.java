package com.sikifanso.cli;

import com.sikifanso.argocd.AppDiffs;
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
        AppDiffs.AppDiff diff = services().argocd().diffs().diff(cluster(), app);
        out().result(diff, () -> colour(diff.text()));
        return 0;
    }

    private String colour(String text) {
        StringBuilder s = new StringBuilder();
        text.lines().forEach(line -> s.append(line.startsWith("+++") || line.startsWith("---") ? out().bold(line)
                : line.startsWith("+") ? out().green(line) : line.startsWith("-") ? out().red(line)
                : line.startsWith("@@") ? out().yellow(line) : line).append('\n'));
        return s.toString();
    }
}

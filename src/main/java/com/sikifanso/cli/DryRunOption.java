package com.sikifanso.cli;

import picocli.CommandLine.Option;

/** {@code --dry-run}: the commands whose change is a commit show the plan (the diff it would commit) instead. */
final class DryRunOption {
    @Option(names = "--dry-run", description = "Show what would be committed (summary and diff); change nothing.")
    boolean dryRun;

    boolean asked() {
        return dryRun;
    }
}

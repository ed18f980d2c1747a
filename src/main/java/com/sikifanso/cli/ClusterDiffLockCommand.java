package com.sikifanso.cli;

import com.sikifanso.ops.LockOps;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "diff-lock", description = {"Say what drifted in a cluster since its lock was written.",
    "Apps added or removed, chart versions, values digests, agent definitions, platform versions,",
    "complete profiles, and images (when both the lock and the cluster have them: it must run).",
    "A different GitOps commit alone is not drift.",
    "Exit status, as diff: 0 no drift, 1 drift; errors print on stderr (nothing on stdout) and",
    "exit 2 for a bad or missing lock file, 1 for other failures."},
        footer = {"", "Examples:",
            "  sikifanso cluster diff-lock -c lab1 sikifanso.lock",
            "  sikifanso cluster diff-lock -c lab1 sikifanso.lock -o json",
            "  sikifanso cluster diff-lock -c lab1 sikifanso.lock >/dev/null || echo drifted"})
final class ClusterDiffLockCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The lock to compare with (written by cluster lock).")
    Path file;

    @Override
    int run() {
        return perform(LockOps.CLUSTER_DIFF_LOCK, new LockOps.LockInput(cluster(), file)).drifted() ? 1 : 0;
    }
}

package com.sikifanso.cli;

import com.sikifanso.clusterfile.LockFile;
import com.sikifanso.ops.LockOps;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "lock", description = {"Write the cluster's lockfile (sikifanso.lock): what it runs, pinned.",
    "The k3s image, CNI, Cilium and Argo CD chart versions; each enabled catalog and custom app",
    "with its chart version and its values as committed (embedded, with a sha256 digest); the",
    "agents' definitions and digests; the profiles it has complete; the images its pods run",
    "(with digests; only while the cluster runs); the GitOps commit. Sorted, so locks diff cleanly."},
        footer = {"", "Examples:",
            "  sikifanso cluster lock -c lab1                     # writes ./sikifanso.lock",
            "  sikifanso cluster lock -c lab1 --file lab1.lock",
            "  sikifanso cluster create lab2 --from-lock lab1.lock   # the same apps, versions and values",
            "  sikifanso cluster diff-lock -c lab1 lab1.lock         # what drifted since"})
final class ClusterLockCommand extends BaseCommand {
    @Option(names = {"-f", "--file"}, paramLabel = "PATH", description = "Where to write the lock (default: "
            + LockFile.DEFAULT_FILE + " in the current directory).")
    Path file;

    @Override
    int run() {
        perform(LockOps.CLUSTER_LOCK, new LockOps.LockInput(cluster(), file));
        return 0;
    }
}

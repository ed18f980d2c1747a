package com.sikifanso.cli;

import com.sikifanso.ops.SnapshotOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "restore", description = {
    "Restore a snapshot's GitOps files into its cluster (or -c) in one commit \"restore snapshot NAME\".",
    "Files not in the snapshot are deleted; the repo's history continues, so the restore can be reverted.",
    "The archive is verified whole before anything changes."},
        footer = {"", "Examples:", "  sikifanso snapshot restore before-upgrade",
            "  sikifanso -c lab2 snapshot restore before-upgrade --yes"})
final class SnapshotRestoreCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Candidates.Snapshots.class,
            description = "The snapshot to restore.")
    String name;

    @Mixin
    Confirmation confirmation;

    @Mixin
    WaitOptions wait;

    @Override
    int run() {
        String cluster = clusterGiven() ? cluster() : null;
        confirmation.require(root().terminal(), () -> "Replace the GitOps repo content of cluster "
                + (cluster != null ? cluster : services().snapshots().inspect(name).cluster())
                + " with snapshot " + name + "?", "not restored");
        perform(SnapshotOps.RESTORE, new SnapshotOps.RestoreInput(name, cluster, wait.waitForSync()), wait);
        return 0;
    }
}

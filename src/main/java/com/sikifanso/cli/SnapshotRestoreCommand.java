package com.sikifanso.cli;

import com.sikifanso.snapshot.SnapshotService;
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
        SnapshotService.Tracked tracked = services().snapshots().restoreTracked(name, cluster);
        SnapshotService.Restored restored = tracked.restored();
        out().result(restored, () -> restored.commit() == null
                ? (restored.recreated() ? "recreated the GitOps repo of cluster " + restored.cluster()
                        + " from snapshot " + name + "\n"
                        : "cluster " + restored.cluster() + " already holds snapshot " + name + "; nothing to commit\n")
                : "restored snapshot " + out().bold(name) + " into cluster " + restored.cluster() + " (commit "
                        + SnapshotText.shortHead(restored.commit()) + "); Argo CD applies it from the repo\n");
        awaitConvergence(wait, restored.commit(), restored.cluster(), tracked.toConverge());
        return 0;
    }
}

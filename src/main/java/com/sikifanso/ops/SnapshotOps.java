package com.sikifanso.ops;

import com.sikifanso.core.Table;
import com.sikifanso.snapshot.Snapshot;
import com.sikifanso.snapshot.SnapshotService;
import java.util.List;
import java.util.Optional;

/** Snapshot operations: capture, list, restore and delete archives of a cluster's GitOps repo. */
final class SnapshotOps {
    private SnapshotOps() {
    }

    record CaptureInput(
            @Param("Name of the cluster") String cluster,
            @Param(value = "Name for the snapshot (a DNS-1123 label); default CLUSTER-yyyyMMdd-HHmmss", optional = true)
            String name,
            @Param(value = "Also store the Argo CD password (the file is then readable by its owner only)",
                    defaultValue = "false") boolean includeSecrets) {
    }

    record RestoreInput(
            @Param("Name of the snapshot") String name,
            @Param(value = "Cluster to restore into; default the cluster the snapshot was taken from", optional = true)
            String cluster,
            @Param(value = "Wait until Argo CD has applied the change (up to 5 minutes), reporting progress",
                    defaultValue = "false") @com.fasterxml.jackson.annotation.JsonProperty("wait") boolean waitForSync) {
    }

    record SnapshotRef(@Param("Name of the snapshot") String name) {
    }

    record SnapshotList(List<Snapshot> snapshots) {
    }

    record SnapshotDeleted(String deleted) {
    }

    static List<Operation<?, ?>> all() {
        return List.of(
                Operation.of("snapshot_capture", "Capture a cluster's GitOps repo (with its full git history) and its "
                                + "session into a snapshot archive; the Argo CD password is left out unless asked "
                                + "for, and then only after the user confirms. An existing snapshot of that name is "
                                + "never overwritten.",
                        Toolset.snapshot, Safety.CREATE, CaptureInput.class,
                        SnapshotService.Captured.class,
                        (in, ctx) -> ctx.services().snapshots().capture(in.cluster(), in.name(), in.includeSecrets()),
                        out -> "Captured snapshot " + out.snapshot().name() + " of cluster " + out.snapshot().cluster()
                                + " at " + shortHead(out.snapshot().gitHead()) + " (" + out.snapshot().path() + ")"
                                + (out.skipped().isEmpty() ? "" : "; left out: " + String.join(", ", out.skipped())))
                        // An agent must not copy the Argo CD password into a file without the user's say-so.
                        .confirmWhen(in -> in.includeSecrets() ? Optional.of("Write the Argo CD admin password of "
                                + "cluster \"" + in.cluster() + "\" into a snapshot archive (readable by its owner "
                                + "only)?") : Optional.empty()),
                Operation.of("snapshot_list", "List snapshots, newest first, with the cluster, time, sikifanso version "
                                + "and git HEAD each was taken at.",
                        Toolset.snapshot, Safety.READ, ClusterOps.NoInput.class, SnapshotList.class,
                        (in, ctx) -> new SnapshotList(ctx.services().snapshots().list()),
                        out -> out.snapshots().isEmpty() ? "No snapshots. Capture one with snapshot_capture."
                                : table(out.snapshots())),
                Operation.of("snapshot_restore", "Replace the content of a cluster's GitOps repo with a snapshot's, in "
                                + "one commit 'restore snapshot NAME' (the repo's history is kept; files not in the "
                                + "snapshot are deleted). The archive is verified first; with wait, returns once Argo "
                                + "CD has applied it. Asks the user first.",
                        Toolset.snapshot, Safety.DESTRUCTIVE, RestoreInput.class, SnapshotService.Restored.class,
                        (in, ctx) -> {
                            SnapshotService.Tracked t = ctx.services().snapshots().restoreTracked(in.name(),
                                    in.cluster());
                            ctx.awaitIf(in.waitForSync(), t.restored().cluster(),
                                    Optional.ofNullable(t.restored().commit()), t.toConverge());
                            return t.restored();
                        },
                        out -> out.commit() == null
                                ? (out.recreated() ? "Recreated the GitOps repo of cluster " + out.cluster()
                                        + " from snapshot " + out.snapshot()
                                        : "Cluster " + out.cluster() + " already holds snapshot " + out.snapshot()
                                                + "; nothing to commit")
                                : "Restored snapshot " + out.snapshot() + " into cluster " + out.cluster()
                                        + " in commit " + shortHead(out.commit()))
                        .confirmWhen(in -> Optional.of("Replace the GitOps repo content of "
                                + (in.cluster() == null ? "the cluster snapshot \"" + in.name() + "\" was taken from"
                                        : "cluster \"" + in.cluster() + "\"")
                                + " with snapshot \"" + in.name() + "\"? Files not in the snapshot are deleted "
                                + "(in one commit; the history is kept).")),
                Operation.of("snapshot_delete", "Delete a snapshot archive permanently. Asks the user first.",
                        Toolset.snapshot, Safety.DESTRUCTIVE, SnapshotRef.class, SnapshotDeleted.class,
                        (in, ctx) -> {
                            ctx.services().snapshots().delete(in.name());
                            return new SnapshotDeleted(in.name());
                        },
                        out -> "Deleted snapshot " + out.deleted())
                        .confirmWhen(in -> Optional.of("Delete snapshot \"" + in.name()
                                + "\"? This cannot be undone.")));
    }

    static String table(List<Snapshot> snapshots) {
        Table t = new Table("NAME", "CLUSTER", "CREATED", "VERSION", "HEAD");
        snapshots.forEach(s -> t.row(s.name(), s.cluster(),
                s.createdAt(), s.toolVersion(), shortHead(s.gitHead())));
        return t.render();
    }

    static String shortHead(String commit) {
        return commit == null || commit.length() < 7 ? String.valueOf(commit) : commit.substring(0, 7);
    }
}

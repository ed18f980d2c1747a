package com.sikifanso.ops;

import com.sikifanso.snapshot.Snapshot;
import com.sikifanso.snapshot.SnapshotService;
import com.sikifanso.snapshot.SnapshotText;
import java.util.List;
import java.util.Optional;

/** Snapshot operations: capture, list, restore and delete archives of a cluster's GitOps repo. */
public final class SnapshotOps {
    private SnapshotOps() {
    }

    public record CaptureInput(
            @Param(Param.CLUSTER) String cluster,
            @Param(value = "Name for the snapshot (a DNS-1123 label); default CLUSTER-yyyyMMdd-HHmmss", optional = true)
            String name,
            @Param(value = "Also store the Argo CD password (the file is then readable by its owner only)",
                    defaultValue = "false") boolean includeSecrets,
            @Param(value = "Also store the activity journal (redacted); a cluster created from it keeps that history",
                    defaultValue = "false") boolean includeActivity) implements ClusterScoped {
    }

    /** Snapshots are not per cluster: listing takes nothing. */
    public record ListInput() {
    }

    public record RestoreInput(
            @Param("Name of the snapshot") String name,
            @Param(value = "Cluster to restore into; default the cluster the snapshot was taken from", optional = true)
            String cluster,
            @Wait boolean waitForSync) implements ClusterScoped, WaitInput {
    }

    public record SnapshotRef(@Param("Name of the snapshot") String name) {
    }

    public record SnapshotList(List<Snapshot> snapshots) {
    }

    public record SnapshotDeleted(String deleted) {
    }

    public static final Operation<CaptureInput, SnapshotService.Captured> CAPTURE = Operation.of("snapshot_capture",
                    "Save a cluster's GitOps repo (with history) and session as a snapshot archive; never "
                            + "overwrites one. The Argo CD password only with includeSecrets, which asks the user.",
                    Toolset.snapshot, Safety.CREATE, CaptureInput.class,
                    SnapshotService.Captured.class,
                    (in, ctx) -> {
                        SnapshotService.Captured captured = ctx.services().snapshots().capture(in.clusterName(),
                                in.name(), in.includeSecrets(), in.includeActivity());
                        captured.skipped().forEach(p -> ctx.progress().accept("warning: left out " + p
                                + " (not a regular file or directory)"));
                        return captured;
                    },
                    SnapshotText::captured)
            // An agent must not copy the Argo CD password into a file without the user's say-so.
            .confirmWhen(in -> in.includeSecrets() ? Optional.of("Write the Argo CD admin password of cluster \""
                    + in.cluster() + "\" into a snapshot archive (readable by its owner only)?") : Optional.empty());

    public static final Operation<ListInput, SnapshotList> LIST = Operation.of("snapshot_list",
            "List snapshots, newest first, with the cluster, time, sikifanso version and git HEAD each was taken at.",
            Toolset.snapshot, Safety.READ, ListInput.class, SnapshotList.class,
            (in, ctx) -> new SnapshotList(ctx.services().snapshots().list()),
            (out, style) -> SnapshotText.list(out.snapshots(), style));

    public static final Operation<RestoreInput, SnapshotService.Restored> RESTORE = Operation.of("snapshot_restore",
                    "Make a cluster's GitOps repo match a snapshot's in one commit (history kept; files not in "
                            + "the snapshot are deleted), after verifying the archive. Asks the user first.",
                    Toolset.snapshot, Safety.DESTRUCTIVE, RestoreInput.class, SnapshotService.Restored.class,
                    (in, ctx) -> ctx.services().snapshots().restore(in.name(), in.clusterName()),
                    SnapshotText::restored)
            .confirmWhen(in -> Optional.of("Replace the GitOps repo content of "
                    + (in.cluster() == null ? "the cluster snapshot \"" + in.name() + "\" was taken from"
                            : "cluster \"" + in.cluster() + "\"")
                    + " with snapshot \"" + in.name() + "\"? Files not in the snapshot are deleted "
                    + "(in one commit; the history is kept)."));

    public static final Operation<SnapshotRef, SnapshotDeleted> DELETE = Operation.of("snapshot_delete",
                    "Delete a snapshot archive permanently. Asks the user first.",
                    Toolset.snapshot, Safety.DESTRUCTIVE, SnapshotRef.class, SnapshotDeleted.class,
                    (in, ctx) -> {
                        ctx.services().snapshots().delete(in.name());
                        return new SnapshotDeleted(in.name());
                    },
                    out -> SnapshotText.deleted(out.deleted()))
            .confirmWhen(in -> Optional.of("Delete snapshot \"" + in.name() + "\"? This cannot be undone."));

    static List<Operation<?, ?>> all() {
        return List.of(CAPTURE, LIST, RESTORE, DELETE);
    }
}

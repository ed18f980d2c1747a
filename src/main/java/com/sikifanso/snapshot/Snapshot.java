package com.sikifanso.snapshot;

import java.time.Instant;

/** A snapshot archive under {@code snapshots/}, as {@code snapshot list} shows it. */
public record Snapshot(
        String name,
        String cluster,
        Instant createdAt,
        String toolVersion,
        String gitHead,
        boolean includesSecrets,
        String path,
        long size) {

    static Snapshot of(String name, SnapshotMeta meta, java.nio.file.Path file, long size) {
        return new Snapshot(name, meta.cluster(), meta.createdAt(), meta.toolVersion(), meta.gitHead(),
                meta.includesSecrets(), file.toString(), size);
    }
}

package com.sikifanso.snapshot;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * {@code snapshot.yaml}, the first entry of every archive: what was captured, from which cluster,
 * by which sikifanso, and at which commit of its GitOps repo.
 */
@JsonPropertyOrder({"formatVersion", "name", "cluster", "createdAt", "toolVersion", "gitHead", "includesSecrets"})
public record SnapshotMeta(
        Integer formatVersion,
        String name,
        String cluster,
        Instant createdAt,
        String toolVersion,
        String gitHead,
        boolean includesSecrets) {

    /** The archive layout this sikifanso writes and the only one it reads. */
    public static final int FORMAT_VERSION = 1;
}

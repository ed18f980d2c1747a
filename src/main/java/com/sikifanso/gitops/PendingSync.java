package com.sikifanso.gitops;

import com.sikifanso.core.CommitId;
import com.sikifanso.core.ClusterName;
import java.util.List;

/**
 * What a committed change must bring about in the cluster before it counts as applied. The service that
 * made the change says so, so that no surface (CLI, MCP, dashboard, AI) decides it on its own.
 */
public record PendingSync(ClusterName cluster, CommitId commit, List<SyncTarget> targets) {
    public PendingSync {
        targets = List.copyOf(targets);
    }

    /** A result that may carry a {@link PendingSync}: empty when nothing was committed. */
    public interface Carrier {
        @com.fasterxml.jackson.annotation.JsonIgnore
        java.util.Optional<PendingSync> pendingSync();
    }
}

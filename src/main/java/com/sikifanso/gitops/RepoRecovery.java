package com.sikifanso.gitops;

import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;

/** The way back for a cluster whose GitOps repo is lost or broken: a snapshot, or a new cluster. */
public final class RepoRecovery {
    private RepoRecovery() {
    }

    public static Hint hint(com.sikifanso.core.ClusterName cluster) {
        return Hint.of("restore it from a snapshot (", Suggestion.of("snapshot", "list"), "; ",
                Suggestion.of("snapshot", "restore").arg("name", "NAME").cluster(cluster),
                "), or recreate the cluster: ", Suggestion.of("cluster", "delete").arg("cluster", cluster), Hint.THEN,
                Suggestion.of("cluster", "create").arg("name", cluster));
    }
}

package com.sikifanso.gitops;

import com.sikifanso.core.ClusterName;
/** Tells the cluster a commit is waiting, so Argo CD acts now instead of at its next poll. */
@FunctionalInterface
public interface Reconciler {
    void refresh(ClusterName cluster, String applicationSet);

    /** For clusters that are not running, and for tests of the repo alone. */
    Reconciler NONE = (cluster, applicationSet) -> { };
}

package com.sikifanso.ops;

import com.sikifanso.Services;
import java.util.function.Consumer;

/**
 * What a handler may use: the shared services, a sink for progress messages, and how long its caller waits
 * for what does not go through {@link com.sikifanso.gitops.PendingSync} (a restart after a rotation).
 */
public record OperationContext(Services services, Consumer<String> progress, WaitPolicy waitPolicy) {

    public OperationContext(Services services, Consumer<String> progress) {
        this(services, progress, WaitPolicy.PROGRAM);
    }

    /** After a commit, when asked to: wait for the cluster, and fail (isError) when it did not converge. */
    public void awaitIf(boolean wait, String cluster, java.util.Optional<String> commit,
                        com.sikifanso.gitops.SyncTarget target) {
        awaitIf(wait, cluster, commit, java.util.List.of(target));
    }

    public void awaitIf(boolean wait, String cluster, java.util.Optional<String> commit,
                        java.util.List<com.sikifanso.gitops.SyncTarget> targets) {
        if (wait && commit.isPresent()) {
            services.convergence().awaitAll(cluster, targets, waitPolicy.timeout(), progress)
                    .requireConverged(waitPolicy.longerHint());
        }
    }
}

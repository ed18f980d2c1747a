package com.sikifanso.ops;

import com.sikifanso.Services;
import java.util.function.Consumer;

/** What a handler may use: the shared services, and a sink for progress messages. */
public record OperationContext(Services services, Consumer<String> progress) {

    /** After a commit, when asked to: wait for the cluster, and fail (isError) when it did not converge. */
    public void awaitIf(boolean wait, String cluster, java.util.Optional<String> commit,
                        com.sikifanso.argocd.SyncTarget target) {
        awaitIf(wait, cluster, commit, java.util.List.of(target));
    }

    public void awaitIf(boolean wait, String cluster, java.util.Optional<String> commit,
                        java.util.List<com.sikifanso.argocd.SyncTarget> targets) {
        if (wait && commit.isPresent()) {
            services.convergence().awaitAll(cluster, targets, com.sikifanso.argocd.SyncOrchestrator.DEFAULT_TIMEOUT,
                            progress)
                    .requireConverged("a later call (the change keeps converging)");
        }
    }
}

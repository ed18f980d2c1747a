package com.sikifanso.argocd;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Hint;
import com.sikifanso.core.Progress;
import com.sikifanso.core.Suggestion;
import com.sikifanso.gitops.SyncTarget;

import com.sikifanso.kube.KubeClients;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.SessionStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;

/** Waits for a committed change to take effect in the cluster, when there is a cluster to wait for. */
public final class Convergence {
    private final SessionStore sessions;
    private final KubeClients clients;
    private final SyncOrchestrator orchestrator;
    private final Progress progress;

    public Convergence(SessionStore sessions, KubeClients clients, SyncOrchestrator orchestrator,
                       Progress progress) {
        this.sessions = sessions;
        this.clients = clients;
        this.orchestrator = orchestrator;
        this.progress = progress;
    }

    public SyncOutcome await(ClusterName cluster, SyncTarget target, Duration timeout) {
        return await(cluster, target, timeout, progress);
    }

    /** Several targets in order within one timeout; stops at the first that does not converge. */
    public SyncOutcome awaitAll(ClusterName cluster, List<SyncTarget> targets, Duration timeout, Progress progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> done = new java.util.ArrayList<>();
        for (SyncTarget target : targets) {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            SyncOutcome outcome = await(cluster, target, left, progress);
            if (!(outcome instanceof SyncOutcome.Converged c)) {
                return outcome;
            }
            done.addAll(c.apps());
        }
        return new SyncOutcome.Converged(done);
    }

    /** As {@link #await(String, SyncTarget, Duration)}, reporting to {@code progress} (e.g. one MCP call's). */
    public SyncOutcome await(ClusterName cluster, SyncTarget target, Duration timeout, Progress progress) {
        if (target.apps().isEmpty()) {
            return new SyncOutcome.Converged(List.of());
        }
        ClusterState state = sessions.load(cluster).state();
        if (state != ClusterState.RUNNING) {
            if (state == ClusterState.STOPPED) {
                progress.note("cluster " + cluster + " is stopped: the change applies when it starts");
            }
            return new SyncOutcome.Converged(List.of());
        }
        progress.step("waiting for Argo CD (up to " + timeout.toSeconds() + "s)");
        progress.note(Hint.of("(", Suggestion.of("app", "sync").flag("no-wait", "wait", false).mention(),
                " skips this wait)"));
        try (KubernetesClient kube = clients.forCluster(cluster)) {
            return orchestrator.await(kube, target, timeout, progress);
        }
    }
}

package com.sikifanso.agui.state;

import com.sikifanso.core.ClusterName;
import com.sikifanso.Services;
import com.sikifanso.agui.EventType;
import com.sikifanso.argocd.ArgoCdResources;
import com.sikifanso.argocd.RunningLab;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * For bench/events.sh: the state feed against fabric8's mock API server in CRUD mode (no real API server here).
 * Prints the time from opening the feed to its STATE_SNAPSHOT in the journal, and from an Application's health
 * change to its STATE_DELTA (p50, p95; the 250 ms debounce included). Args: N changes.
 */
public final class StateFeedBench {
    private StateFeedBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path home = Files.createTempDirectory("state-bench");
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        try (KubernetesClient kube = server.createClient()) {
            RunningLab.home(home, "http://127.0.0.1:1", "pw");
            RunningLab.writeKubeconfig(home, kube);
            Services services = RunningLab.cliServices(home);
            var apps = kube.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd");
            apps.resource(RunningLab.application("qdrant", "qdrant", "Synced", "Healthy", List.of())).create();
            StateJournal journal = new StateJournal(home.resolve("clusters").resolve(RunningLab.CLUSTER));
            List<Long> latencies = new ArrayList<>();
            long opened = System.nanoTime();
            try (AutoCloseable feed = ClusterStateFeed.whileListening(services, ClusterName.of(RunningLab.CLUSTER))) {
                journal.awaitMore(EventType.STATE_SNAPSHOT, 0);
                System.out.printf("%-40s %10.0f ms%n", "open to STATE_SNAPSHOT (with doctor)",
                        (System.nanoTime() - opened) / 1e6);
                for (int i = 0; i < n; i++) {
                    String health = i % 2 == 0 ? "Degraded" : "Healthy";
                    long changed = System.nanoTime();
                    apps.withName("qdrant").edit(a -> ClusterStateFeedTest.withStatus(a, "Synced", health));
                    journal.awaitMore(EventType.STATE_DELTA, i);
                    latencies.add(System.nanoTime() - changed);
                }
            }
            latencies.sort(Long::compare);
            System.out.printf("%-40s %10.0f ms%n", "Application change to STATE_DELTA p50",
                    latencies.get(latencies.size() / 2) / 1e6);
            System.out.printf("%-40s %10.0f ms%n", "Application change to STATE_DELTA p95",
                    latencies.get(Math.min(latencies.size() - 1, latencies.size() * 95 / 100)) / 1e6);
        } finally {
            server.destroy();
        }
        System.exit(0);
    }
}

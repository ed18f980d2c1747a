package com.sikifanso.argocd;

import com.sikifanso.gitops.SyncTarget;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sync orchestrator's own cost: N Applications that are already Synced and Healthy (statuses
 * flip at once), against fabric8's mock API server; per app, in milliseconds. Run by bench/sync.sh;
 * prints figures and never fails on time.
 */
public final class SyncBench {
    private SyncBench() {
    }

    public static void main(String[] args) {
        java.util.logging.LogManager.getLogManager().reset();
        int apps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        try (KubernetesClient kube = server.createClient()) {
            List<SyncTarget.App> targets = new ArrayList<>();
            String[] tiers = {"0-operators", "1-data", "2-services"};
            for (int i = 0; i < apps; i++) {
                String name = "app-" + i;
                targets.add(new SyncTarget.App(name, tiers[i % 3]));
                kube.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd")
                        .resource(new GenericKubernetesResourceBuilder().withApiVersion("argoproj.io/v1alpha1")
                                .withKind("Application").withNewMetadata().withName(name).withNamespace("argocd")
                                .endMetadata().addToAdditionalProperties("status", Map.of(
                                        "sync", Map.of("status", "Synced"), "health", Map.of("status", "Healthy")))
                                .build())
                        .create();
            }
            SyncOrchestrator orchestrator = new SyncOrchestrator(Duration.ofSeconds(60), Duration.ofSeconds(2));
            SyncTarget target = new SyncTarget(SyncTarget.Kind.APPEAR, targets);
            orchestrator.await(kube, target, Duration.ofMinutes(1), com.sikifanso.core.Progress.NONE);
            long[] times = new long[runs];
            for (int r = 0; r < runs; r++) {
                long start = System.nanoTime();
                SyncOutcome outcome = orchestrator.await(kube, target, Duration.ofMinutes(1), com.sikifanso.core.Progress.NONE);
                times[r] = System.nanoTime() - start;
                if (!(outcome instanceof SyncOutcome.Converged)) {
                    throw new IllegalStateException("expected convergence, got " + outcome);
                }
            }
            java.util.Arrays.sort(times);
            double total = times[runs / 2] / 1e6;
            System.out.printf("%-44s %10s%n", "measure (median of " + runs + ", in-process)", "ms");
            System.out.printf("%-44s %10.1f%n", "orchestrator, " + apps + " apps in 3 tiers, total", total);
            System.out.printf("%-44s %10.2f%n", "orchestrator overhead per app", total / apps);
        }
        // Ends the JVM, and with it the mock server: shutting that down waits on its watch sockets and can
        // take longer than the bench itself.
        System.exit(0);
    }
}

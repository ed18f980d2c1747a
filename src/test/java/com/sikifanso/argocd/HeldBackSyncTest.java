package com.sikifanso.argocd;

import com.sikifanso.gitops.SyncTarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.core.SikifansoException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A wait that times out on a catalog app the catalog's RollingSync has not reached names the app
 * it waits on. The test plays Argo CD in fabric8's mock API server (CRUD mode): the Application and
 * the catalog ApplicationSet's status as argo-cd v3.4.5's controllers write them.
 */
@EnableKubernetesMockClient(crud = true)
class HeldBackSyncTest {
    KubernetesClient client;

    private final List<String> progress = new ArrayList<>();
    private final SyncOrchestrator orchestrator = new SyncOrchestrator(Duration.ofMillis(800), Duration.ofMillis(100));

    private void application(String app, String sync, String health) {
        GenericKubernetesResource resource = new GenericKubernetesResourceBuilder()
                .withApiVersion("argoproj.io/v1alpha1").withKind("Application")
                .withNewMetadata().withName(app).withNamespace("argocd").endMetadata()
                .addToAdditionalProperties("status", Map.of("sync", Map.of("status", sync), "health",
                        Map.of("status", health))).build();
        client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd").resource(resource)
                .create();
    }

    private SyncOutcome awaitAppear(String app, String tier) {
        return orchestrator.await(client, new SyncTarget(SyncTarget.Kind.APPEAR, List.of(new SyncTarget.App(app,
                tier))), Duration.ofSeconds(2), com.sikifanso.agui.RunProgress.toLines(progress::add));
    }

    @Test
    void aCatalogAppHeldBackByRollingSyncTimesOutNamingTheBlockingAppAndTier() {
        client.genericKubernetesResources(ArgoCdResources.APPLICATION_SET).inNamespace("argocd").resource(
                CatalogRolloutTest.catalogWithStatus(
                        "ollama", "2", "Progressing", "Application resource has synced, updating status to Progressing",
                        "cnpg-operator", "1", "Healthy", "Application resource became Healthy",
                        "litellm-proxy", "3", "Waiting", "No Application status found, defaulting status to Waiting"))
                .create();
        application("litellm-proxy", "OutOfSync", "Missing");

        SyncOutcome outcome = awaitAppear("litellm-proxy", "2-services");

        assertThat(outcome).isInstanceOf(SyncOutcome.TimedOut.class);
        SyncOutcome.TimedOut timedOut = (SyncOutcome.TimedOut) outcome;
        assertThat(timedOut.pending()).containsExactly("litellm-proxy (sync=OutOfSync health=Missing)");
        assertThat(timedOut.heldBack()).isEqualTo(new CatalogRollout.Blocker("litellm-proxy", "ollama", "1-data",
                "Progressing", "Application resource has synced, updating status to Progressing"));
        assertThatThrownBy(() -> outcome.requireConverged("--timeout"))
                .hasMessage("timed out waiting for: litellm-proxy (sync=OutOfSync health=Missing); litellm-proxy "
                        + "waits for its RollingSync turn: ollama in tier 1-data is Progressing (Application "
                        + "resource has synced, updating status to Progressing), and Argo CD syncs a tier only when "
                        + "every app of the earlier tiers is Healthy")
                .extracting(e -> ((SikifansoException) e).hint()).isEqualTo("the change is committed; make ollama "
                        + "Healthy (see why: sikifanso app status ollama), or disable it: sikifanso app disable "
                        + "ollama");
    }

    @Test
    void withoutARolloutHoldingItBackATimeoutSaysOnlyWhatIsPending() {
        application("qdrant", "OutOfSync", "Missing");

        SyncOutcome outcome = awaitAppear("qdrant", "1-data");

        assertThat(outcome).isEqualTo(new SyncOutcome.TimedOut(List.of("qdrant (sync=OutOfSync health=Missing)")));
    }
}

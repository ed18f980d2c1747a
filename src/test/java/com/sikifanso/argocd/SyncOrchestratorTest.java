package com.sikifanso.argocd;

import com.sikifanso.gitops.SyncTarget;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The test plays Argo CD by writing Application status into fabric8's mock API server (CRUD
 * mode); no kube-apiserver or Argo CD can run on this machine.
 */
@EnableKubernetesMockClient(crud = true)
class SyncOrchestratorTest {
    KubernetesClient client;

    private final ScheduledExecutorService argo = Executors.newSingleThreadScheduledExecutor();
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());
    private final SyncOrchestrator orchestrator = new SyncOrchestrator(Duration.ofMillis(800), Duration.ofMillis(100));

    @AfterEach
    void stopArgo() {
        argo.shutdownNow();
    }

    private static SyncTarget appear(String... namesAndTiers) {
        List<SyncTarget.App> apps = new ArrayList<>();
        for (int i = 0; i < namesAndTiers.length; i += 2) {
            apps.add(new SyncTarget.App(namesAndTiers[i], namesAndTiers[i + 1]));
        }
        return new SyncTarget(SyncTarget.Kind.APPEAR, apps);
    }

    /** Argo CD, later: the Application with this sync and health (created if absent). */
    private void at(long millis, String app, String sync, String health, Map<String, Object> extra) {
        argo.schedule(() -> write(app, sync, health, extra), millis, TimeUnit.MILLISECONDS);
    }

    private void at(long millis, String app, String sync, String health) {
        at(millis, app, sync, health, Map.of());
    }

    private void write(String app, String sync, String health, Map<String, Object> extra) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("sync", Map.of("status", sync));
        status.put("health", Map.of("status", health));
        status.putAll(extra);
        GenericKubernetesResource resource = new GenericKubernetesResourceBuilder()
                .withApiVersion("argoproj.io/v1alpha1").withKind("Application")
                .withNewMetadata().withName(app).withNamespace("argocd").endMetadata()
                .addToAdditionalProperties("status", status).build();
        client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd")
                .resource(resource).createOr(existing -> existing.update());
    }

    private SyncOutcome await(SyncTarget target, Duration timeout) {
        return orchestrator.await(client, target, timeout, com.sikifanso.agui.RunProgress.toLines(progress::add));
    }

    @Test
    void anAppThatAppearsAndBecomesHealthyConverges() {
        at(100, "qdrant", "OutOfSync", "Progressing");
        at(300, "qdrant", "Synced", "Healthy");

        assertThat(await(appear("qdrant", "1-data"), Duration.ofSeconds(10)))
                .isEqualTo(new SyncOutcome.Converged(List.of("qdrant")));
        assertThat(progress).contains("  qdrant: sync=Synced health=Healthy");
    }

    @Test
    void degradedThenHealthyWithinTheGracePeriodConverges() {
        at(50, "langfuse", "Synced", "Degraded");
        at(500, "langfuse", "Synced", "Healthy");

        assertThat(await(appear("langfuse", "2-services"), Duration.ofSeconds(10)))
                .isInstanceOf(SyncOutcome.Converged.class);
    }

    @Test
    void degradedBeyondTheGracePeriodFailsWithTheUnhealthyResource() {
        at(50, "langfuse", "Synced", "Degraded", Map.of("resources", List.of(Map.of("kind", "Deployment",
                "name", "langfuse-web", "namespace", "observability",
                "health", Map.of("status", "Degraded", "message", "container crash-looping")))));

        SyncOutcome outcome = await(appear("langfuse", "2-services"), Duration.ofSeconds(10));

        assertThat(outcome).isInstanceOf(SyncOutcome.Failed.class);
        assertThat(((SyncOutcome.Failed) outcome).reason()).startsWith("Degraded for more than 0s")
                .contains("Deployment langfuse-web in namespace observability: container crash-looping");
    }

    @Test
    void leavingDegradedRestartsTheGracePeriod() {
        at(50, "loki", "Synced", "Degraded");
        at(600, "loki", "Synced", "Progressing");
        at(700, "loki", "Synced", "Degraded");
        at(1300, "loki", "Synced", "Healthy");

        assertThat(await(appear("loki", "1-data"), Duration.ofSeconds(10)))
                .isInstanceOf(SyncOutcome.Converged.class);
    }

    @Test
    void aFailedSyncOperationFailsAtOnce() {
        at(50, "valkey", "OutOfSync", "Missing", Map.of("operationState",
                Map.of("phase", "Failed", "message", "one or more objects failed to apply")));

        SyncOutcome outcome = await(appear("valkey", "1-data"), Duration.ofSeconds(10));

        assertThat(outcome).isEqualTo(new SyncOutcome.Failed("valkey",
                "sync=OutOfSync health=Missing (one or more objects failed to apply)"));
    }

    @Test
    void tiersGoInOrderAndAFailingTierStopsTheRest() {
        at(50, "cnpg-operator", "Synced", "Degraded");
        at(50, "langfuse", "Synced", "Healthy");

        SyncOutcome outcome = await(appear("langfuse", "2-services", "cnpg-operator", "0-operators"),
                Duration.ofSeconds(10));

        assertThat(outcome).isInstanceOf(SyncOutcome.Failed.class);
        assertThat(((SyncOutcome.Failed) outcome).app()).isEqualTo("cnpg-operator");
        assertThat(progress).noneMatch(line -> line.contains("langfuse"));
    }

    /**
     * The wait as AG-UI events: each tier an activity (apps appearing, progressing, healthy, as JSON Patches), valid
     * for {@code @ag-ui/core}'s schemas and {@code verifyEvents}, and holding every app's last state at the end;
     * the progress lines are exactly the activities' texts.
     */
    @Test
    void eachTierIsAnActivityWhoseDeltasFollowItsAppsToHealthy() {
        at(50, "qdrant", "OutOfSync", "Progressing");
        at(200, "qdrant", "Synced", "Healthy");
        at(300, "langfuse", "Synced", "Progressing");
        at(500, "langfuse", "Synced", "Healthy");
        List<com.sikifanso.agui.AguiEvent> events = Collections.synchronizedList(new ArrayList<>());
        com.sikifanso.agui.AguiRun run = com.sikifanso.agui.AguiRun.start("lab", "sync-run", null,
                events::add);
        com.sikifanso.agui.RunProgress runProgress = new com.sikifanso.agui.RunProgress(run);
        com.sikifanso.agui.ProgressText lines = new com.sikifanso.agui.ProgressText(progress::add);

        runProgress.step("waiting for Argo CD");
        SyncOutcome outcome = orchestrator.await(client, appear("langfuse", "2-services", "qdrant", "1-data"),
                Duration.ofSeconds(10), runProgress);
        runProgress.finishStep();
        run.finish();
        events.forEach(lines);

        assertThat(outcome).isEqualTo(new SyncOutcome.Converged(List.of("qdrant", "langfuse")));
        assertThat(events).filteredOn(e -> e instanceof com.sikifanso.agui.AguiEvent.ActivitySnapshot)
                .extracting(e -> ((com.sikifanso.agui.AguiEvent.ActivitySnapshot) e).activityType())
                .containsExactly("sync:1-data", "sync:2-services");
        assertThat(progress).first().isEqualTo("waiting for Argo CD");
        assertThat(progress).contains("  qdrant: sync=Synced health=Healthy", "  langfuse: sync=Synced health=Healthy");
        com.fasterxml.jackson.databind.JsonNode checked = new com.sikifanso.agui.NodeAguiCheck()
                .stream("sync wait", events).run().at("/streams/0");
        assertThat(checked.path("schemaErrors")).as(checked.toPrettyString()).isEmpty();
        assertThat(checked.path("verifyError").isNull()).as(checked.path("verifyError").asText()).isTrue();
        List<String> held = new ArrayList<>();
        checked.path("activities").forEach(a -> held.add(a.path("tier").asText() + " " + a.path("done").asInt() + "/"
                + a.path("total").asInt() + " " + a.path("apps")));
        assertThat(held).containsExactlyInAnyOrder(
                "1-data 1/1 {\"qdrant\":\"sync=Synced health=Healthy\"}",
                "2-services 1/1 {\"langfuse\":\"sync=Synced health=Healthy\"}");
    }

    @Test
    void disablingWaitsForTheAppToDisappear() {
        write("qdrant", "Synced", "Healthy", Map.of());
        argo.schedule(() -> client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd")
                .withName("qdrant").delete(), 300, TimeUnit.MILLISECONDS);

        SyncOutcome outcome = await(new SyncTarget(SyncTarget.Kind.DISAPPEAR,
                List.of(new SyncTarget.App("qdrant", "1-data"))), Duration.ofSeconds(10));

        assertThat(outcome).isEqualTo(new SyncOutcome.Converged(List.of("qdrant")));
    }

    @Test
    void anAppThatNeverConvergesTimesOutNamingWhatIsPending() {
        at(50, "ollama", "Synced", "Progressing");

        SyncOutcome outcome = await(appear("ollama", "1-data", "qdrant", "1-data"), Duration.ofMillis(1500));

        assertThat(outcome).isEqualTo(new SyncOutcome.TimedOut(List.of(
                "ollama (sync=Synced health=Progressing)", "qdrant (not present)")));
    }

    @Test
    void pollingAlsoGivesDegradedAppsAGracePeriod() {
        SyncOrchestrator polling = new SyncOrchestrator(Duration.ofMillis(800), Duration.ofMillis(100), false);
        at(50, "tempo", "Synced", "Degraded");
        at(400, "tempo", "Synced", "Healthy");

        assertThat(polling.await(client, appear("tempo", "1-data"), Duration.ofSeconds(10), com.sikifanso.agui.RunProgress.toLines(progress::add)))
                .isInstanceOf(SyncOutcome.Converged.class);

        at(0, "alloy", "Synced", "Degraded");
        SyncOutcome failed = polling.await(client, appear("alloy", "2-services"), Duration.ofSeconds(10),
                com.sikifanso.agui.RunProgress.toLines(progress::add));
        assertThat(failed).isInstanceOf(SyncOutcome.Failed.class);
    }
}

package com.sikifanso.ops;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.LabKubeconfig;
import com.sikifanso.Services;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.EventType;
import com.sikifanso.agui.NodeAguiCheck;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.agui.journal.JournalTail;
import com.sikifanso.argocd.ArgoCdResources;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.SikifansoHome;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync wait as a long run in the cluster's journal, written while it happens: fabric8's mock API server stands in
 * for the running cluster (none can run here) and the test plays Argo CD, but only once another thread has read the
 * wait's step from the journal, so the operation cannot finish unless its step was journalled live.
 */
@EnableKubernetesMockClient(crud = true)
class LiveJournalTest {
    KubernetesClient client;

    @TempDir
    Path home;

    private Services services;
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void runningCluster() throws Exception {
        Path kubeconfig = home.resolve("kubeconfig");
        LabKubeconfig.write(kubeconfig, client.getMasterUrl().toString());
        services = new Services(new BuildInfo("test", "none"), new SikifansoHome(home.resolve("home")),
                Duration.ofSeconds(5), progress::add, Map.of("KUBECONFIG", kubeconfig.toString(),
                        "HOME", home.toString(), "DOCKER_HOST", "unix:///nonexistent.sock"));
        services.clusters().prepare(com.sikifanso.core.ClusterName.of("lab"), new TemplateSource.Embedded(), null);
        services.sessions().save(services.sessions().load(ClusterName.of("lab")).withState(ClusterState.RUNNING));
    }

    private ActivityJournal journal() {
        return new ActivityJournal(home.resolve("home").resolve("clusters").resolve("lab"), JournalOptions.DEFAULTS);
    }

    private Object call(String tool, Map<String, Object> args) {
        return new OperationRegistry().invoke(tool, args, new OperationContext(services, progress::add));
    }

    /** Argo CD reports the app healthy once the journal, read from another thread, shows the wait's step. */
    private CompletableFuture<JournalEntry> healthyOnceTheStepIsJournalled(String app, long after) {
        return CompletableFuture.supplyAsync(() -> {
            try (JournalTail tail = journal().follow(after)) {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < end) {
                    for (JournalEntry e : tail.poll(Duration.ofMillis(200))) {
                        if (e.event() instanceof AguiEvent.StepStarted s && s.stepName().startsWith("waiting for Argo")) {
                            healthy(app);
                            return e;
                        }
                    }
                }
                healthy(app);    // let the wait end; the test then fails on the missing step
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        });
    }

    private void healthy(String app) {
        client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd")
                .resource(new GenericKubernetesResourceBuilder().withApiVersion("argoproj.io/v1alpha1")
                        .withKind("Application").withNewMetadata().withName(app).withNamespace("argocd")
                        .endMetadata().addToAdditionalProperties("status", Map.of(
                                "sync", Map.of("status", "Synced"), "health", Map.of("status", "Healthy")))
                        .build())
                .create();
    }

    @Test
    void aSyncWaitsStepsAndAppActivityReachTheJournalWhileItRunsAndTheLinesAreRenderedFromThem() throws Exception {
        long before = journal().lastSequence();
        CompletableFuture<JournalEntry> seen = healthyOnceTheStepIsJournalled("qdrant", before);

        call("catalog_enable", Map.of("cluster", "lab", "names", List.of("qdrant"), "wait", true));

        JournalEntry step = seen.get(10, TimeUnit.SECONDS);
        assertThat(step).as("the wait's STEP_STARTED was in the journal before the wait could end").isNotNull();
        List<JournalEntry> run = journal().readRun(step.runId());
        assertThat(run).extracting(e -> e.event().eventType()).startsWith(EventType.RUN_STARTED,
                EventType.TOOL_CALL_START, EventType.TOOL_CALL_ARGS, EventType.TOOL_CALL_END, EventType.STEP_STARTED)
                .contains(EventType.ACTIVITY_SNAPSHOT)
                .endsWith(EventType.STEP_FINISHED, EventType.TOOL_CALL_RESULT, EventType.RUN_FINISHED);
        assertThat(run.stream().map(JournalEntry::time).distinct().count()).as("appended live, not in one batch")
                .isGreaterThan(1);
        assertThat(progress).as("the lines rendered from the events").contains(
                ((AguiEvent.StepStarted) step.event()).stepName(),
                "  qdrant: sync=Synced health=Healthy");

        List<AguiEvent> events = run.stream().map(JournalEntry::event).toList();
        JsonNode checked = new NodeAguiCheck().stream("sync wait", events).run().at("/streams/0");
        assertThat(checked.path("schemaErrors")).as(checked.toPrettyString()).isEmpty();
        assertThat(checked.path("verifyError").isNull()).as(checked.path("verifyError").asText()).isTrue();
        String activity = events.stream().filter(e -> e instanceof AguiEvent.ActivitySnapshot a
                && a.activityType().startsWith("sync:")).map(e -> ((AguiEvent.ActivitySnapshot) e).messageId())
                .findFirst().orElseThrow();
        JsonNode held = checked.at("/activities/" + activity);
        assertThat(held.at("/apps/qdrant").asText()).isEqualTo("sync=Synced health=Healthy");
        assertThat(held.path("done").asInt()).isEqualTo(1);
        assertThat(held.path("total").asInt()).isEqualTo(1);
    }

    @Test
    void aRunWithoutStepsIsAppendedInOneBatchAtItsEnd() {
        long before = journal().lastSequence();

        call("catalog_enable", Map.of("cluster", "lab", "names", List.of("qdrant")));

        List<JournalEntry> run = journal().readSince(before);
        assertThat(run).extracting(e -> e.event().eventType()).containsExactly(EventType.RUN_STARTED,
                EventType.TOOL_CALL_START, EventType.TOOL_CALL_ARGS, EventType.TOOL_CALL_END,
                EventType.TOOL_CALL_RESULT, EventType.RUN_FINISHED);
        assertThat(run).extracting(JournalEntry::time).containsOnly(run.get(0).time());
    }
}

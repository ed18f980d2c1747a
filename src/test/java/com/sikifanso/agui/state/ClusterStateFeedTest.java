package com.sikifanso.agui.state;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.agui.state.StateFixtures.agentNamespace;
import static com.sikifanso.agui.state.StateFixtures.fast;
import static com.sikifanso.agui.state.StateFixtures.node;
import static com.sikifanso.agui.state.StateFixtures.pod;
import static com.sikifanso.agui.state.StateFixtures.ticking;
import static com.sikifanso.argocd.RunningLab.application;
import static com.sikifanso.argocd.RunningLab.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.Services;
import com.sikifanso.agents.AgentSpec;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.EventType;
import com.sikifanso.agui.NodeAguiCheck;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.argocd.ArgoCdResources;
import com.sikifanso.argocd.RunningLab;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state feed against fabric8's mock API server in CRUD mode: no kube-apiserver, k3s or Argo CD can run here,
 * so the test plays them, writing Applications, nodes, namespaces and pods as they would, and the feed watches the
 * mock server exactly as it watches a real one (informers: list, then watch).
 */
@EnableKubernetesMockClient(crud = true)
class ClusterStateFeedTest {
    static final String CLUSTER = RunningLab.CLUSTER;
    private static final AgentSpec NO_CHANGE = new AgentSpec(null, null, null, null, null, null, null, null);

    KubernetesClient client;

    @TempDir
    Path tmp;

    private Services services;
    private StateJournal journal;

    @BeforeEach
    void runningLab() throws Exception {
        RunningLab.home(tmp, "http://127.0.0.1:1", "pw");
        RunningLab.writeKubeconfig(tmp, client);
        services = RunningLab.cliServices(tmp);
        journal = new StateJournal(services.sessions().home().clusterDir(ClusterName.of(CLUSTER)));
    }

    @Test
    void aSnapshotThenOneExactDeltaPerChangeAndTheDeltasRebuildTheState() throws Exception {
        client.nodes().resource(node("k3d-lab-server-0", true, true)).create();
        argoCdHas(application("qdrant", "qdrant", "Synced", "Healthy", List.of()));
        services.agents().create(ClusterName.of(CLUSTER), "planner", NO_CHANGE);   // committed; Argo CD has not made it yet

        String runId;
        try (ClusterStateFeed feed = ClusterStateFeed.whileListening(services, ClusterName.of(CLUSTER), fast(ticking()))) {
            JournalEntry snapshot = journal.awaitMore(EventType.STATE_SNAPSHOT, 0);
            runId = snapshot.runId();
            JsonNode state = ((AguiEvent.StateSnapshot) snapshot.event()).snapshot();
            assertThat(withoutDoctor(state)).isEqualTo(json("""
                    {"cluster":"lab","takenAt":"2026-11-30T00:00:00Z",
                     "nodes":{"k3d-lab-server-0":{"role":"server","ready":true}},
                     "apps":{"qdrant":{"sync":"Synced","health":"Healthy","revision":"6.10.1"}},
                     "agents":{"planner":{"namespace":"agent-planner","ready":false,"pods":0,"podsReady":0}}}"""));
            assertThat(state.get("doctor")).as("the doctor's verdicts, taken with the snapshot")
                    .contains(json("""
                            {"name":"Session","status":"pass","message":"cluster lab, state running"}"""));

            editApp("qdrant", app -> withStatus(app, "Synced", "Progressing"));
            assertDelta(1, """
                    [{"op":"replace","path":"/apps/qdrant/health","value":"Progressing"}]""");

            editApp("qdrant", app -> withStatus(app, "OutOfSync", "Progressing"));
            assertDelta(2, """
                    [{"op":"replace","path":"/apps/qdrant/sync","value":"OutOfSync"}]""");

            argoCdHas(application("langfuse", "observability", "OutOfSync", "Degraded", List.of(resource(
                    "Deployment", "observability", "langfuse-web", "Degraded", "container crash-looping"))));
            assertDelta(3, """
                    [{"op":"add","path":"/apps/langfuse","value":{"sync":"OutOfSync","health":"Degraded",
                      "revision":"6.10.1",
                      "message":"Deployment langfuse-web in namespace observability: container crash-looping"}}]""");

            client.namespaces().resource(agentNamespace("scout")).create();
            assertDelta(4, """
                    [{"op":"add","path":"/agents/scout",
                      "value":{"namespace":"agent-scout","ready":true,"pods":0,"podsReady":0}}]""");

            client.pods().inNamespace("agent-scout").resource(pod("agent-scout", "scout-0", false)).create();
            assertDelta(5, """
                    [{"op":"replace","path":"/agents/scout/ready","value":false},
                     {"op":"replace","path":"/agents/scout/pods","value":1}]""");

            client.namespaces().resource(agentNamespace("planner")).create();
            assertDelta(6, """
                    [{"op":"replace","path":"/agents/planner/ready","value":true}]""");

            client.nodes().resource(node("k3d-lab-agent-0", false, false)).create();
            assertDelta(7, """
                    [{"op":"add","path":"/nodes/k3d-lab-agent-0","value":{"role":"agent","ready":false}}]""");

            client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd")
                    .withName("langfuse").delete();
            assertDelta(8, """
                    [{"op":"remove","path":"/apps/langfuse"}]""");
        }

        List<AguiEvent> run = journal.events(runId);
        assertThat(run).extracting(AguiEvent::eventType).containsExactly(EventType.RUN_STARTED,
                EventType.STATE_SNAPSHOT, EventType.STATE_DELTA, EventType.STATE_DELTA, EventType.STATE_DELTA,
                EventType.STATE_DELTA, EventType.STATE_DELTA, EventType.STATE_DELTA, EventType.STATE_DELTA,
                EventType.STATE_DELTA, EventType.RUN_FINISHED);
        AguiEvent.RunStarted started = (AguiEvent.RunStarted) run.get(0);
        assertThat(started.threadId()).isEqualTo(CLUSTER);
        assertThat(started.runId()).startsWith("state-");
        List<Long> sequences = journal.run(runId).stream().map(JournalEntry::sequence).toList();
        assertThat(sequences).isSorted().doesNotHaveDuplicates();

        JsonNode rebuilt = StateJournal.applied(run);
        JsonNode checked = assertLegalRun(run);
        assertThat(checked.get("state")).as("what @ag-ui/client's consumer holds").isEqualTo(rebuilt);

        // A new listener's snapshot is what the deltas built.
        try (ClusterStateFeed again = ClusterStateFeed.whileListening(services, ClusterName.of(CLUSTER), fast(ticking()))) {
            JournalEntry fresh = journal.awaitMore(EventType.STATE_SNAPSHOT, 1);
            ObjectNode freshState = withoutDoctor(((AguiEvent.StateSnapshot) fresh.event()).snapshot());
            ObjectNode built = withoutDoctor(rebuilt);
            freshState.remove("takenAt");
            built.remove("takenAt");
            assertThat((JsonNode) freshState).isEqualTo(built);
        }
    }

    @Test
    void aChangeThatLeavesTheStateAsItWasSendsNothing() throws Exception {
        client.nodes().resource(node("k3d-lab-server-0", true, true)).create();
        argoCdHas(application("qdrant", "qdrant", "Synced", "Healthy", List.of()));
        try (ClusterStateFeed feed = ClusterStateFeed.whileListening(services, ClusterName.of(CLUSTER), fast(ticking()))) {
            journal.awaitMore(EventType.STATE_SNAPSHOT, 0);
            long reads = settled(feed);

            // Argo CD rewrites an Application all the time (reconciledAt, annotations) without a new sync or health.
            editApp("qdrant", app -> {
                app.getMetadata().setAnnotations(Map.of("argocd.argoproj.io/refresh", "normal"));
                return app;
            });
            client.nodes().withName("k3d-lab-server-0").edit(n -> {
                n.getMetadata().getLabels().put("touched", "yes");
                return n;
            });
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (feed.reads() <= reads && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(feed.reads()).as("the feed read the state again").isGreaterThan(reads);

            editApp("qdrant", app -> withStatus(app, "Synced", "Degraded"));
            JournalEntry delta = journal.awaitMore(EventType.STATE_DELTA, 0);
            assertThat(((AguiEvent.StateDelta) delta.event()).delta()).as("the only delta is the real change")
                    .isEqualTo(json("""
                            [{"op":"replace","path":"/takenAt","value":"2026-11-30T00:00:01Z"},
                             {"op":"replace","path":"/apps/qdrant/health","value":"Degraded"}]"""));
        }
    }

    /** Waits until the feed has read the state the same number of times for a while (its first wake-ups done). */
    static long settled(ClusterStateFeed feed) throws InterruptedException {
        long before;
        long after = feed.reads();
        do {
            before = after;
            Thread.sleep(500);
            after = feed.reads();
        } while (after != before);
        return after;
    }

    private void assertDelta(int n, String changes) throws InterruptedException {
        JournalEntry delta = journal.awaitMore(EventType.STATE_DELTA, n - 1);
        ObjectNode expectedTime = AguiJson.MAPPER.createObjectNode().put("op", "replace").put("path", "/takenAt")
                .put("value", StateFixtures.T0.plusSeconds(n).toString());
        var expected = AguiJson.MAPPER.createArrayNode().add(expectedTime).addAll((com.fasterxml.jackson.databind
                .node.ArrayNode) json(changes));
        assertThat(((AguiEvent.StateDelta) delta.event()).delta()).as("delta " + n).isEqualTo(expected);
    }

    static JsonNode assertLegalRun(List<AguiEvent> run) {
        JsonNode result = new NodeAguiCheck().stream("state feed", run).run().at("/streams/0");
        assertThat(result.path("schemaErrors")).as(result.toPrettyString()).isEmpty();
        assertThat(result.path("warnings")).as(result.toPrettyString()).isEmpty();
        assertThat(result.path("verifyError").isNull()).as(result.path("verifyError").asText()).isTrue();
        return result;
    }

    private void argoCdHas(GenericKubernetesResource app) {
        client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd").resource(app).create();
    }

    private void editApp(String name, UnaryOperator<GenericKubernetesResource> change) {
        client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd").withName(name)
                .edit(change);
    }

    @SuppressWarnings("unchecked")
    static GenericKubernetesResource withStatus(GenericKubernetesResource app, String sync, String health) {
        Map<String, Object> status = new LinkedHashMap<>((Map<String, Object>) app.getAdditionalProperties()
                .get("status"));
        status.put("sync", Map.of("status", sync, "revision", "6.10.1"));
        status.put("health", Map.of("status", health));
        app.getAdditionalProperties().put("status", status);
        return app;
    }

    static ObjectNode withoutDoctor(JsonNode state) {
        ObjectNode copy = (ObjectNode) state.deepCopy();
        copy.remove("doctor");
        return copy;
    }

    static JsonNode json(String text) {
        try {
            return AguiJson.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}

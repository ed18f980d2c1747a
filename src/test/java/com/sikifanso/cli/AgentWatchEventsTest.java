package com.sikifanso.cli;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.TestHome;
import com.sikifanso.agents.AgentSpec;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.agui.journal.OperationRun;
import com.sikifanso.argocd.RunningLab;
import com.sikifanso.ops.OperationContext;
import com.sikifanso.ops.OperationRegistry;
import com.sikifanso.ops.Surface;
import com.sikifanso.session.ClusterState;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agent watch}'s other two sources: the runs of the cluster's activity journal about the agent, and the
 * Kubernetes events of its namespace, from the watch of fabric8's mock API server in CRUD mode (no kube-apiserver can
 * run here).
 */
@EnableKubernetesMockClient(crud = true)
class AgentWatchEventsTest {
    KubernetesClient client;

    @TempDir
    Path root;

    private TestHome home;

    @BeforeEach
    void labWithAgentsBobAndAlice() {
        home = TestHome.withCluster(root);
        home.services().agents().create(ClusterName.of(TestHome.CLUSTER), "bob", AgentSpec.DEFAULTS);
        home.services().agents().create(ClusterName.of(TestHome.CLUSTER), "alice", AgentSpec.DEFAULTS);
    }

    private void call(String tool, Map<String, Object> args, Surface surface) {
        new OperationRegistry().invoke(tool, args, surface, new OperationContext(home.services(), msg -> { }));
    }

    private static List<JsonNode> json(WatchRun watch) {
        return watch.outLines().stream().map(l -> {
            try {
                return AguiJson.MAPPER.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
    }

    @Test
    void showsWholeRunsAboutTheAgentAndNoneAboutOthers() {
        try (WatchRun watch = WatchRun.start(RunningLab.env(root), "-c", "lab", "agent", "watch", "bob", "-o",
                "json")) {
            watch.awaitErr("cluster lab is not running");
            call("agent_update", Map.of("cluster", "lab", "name", "alice", "pods", 3), Surface.cli);
            call("agent_update", Map.of("cluster", "lab", "name", "bob", "pods", 4), Surface.cli);
            // What an `mcp serve --agent bob` server records: bob as the caller, whatever the operation.
            OperationRun.record(new ActivityJournal(home.clusterDir("lab"), JournalOptions.DEFAULTS), "lab",
                    new OperationRun.Caller("mcp", OperationRun.Caller.agent("bob")), "catalog_list",
                    AguiJson.MAPPER.createObjectNode().put("cluster", "lab"), Optional.empty(), Optional.empty(),
                    Duration.ofMillis(5), Optional.empty());
            watch.awaitOut("catalog_list");
            assertThat(watch.stop()).isZero();

            List<JsonNode> events = json(watch);
            assertThat(events).extracting(e -> e.path("type").asText()).containsExactly(
                    "RUN_STARTED", "TOOL_CALL_START", "TOOL_CALL_ARGS", "TOOL_CALL_END", "TOOL_CALL_RESULT",
                    "RUN_FINISHED", "RUN_STARTED", "TOOL_CALL_START", "TOOL_CALL_ARGS", "TOOL_CALL_END",
                    "TOOL_CALL_RESULT", "RUN_FINISHED");
            assertThat(events.get(1).path("toolCallName").asText()).isEqualTo("agent_update");
            assertThat(events.get(2).path("delta").asText()).contains("\"name\":\"bob\"");
            assertThat(watch.out()).doesNotContain("alice");
            assertThat(events.get(6).at("/input/forwardedProps/caller").asText()).isEqualTo("agent:bob");
        }
    }

    @Test
    void sinceReplaysTheRunsBeforeTheStart() {
        call("agent_update", Map.of("cluster", "lab", "name", "bob", "pods", 4), Surface.cli);
        try (WatchRun watch = WatchRun.start(RunningLab.env(root), "-c", "lab", "agent", "watch", "bob", "-o",
                "json", "--since", "10m")) {
            watch.awaitOut("RUN_FINISHED");
            assertThat(watch.stop()).isZero();
            assertThat(watch.out()).contains("agent_update").contains("\\\"name\\\":\\\"bob\\\"");
        }
    }

    @Test
    void kubernetesEventsOfItsNamespaceArriveAsCustomEvents() throws Exception {
        RunningLab.setState(home, ClusterState.RUNNING, "http://127.0.0.1:1", "unused");
        RunningLab.writeKubeconfig(root, client);
        event("agent-bob", "bot-1.old", "Pulled", Instant.now().minus(Duration.ofHours(1)));
        try (WatchRun watch = WatchRun.start(RunningLab.env(root), "-c", "lab", "agent", "watch", "bob", "-o",
                "json")) {
            watch.awaitErr("declares no AG-UI stream");
            event("agent-alice", "other.1", "Killing", Instant.now());
            event("agent-bob", "bot-1.new", "BackOff", Instant.now());
            watch.awaitOut("BackOff");
            assertThat(watch.stop()).isZero();

            assertThat(json(watch)).singleElement().satisfies(e -> {
                assertThat(e.path("type").asText()).isEqualTo("CUSTOM");
                assertThat(e.path("name").asText()).isEqualTo("sikifanso.kubernetes.event");
                assertThat(e.at("/value/object").asText()).isEqualTo("Pod/bot-1");
                assertThat(e.at("/value/reason").asText()).isEqualTo("BackOff");
                assertThat(e.at("/value/type").asText()).isEqualTo("Warning");
                assertThat(e.at("/value/message").asText()).isEqualTo("Back-off restarting failed container");
            });
        }
    }

    private void event(String namespace, String name, String reason, Instant time) {
        client.v1().events().inNamespace(namespace).resource(new EventBuilder().withNewMetadata().withName(name)
                .withNamespace(namespace).endMetadata().withType("Warning").withReason(reason)
                .withMessage("Back-off restarting failed container").withLastTimestamp(time.toString())
                .withNewInvolvedObject().withKind("Pod").withName("bot-1").endInvolvedObject().build()).create();
    }
}

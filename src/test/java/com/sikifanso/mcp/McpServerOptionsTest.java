package com.sikifanso.mcp;

import static com.sikifanso.mcp.McpToolsTest.names;
import static com.sikifanso.mcp.NodeMcpClient.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.ops.Operation;
import com.sikifanso.ops.OperationRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --read-only} and {@code --agent}: what a restricted server lists, and what it refuses. */
class McpServerOptionsTest {
    @TempDir
    Path root;

    @BeforeEach
    void skipWithoutNode() {
        NodeMcpClient.assumeAvailable();
    }

    @Test
    void readOnlyListsNoMutatingToolAndRefusesToRunOne() {
        McpHome home = McpHome.withCluster(root);
        int before = home.commitCount();
        JsonNode out = NodeMcpClient.run(root, "calls", Map.of("calls", List.of(
                Map.of("name", "catalog_enable", "arguments", Map.of("cluster", "lab", "names", List.of("qdrant"))),
                Map.of("name", "cluster_list", "arguments", Map.of()))), "--read-only");

        List<String> readOnly = new OperationRegistry().all().stream().filter(op -> op.safety().readOnly())
                .filter(Operation::offeredToClients).map(Operation::name).toList();
        assertThat(names(out.path("toolNames"))).containsExactlyInAnyOrderElementsOf(readOnly)
                .doesNotContain("catalog_enable", "agent_delete", "cluster_delete");
        JsonNode enable = call(out, 0);
        assertThat(enable.path("ok").asBoolean()).as("catalog_enable must fail: " + enable).isFalse();
        assertThat(enable.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(call(out, 1).path("isError").asBoolean()).as("a read tool still works").isFalse();
        assertThat(home.commitCount()).isEqualTo(before);
        assertThat(home.git("show", "HEAD:catalog/qdrant.yaml")).contains("enabled: false");
    }

    @Test
    void agentScopedServerOffersOnlyThatAgentsInfoAndItsOwnNamespace() {
        McpHome home = McpHome.withCluster(root).withAgent("bob").withAgent("alice");
        int before = home.commitCount();
        JsonNode out = NodeMcpClient.run(root, "calls", Map.of("calls", List.of(
                Map.of("name", "agent_info", "arguments", Map.of()),
                Map.of("name", "agent_info", "arguments", Map.of("name", "alice")),
                Map.of("name", "agent_info", "arguments", Map.of("cluster", "other")),
                Map.of("name", "agent_delete", "arguments", Map.of("name", "bob")),
                Map.of("name", "catalog_enable", "arguments", Map.of("names", List.of("qdrant"))),
                Map.of("name", "kube_pods", "arguments", Map.of("namespace", "agent-alice")),
                Map.of("name", "kube_pods", "arguments", Map.of()))),
                "-c", "lab", "--agent", "bob");

        assertThat(names(out.path("toolNames"))).containsExactlyInAnyOrder("agent_info", "kube_events",
                "kube_logs", "kube_pods", "kube_services");
        assertThat(out.path("instructions").asText()).contains("bob");
        JsonNode own = call(out, 0);
        assertThat(own.path("isError").asBoolean()).as(own.toString()).isFalse();
        assertThat(own.at("/structuredContent/agent/name").asText()).isEqualTo("bob");
        assertThat(own.at("/structuredContent/agent/namespace").asText()).isEqualTo("agent-bob");

        JsonNode other = call(out, 1);
        // Refusals of a pinned argument are input errors: tool errors under 2025-11-25 (SEP-1303).
        assertThat(other.path("isError").asBoolean()).as("another agent must be refused: " + other).isTrue();
        assertThat(other.path("text").asText()).contains("only serves name \"bob\"");
        assertThat(other.toString()).doesNotContain("agent-alice");

        JsonNode otherCluster = call(out, 2);
        assertThat(otherCluster.path("isError").asBoolean()).as(otherCluster.toString()).isTrue();
        assertThat(otherCluster.path("text").asText()).contains("only serves cluster \"lab\"");

        JsonNode otherNamespace = call(out, 5);
        assertThat(otherNamespace.path("isError").asBoolean()).as(otherNamespace.toString()).isTrue();
        assertThat(otherNamespace.path("text").asText()).contains("only serves namespace \"agent-bob\"");
        JsonNode ownNamespace = call(out, 6);
        assertThat(ownNamespace.path("isError").asBoolean()).as(ownNamespace.toString()).isTrue();
        assertThat(ownNamespace.path("text").asText()).contains("cluster \"lab\" is not running");

        for (int i : new int[] {3, 4}) {
            assertThat(call(out, i).at("/error/code").asInt()).as(call(out, i).toString()).isEqualTo(-32602);
        }
        assertThat(home.commitCount()).isEqualTo(before);
        assertThat(home.tracked("agents/bob.yaml")).isTrue();
        // The journal names the agent the server serves as the caller of every run it made (agent watch reads it).
        List<JsonNode> started = new ActivityJournal(root.resolve("clusters").resolve("lab"), JournalOptions.DEFAULTS)
                .readSince(0).stream().map(e -> AguiJson.tree(e.event()))
                .filter(e -> e.path("type").asText().equals("RUN_STARTED"))
                .filter(e -> e.at("/input/forwardedProps/surface").asText().equals("mcp")).toList();
        assertThat(started).hasSize(2).allSatisfy(e ->
                assertThat(e.at("/input/forwardedProps/caller").asText()).isEqualTo("agent:bob"));
    }
}

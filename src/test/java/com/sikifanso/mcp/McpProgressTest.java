package com.sikifanso.mcp;

import static com.sikifanso.mcp.NodeMcpClient.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that sends a progress token gets notifications/progress while the tool runs (the official TypeScript
 * SDK's onprogress): the lines rendered from the call's run events, as the CLI shows them, with rising progress.
 * cluster_delete of a cluster with no nodes reports progress without needing a running cluster.
 */
class McpProgressTest {
    @TempDir
    Path root;

    @Test
    void aCallWithAProgressTokenGetsItsRunsProgressAsNotifications() {
        NodeMcpClient.assumeAvailable();
        McpHome.withCluster(root);
        Map<String, Object> delete = Map.of("name", "cluster_delete", "arguments", Map.of("cluster", McpHome.CLUSTER),
                "progress", true);

        JsonNode out = NodeMcpClient.run(root, "calls", Map.of("calls", List.of(delete)), "--allow-destructive");

        JsonNode result = call(out, 0);
        assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
        List<String> messages = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        result.path("progress").forEach(p -> {
            messages.add(p.path("message").asText());
            counts.add(p.path("progress").asDouble());
        });
        assertThat(messages).as(result.toString())
                .contains("removing the nodes, network and volumes of " + McpHome.CLUSTER);
        assertThat(counts).isSorted().doesNotHaveDuplicates();
    }
}

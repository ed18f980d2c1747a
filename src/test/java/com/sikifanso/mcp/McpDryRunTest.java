package com.sikifanso.mcp;

import static com.sikifanso.mcp.NodeMcpClient.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dryRun: true} over MCP, from the official TypeScript SDK client (which checks structuredContent against the
 * tool's outputSchema, so a plan is a valid result of every mutating tool): the plan comes back and nothing changes,
 * a destructive tool's plan needs no consent, and a read-only tool has no dryRun.
 */
class McpDryRunTest {
    @TempDir
    Path root;
    McpHome home;

    @BeforeEach
    void clusterWithAnAgent() {
        NodeMcpClient.assumeAvailable();
        home = McpHome.withCluster(root).withAgent("bob");
    }

    @Test
    void aDryRunReturnsThePlanAndChangesNothing() {
        int before = home.commitCount();
        JsonNode out = NodeMcpClient.run(root, "calls", Map.of("calls", List.of(
                Map.of("name", "catalog_enable", "arguments",
                        Map.of("cluster", McpHome.CLUSTER, "names", List.of("qdrant"), "dryRun", true)),
                Map.of("name", "agent_delete", "arguments",
                        Map.of("cluster", McpHome.CLUSTER, "name", "bob", "dryRun", true)),
                Map.of("name", "catalog_list", "arguments", Map.of("cluster", McpHome.CLUSTER, "dryRun", true)),
                Map.of("name", "catalog_enable", "arguments",
                        Map.of("cluster", McpHome.CLUSTER, "names", List.of("nope"), "dryRun", true)))));

        JsonNode enable = call(out, 0);
        assertThat(enable.path("ok").asBoolean()).as("valid against the outputSchema: " + enable).isTrue();
        assertThat(enable.path("isError").asBoolean()).as(enable.toString()).isFalse();
        assertThat(enable.at("/structuredContent/operation").asText()).isEqualTo("catalog_enable");
        assertThat(enable.at("/structuredContent/files/0").asText()).isEqualTo("catalog/qdrant.yaml");
        assertThat(enable.at("/structuredContent/diff").asText()).contains("+enabled: true");
        assertThat(enable.path("text").asText()).contains("plan: Commit \"catalog: enable qdrant\"",
                "+enabled: true", "Nothing was changed (dry run)");

        JsonNode delete = call(out, 1);
        assertThat(delete.path("isError").asBoolean()).as("no consent needed to plan: " + delete).isFalse();
        assertThat(delete.at("/structuredContent/files").toString()).contains("agents/bob.yaml");
        assertThat(delete.at("/structuredContent/safety/destructive").asBoolean()).isTrue();
        assertThat(out.path("elicitations").size()).isZero();

        JsonNode read = call(out, 2);
        assertThat(read.path("isError").asBoolean() || !read.path("ok").asBoolean()).as(read.toString()).isTrue();
        assertThat(read.toString()).contains("unknown argument", "dryRun");

        JsonNode unknown = call(out, 3);
        assertThat(unknown.path("isError").asBoolean()).as(unknown.toString()).isTrue();
        assertThat(unknown.path("text").asText()).contains("nope");

        assertThat(home.commitCount()).isEqualTo(before);
        assertThat(home.status()).as("git status --porcelain").isEmpty();
        assertThat(home.tracked("agents/bob.yaml")).isTrue();
    }
}

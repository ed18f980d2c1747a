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
 * A destructive tool (agent_delete) asks the user through MCP elicitation: refused when the
 * client cannot ask, done only when the user accepts.
 */
class McpDestructiveToolsTest {
    private static final Map<String, Object> DELETE_BOB = Map.of("name", "agent_delete",
            "arguments", Map.of("cluster", McpHome.CLUSTER, "name", "bob"));

    @TempDir
    Path root;
    McpHome home;
    int before;

    @BeforeEach
    void agentToDelete() {
        NodeMcpClient.assumeAvailable();
        home = McpHome.withCluster(root).withAgent("bob");
        before = home.commitCount();
    }

    @Test
    void refusedWhenTheClientCannotAsk() {
        JsonNode out = NodeMcpClient.run(root, "calls", Map.of("calls", List.of(DELETE_BOB)));

        JsonNode delete = call(out, 0);
        assertThat(delete.path("ok").asBoolean()).as(delete.toString()).isTrue();
        assertThat(delete.path("isError").asBoolean()).isTrue();
        assertThat(delete.path("text").asText()).contains("elicitation", "Nothing was changed",
                "--allow-destructive");
        assertUnchanged();
    }

    @Test
    void declinedElicitationChangesNothing() {
        JsonNode out = NodeMcpClient.run(root, "elicit-decline", Map.of("calls", List.of(DELETE_BOB)));

        assertAskedAboutBob(out);
        JsonNode delete = call(out, 0);
        assertThat(delete.path("isError").asBoolean()).as(delete.toString()).isTrue();
        assertThat(delete.path("text").asText()).contains("not confirmed", "nothing was changed");
        assertUnchanged();
    }

    @Test
    void acceptedElicitationDeletesInOneCommit() {
        JsonNode out = NodeMcpClient.run(root, "elicit-accept", Map.of("calls", List.of(DELETE_BOB)));

        assertAskedAboutBob(out);
        JsonNode delete = call(out, 0);
        assertThat(delete.path("isError").asBoolean()).as(delete.toString()).isFalse();
        assertThat(delete.at("/structuredContent/deleted").asText()).isEqualTo("bob");
        assertThat(home.commitCount()).isEqualTo(before + 1);
        assertThat(delete.at("/structuredContent/commit").asText()).isEqualTo(home.git("rev-parse", "HEAD").strip());
        assertThat(home.status()).as("git status --porcelain").isEmpty();
        assertThat(home.tracked("agents/bob.yaml")).isFalse();
        assertThat(home.tracked("agents/values/bob.yaml")).isFalse();
    }

    @Test
    void allowDestructiveRunsItWithoutAsking() {
        JsonNode out = NodeMcpClient.run(root, "calls", Map.of("calls", List.of(DELETE_BOB)), "--allow-destructive");

        JsonNode delete = call(out, 0);
        assertThat(delete.path("isError").asBoolean()).as(delete.toString()).isFalse();
        assertThat(home.commitCount()).isEqualTo(before + 1);
        assertThat(home.tracked("agents/bob.yaml")).isFalse();
    }

    private static void assertAskedAboutBob(JsonNode out) {
        JsonNode asked = out.path("elicitations");
        assertThat(asked.size()).as("elicitation requests: " + asked).isEqualTo(1);
        assertThat(asked.at("/0/message").asText()).contains("bob");
        assertThat(asked.at("/0/requestedSchema/properties/confirm/type").asText()).isEqualTo("boolean");
    }

    private void assertUnchanged() {
        assertThat(home.commitCount()).isEqualTo(before);
        assertThat(home.status()).as("git status --porcelain").isEmpty();
        assertThat(home.tracked("agents/bob.yaml")).isTrue();
        assertThat(home.tracked("agents/values/bob.yaml")).isTrue();
    }

    /** Copying the Argo CD password into an archive is asked for like a destructive change. */
    @Test
    void snapshotWithSecretsNeedsTheUsersConfirmation() throws java.io.IOException {
        home.withArgoCdPassword();
        Map<String, Object> capture = Map.of("name", "snapshot_capture", "arguments",
                Map.of("cluster", McpHome.CLUSTER, "name", "with-secrets", "includeSecrets", true));
        Path archives = root.resolve("snapshots");

        JsonNode refused = call(NodeMcpClient.run(root, "calls", Map.of("calls", List.of(capture))), 0);
        assertThat(refused.path("isError").asBoolean()).as(refused.toString()).isTrue();
        assertThat(refused.path("text").asText()).contains("elicitation", "--allow-destructive");
        assertThat(archiveNames(archives)).as("nothing written").noneMatch(n -> n.contains("with-secrets"));

        JsonNode declinedOut = NodeMcpClient.run(root, "elicit-decline", Map.of("calls", List.of(capture)));
        assertThat(declinedOut.at("/elicitations/0/message").asText()).contains("Argo CD admin password");
        assertThat(call(declinedOut, 0).path("isError").asBoolean()).isTrue();
        assertThat(archiveNames(archives)).noneMatch(n -> n.contains("with-secrets"));

        JsonNode accepted = call(NodeMcpClient.run(root, "elicit-accept", Map.of("calls", List.of(capture))), 0);
        assertThat(accepted.path("isError").asBoolean()).as(accepted.toString()).isFalse();
        assertThat(archiveNames(archives)).anyMatch(n -> n.contains("with-secrets"));

        Map<String, Object> plain = Map.of("name", "snapshot_capture", "arguments",
                Map.of("cluster", McpHome.CLUSTER, "name", "no-secrets"));
        JsonNode withoutSecrets = NodeMcpClient.run(root, "calls", Map.of("calls", List.of(plain)));
        assertThat(call(withoutSecrets, 0).path("isError").asBoolean()).as("no question without secrets").isFalse();
    }

    private static List<String> archiveNames(Path dir) throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = java.nio.file.Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}

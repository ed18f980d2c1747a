package com.sikifanso.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients of both eras hear of changes another process made (the {@code sikifanso} CLI run separately), through
 * the clusters' activity journals: the official SDK clients of each era, and a raw client for what appears.
 */
class McpResourceChangesTest {
    private static final String CATALOG = "sikifanso://clusters/lab/catalog";

    @TempDir
    Path root;

    @Test
    void aLegacyClientHearsThatTheCliEnabledAnApp() {
        McpHome.withCluster(root);
        JsonNode out = NodeMcpClient.run(root, "external", Map.of("subscribe", List.of(CATALOG),
                "external", Map.of("command", ServerCommand.sikifanso("-c", "lab", "app", "enable", "qdrant"))));
        assertThat(out.path("externalExit").asInt()).as(out.path("externalStderr").asText()).isZero();
        assertThat(out.at("/capabilities/resources/subscribe").asBoolean()).isTrue();
        assertThat(out.path("notifications").findValuesAsText("uri")).as(out.toString()).contains(CATALOG);
    }

    @Test
    void aModernClientHearsThatTheCliEnabledAnApp() {
        ModernNodeClients.assumeAvailable();
        McpHome.withCluster(root);
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        JsonNode out = ModernNodeClients.v2Client("listen", Map.of(
                "command", ServerCommand.mcpServe(), "env", Map.of("SIKIFANSO_HOME", root.toString(), "PATH", path),
                "subscribe", List.of(CATALOG),
                "external", Map.of("command", ServerCommand.sikifanso("-c", "lab", "app", "enable", "qdrant"),
                        "env", Map.of("SIKIFANSO_HOME", root.toString(), "PATH", path))));
        assertThat(out.path("externalExit").asInt()).as(out.path("externalStderr").asText()).isZero();
        assertThat(out.path("notifications").findValuesAsText("uri")).as(out.toString()).contains(CATALOG);
    }

    @Test
    void aClusterTheCliCreatesIsListedAndOneAgentUpdateReachesOnlyItsSubscribers() throws Exception {
        McpHome.withCluster(root).withAgent("bob");
        try (RawStdio stdio = new RawStdio(root, ServerCommand.mcpServe())) {
            stdio.initialize("2025-11-25");
            assertThat(stdio.answer(request(1, "resources/subscribe", "{\"uri\":\"sikifanso://clusters/lab/agents/bob\"}"))
                    .has("result")).isTrue();

            cli("cluster", "create", "lab2", "--gitops-only");
            stdio.nextNotification("notifications/resources/list_changed");
            assertThat(stdio.response(request(2, "resources/list", "{}")).at("/result/resources")
                    .findValuesAsText("uri")).contains("sikifanso://clusters/lab2/session");

            cli("-c", "lab", "agent", "update", "bob", "--pods", "3");
            JsonNode updated = stdio.nextNotification("notifications/resources/updated");
            assertThat(updated.at("/params/uri").asText()).isEqualTo("sikifanso://clusters/lab/agents/bob");

            cli("-c", "lab", "app", "enable", "qdrant"); // the catalog: not subscribed, so nothing is said
            cli("-c", "lab", "agent", "update", "bob", "--pods", "4");
            JsonNode next = stdio.nextNotification("notifications/resources/updated");
            assertThat(next.at("/params/uri").asText()).as("nothing for the catalog, which is not subscribed: "
                    + next).isEqualTo("sikifanso://clusters/lab/agents/bob");
        }
    }

    private void cli(String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ServerCommand.sikifanso(args))
                .redirectErrorStream(true).redirectOutput(root.resolve("cli-output.txt").toFile());
        ServerCommand.environment(pb.environment(), root);
        Process cli = pb.start();
        assertThat(cli.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).as(String.join(" ", args) + ": "
                + java.nio.file.Files.readString(root.resolve("cli-output.txt"))).isZero();
    }

    private static String request(int id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }
}

package com.sikifanso.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server against clients others wrote that speak 2026-07-28: the v2 TypeScript client pinned to it, and
 * MCP Inspector 2.12's CLI with {@code --protocol-era modern} (and legacy, to show the same server still
 * answers initialize). Over stdio the server's stdin is recorded, to prove which era each client spoke.
 */
class McpModernClientsTest {
    private static final Map<String, Object> DELETE_BOB = Map.of("name", "agent_delete",
            "arguments", Map.of("cluster", McpHome.CLUSTER, "name", "bob"));
    private static final Map<String, Object> CREATE_CAROL = Map.of("name", "agent_create",
            "arguments", Map.of("cluster", McpHome.CLUSTER, "name", "carol"));

    @TempDir
    Path root;
    McpHome home;
    Path recorded;

    @BeforeEach
    void cluster() {
        ModernNodeClients.assumeAvailable();
        home = McpHome.withCluster(root).withAgent("bob");
        recorded = root.resolve("server-stdin.jsonl");
    }

    @Test
    void v2ClientDiscoversListsCompletesAndReadsOverStdio() throws IOException {
        JsonNode out = ModernNodeClients.v2Client("explore", stdio());

        assertThat(out.path("protocolVersion").asText()).isEqualTo("2026-07-28");
        assertThat(out.at("/server/name").asText()).isEqualTo("sikifanso");
        assertThat(out.at("/discover/supportedVersions").toString()).contains("2026-07-28");
        assertThat(texts(out.path("tools"))).contains("cluster_list", "agent_delete");
        assertThat(texts(out.path("resources"))).contains("sikifanso://clusters/lab/session",
                "sikifanso://clusters/lab/catalog", "sikifanso://clusters/lab/agents/bob");
        assertThat(texts(out.at("/completion/values"))).containsExactly("lab");
        assertThat(out.path("read").asText()).contains("\"lab\"");
        assertSpokeModern();
    }

    @Test
    void v2ClientConfirmsADestructiveToolByRetryingOverStdio() throws IOException {
        int before = home.commitCount();
        JsonNode none = ModernNodeClients.v2Client("calls", stdioWith(Map.of("calls", List.of(DELETE_BOB))));
        assertThat(none.at("/calls/0/text").asText()).as("the old era's refusal").contains("no elicitation support",
                "Nothing was changed");
        JsonNode declined = ModernNodeClients.v2Client("elicit-decline", stdioWith(Map.of("calls", List.of(DELETE_BOB))));
        assertThat(declined.at("/elicitations/0/message").asText()).contains("bob");
        assertThat(declined.at("/calls/0/text").asText()).contains("not confirmed");
        assertThat(home.commitCount()).isEqualTo(before);

        JsonNode accepted = ModernNodeClients.v2Client("elicit-accept", stdioWith(Map.of("calls", List.of(DELETE_BOB))));
        assertThat(accepted.at("/calls/0/isError").asBoolean()).as(accepted.toString()).isFalse();
        assertThat(accepted.at("/calls/0/structuredContent/deleted").asText()).isEqualTo("bob");
        assertThat(home.commitCount()).isEqualTo(before + 1);
        String stdin = Files.readString(recorded);
        assertThat(stdin).as("the retry carries the answer and the state").contains("\"inputResponses\"",
                "\"requestState\"");
    }

    @Test
    void v2ClientListensForResourceChangesOverStdio() {
        JsonNode out = ModernNodeClients.v2Client("listen", stdioWith(Map.of("after", CREATE_CAROL)));
        assertThat(out.at("/honored/resourcesListChanged").asBoolean()).as(out.toString()).isTrue();
        assertThat(out.at("/calls/0/isError").asBoolean()).as(out.toString()).isFalse();
        assertThat(out.path("notifications").findValuesAsText("method"))
                .contains("notifications/resources/list_changed");
    }

    @Test
    void v2ClientOverStreamableHttp() throws Exception {
        try (HttpMcpServer server = HttpMcpServer.start(root)) {
            Map<String, Object> http = Map.of("url", server.url(), "token", server.token);
            JsonNode explore = ModernNodeClients.v2Client("explore", http);
            assertThat(explore.path("protocolVersion").asText()).isEqualTo("2026-07-28");
            assertThat(texts(explore.path("resources"))).contains("sikifanso://clusters/lab/session");

            JsonNode listen = ModernNodeClients.v2Client("listen", with(http, Map.of("after", CREATE_CAROL)));
            assertThat(listen.path("notifications").findValuesAsText("method")).as(listen.toString())
                    .contains("notifications/resources/list_changed");

            int before = home.commitCount();
            JsonNode accepted = ModernNodeClients.v2Client("elicit-accept", with(http, Map.of("calls",
                    List.of(DELETE_BOB))));
            assertThat(accepted.at("/elicitations/0/message").asText()).contains("bob");
            assertThat(accepted.at("/calls/0/structuredContent/deleted").asText()).as(accepted.toString())
                    .isEqualTo("bob");
            assertThat(home.commitCount()).isEqualTo(before + 1);
        }
    }

    @Test
    void inspectorCliInModernAndLegacyEras() throws IOException {
        List<String> server = recordingServer();
        NodeMcpClient.Result tools = ModernNodeClients.inspector(root, inspectorArgs("modern", server,
                "--method", "tools/list"));
        assertThat(tools.exitCode()).as(tools.stderr()).isZero();
        assertThat(ModernNodeClients.json(tools).at("/result/tools").findValuesAsText("name")).contains("cluster_list");
        assertSpokeModern();

        NodeMcpClient.Result call = ModernNodeClients.inspector(root, inspectorArgs("modern", server,
                "--method", "tools/call", "--tool-name", "cluster_info", "--tool-arg", "cluster=lab"));
        assertThat(ModernNodeClients.json(call).at("/result/structuredContent/session/clusterName").asText()).as(call.stdout())
                .isEqualTo("lab");
        NodeMcpClient.Result delete = ModernNodeClients.inspector(root, inspectorArgs("modern", server,
                "--method", "tools/call", "--tool-name", "agent_delete", "--tool-arg", "cluster=lab", "name=bob"));
        assertThat(delete.stdout()).as("Inspector's CLI cannot confirm: the old era's refusal")
                .contains("Nothing was changed");
        assertThat(home.tracked("agents/bob.yaml")).isTrue();

        NodeMcpClient.Result legacy = ModernNodeClients.inspector(root, inspectorArgs("legacy", server,
                "--method", "tools/list"));
        assertThat(ModernNodeClients.json(legacy).at("/result/tools").findValuesAsText("name")).contains("cluster_list");
        assertThat(Files.readString(recorded)).as("legacy era starts with initialize").contains("\"initialize\"");
    }

    @Test
    void inspectorCliInModernEraOverStreamableHttp() throws Exception {
        try (HttpMcpServer server = HttpMcpServer.start(root)) {
            NodeMcpClient.Result tools = ModernNodeClients.inspector(root, List.of("--protocol-era", "modern",
                    "--transport", "http", "--server-url", server.url(), "--header",
                    "Authorization: Bearer " + server.token, "--method", "tools/list"));
            assertThat(tools.exitCode()).as(tools.stdout() + tools.stderr()).isZero();
            assertThat(ModernNodeClients.json(tools).at("/result/tools").findValuesAsText("name")).contains("cluster_list");
        }
    }

    private void assertSpokeModern() throws IOException {
        List<String> lines = Files.readAllLines(recorded);
        assertThat(lines).as("what the client wrote").isNotEmpty();
        assertThat(lines).noneMatch(l -> l.contains("\"method\":\"initialize\""));
        assertThat(lines).anyMatch(l -> l.contains("server/discover"));
        assertThat(lines).allMatch(l -> !l.contains("\"id\"") || l.contains("io.modelcontextprotocol/protocolVersion"));
    }

    private List<String> inspectorArgs(String era, List<String> server, String... args) {
        List<String> all = new ArrayList<>(List.of("--protocol-era", era, "-e", "SIKIFANSO_HOME=" + root));
        all.addAll(List.of(args));
        all.add("--");
        all.addAll(server);
        return all;
    }

    private Map<String, Object> stdio() throws IOException {
        return Map.of("command", recordingServer(), "env", Map.of("SIKIFANSO_HOME", root.toString(),
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")));
    }

    private Map<String, Object> stdioWith(Map<String, Object> more) {
        try {
            return with(stdio(), more);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, Map<String, Object> more) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(base);
        all.putAll(more);
        return all;
    }

    /** {@code mcp serve} behind {@code tee}, so the test sees every line the client wrote. */
    private List<String> recordingServer() throws IOException {
        Path script = root.resolve("record-stdin.sh");
        Files.writeString(script, "#!/bin/sh\nlog=\"$1\"; shift\ntee -a \"$log\" | \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        List<String> command = new ArrayList<>(List.of(script.toString(), recorded.toString()));
        command.addAll(ServerCommand.mcpServe());
        return command;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}

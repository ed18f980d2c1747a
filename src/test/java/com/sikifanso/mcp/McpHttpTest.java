package com.sikifanso.mcp;

import static com.sikifanso.mcp.McpToolsTest.names;
import static com.sikifanso.mcp.NodeMcpClient.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mcp serve --http}: Streamable HTTP behind the bearer token that {@code mcp token} prints.
 * Requests without it or with a wrong one get 401; the official SDK client sending it works.
 */
class McpHttpTest {
    @TempDir
    Path root;

    @Test
    void onlyTheTokenFromMcpTokenOpensTheEndpoint() throws Exception {
        NodeMcpClient.assumeAvailable();
        McpHome.withCluster(root).withArgoCdPassword();
        String token = sikifanso("mcp", "token").strip();
        assertThat(token).hasSizeGreaterThanOrEqualTo(32).doesNotContain(" ");
        Path tokenFile = root.resolve("mcp-token");
        assertThat(Files.readString(tokenFile).strip()).isEqualTo(token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
        assertThat(sikifanso("mcp", "token").strip()).as("the same token the second time").isEqualTo(token);

        Path stderr = root.resolve("http-stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(ServerCommand.mcpServe("--http", "127.0.0.1:0"))
                .redirectOutput(root.resolve("http-stdout.txt").toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        ServerCommand.environment(pb.environment(), root);
        Process server = pb.start();
        try {
            int port = HttpMcpServer.awaitPort(server, stderr);
            JsonNode out = NodeMcpClient.runAgainstRunningServer(root, "http", Map.of(
                    "url", "http://127.0.0.1:" + port + "/mcp", "token", token,
                    "calls", List.of(Map.of("name", "cluster_list", "arguments", Map.of()),
                            Map.of("name", "cluster_info", "arguments", Map.of("cluster", "lab")))));

            for (String attempt : List.of("noToken", "wrongToken", "emptyToken")) {
                assertThat(out.at("/" + attempt + "/status").asInt()).as(attempt + ": " + out.path(attempt))
                        .isEqualTo(401);
                assertThat(out.at("/" + attempt + "/wwwAuthenticate").asText()).as(attempt).startsWith("Bearer")
                        .contains("error=\"invalid_token\"").doesNotContain("resource_metadata");
                assertThat(out.at("/" + attempt + "/body").asText()).as(attempt).contains("sikifanso mcp token")
                        .doesNotContain(token);
            }
            assertThat(out.at("/sdkWithoutToken/connected").asBoolean()).as(out.path("sdkWithoutToken").toString())
                    .isFalse();
            assertThat(out.at("/sdkWithoutToken/error/code").asInt()).isEqualTo(401);
            assertThat(out.at("/badVersion/status").asInt()).as(out.path("badVersion").toString()).isEqualTo(400);
            assertThat(out.at("/badVersion/body").asText()).contains("2025-11-25");
            // No OAuth here: discovery and registration are 404 without a token, so clients do not try it.
            for (String path : List.of("protectedResource", "authorizationServer", "openidConfiguration", "register")) {
                assertThat(out.at("/probes/" + path).asInt()).as(path).isEqualTo(404);
            }
            assertThat(out.at("/probes/getEndpoint").asInt()).as("GET /mcp answers at once").isEqualTo(405);

            assertThat(out.at("/serverInfo/name").asText()).isEqualTo("sikifanso");
            assertThat(out.at("/capabilities/tools").isObject()).isTrue();
            assertThat(out.path("sessionId").asText()).isNotBlank();
            assertThat(names(out.path("toolNames"))).contains("cluster_list", "catalog_enable", "agent_delete");
            for (int i = 0; i < 2; i++) {
                assertThat(call(out, i).path("isError").asBoolean()).as(call(out, i).toString()).isFalse();
            }
            assertThat(call(out, 1).at("/structuredContent/session/clusterName").asText()).isEqualTo("lab");
            assertThat(out.toString()).doesNotContain(McpHome.ARGOCD_PASSWORD);
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        assertThat(Files.readString(stderr)).doesNotContain(token);
    }

    @Test
    void refusesANonLoopbackBindWithoutAllowRemote() throws Exception {
        McpHome.withCluster(root);
        ProcessBuilder pb = new ProcessBuilder(ServerCommand.mcpServe("--http", "0.0.0.0:0"))
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        ServerCommand.environment(pb.environment(), root);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("exits at once").isTrue();
        assertThat(p.exitValue()).as(output).isNotZero();
        assertThat(output).contains("--allow-remote");
    }

    private String sikifanso(String... args) throws IOException, InterruptedException {
        return HttpMcpServer.sikifanso(root, args);
    }
}

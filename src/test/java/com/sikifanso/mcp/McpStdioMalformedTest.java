package com.sikifanso.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code mcp serve} over stdio answers to lines that are not one well-formed JSON-RPC message:
 * JSON-RPC 2.0's errors with id null, one per bad line, and the session goes on. Raw lines on a
 * child process's stdin, because an SDK client cannot be made to send them.
 */
class McpStdioMalformedTest {
    @TempDir
    Path root;

    @Test
    void everyBadLineGetsItsJsonRpcErrorAndTheSessionGoesOn() throws Exception {
        McpHome.withCluster(root);
        try (RawStdio stdio = new RawStdio(root, ServerCommand.mcpServe())) {
            assertError(stdio.answer("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\""), -32700, null);
            assertError(stdio.answer("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]"), -32600, null);
            assertError(stdio.answer("42"), -32600, null);
            assertError(stdio.answer("\"initialize\""), -32600, null);

            String huge = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\",\"params\":{\"pad\":\""
                    + "x".repeat(StdioTransport.MAX_MESSAGE_BYTES) + "\"}}";
            JsonNode oversized = assertError(stdio.answer(huge), -32600, null);
            assertThat(oversized.at("/error/message").asText()).contains("4 MiB");

            JsonNode stringParams = stdio.answer(
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\",\"params\":\"all\"}");
            assertError(stringParams, -32602, 3);
            assertThat(stringParams.at("/error/message").asText()).isEqualTo("Invalid params: params must be a JSON object")
                    .doesNotContain("jackson");

            JsonNode init = stdio.answer("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"initialize\",\"params\":"
                    + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
            assertThat(init.at("/id").asInt()).isEqualTo(4);
            assertThat(init.at("/result/serverInfo/name").asText()).as("the session goes on").isEqualTo("sikifanso");
        }
    }

    @Test
    void clusterGivenBeforeOrAfterMcpServePinsTheServer() throws Exception {
        McpHome.withCluster(root);
        for (List<String> command : List.of(ServerCommand.sikifanso("-c", "lab", "mcp", "serve"),
                ServerCommand.mcpServe("-c", "lab"))) {
            try (RawStdio stdio = new RawStdio(root, command)) {
                assertThat(stdio.initialize("2025-06-18").path("instructions").asText()).as(command.toString())
                        .contains("pinned to cluster \"lab\"");
            }
        }
        try (RawStdio stdio = new RawStdio(root, ServerCommand.mcpServe())) {
            assertThat(stdio.initialize("2025-06-18").path("instructions").asText()).doesNotContain("pinned");
        }
    }

    private static JsonNode assertError(JsonNode response, int code, Integer id) {
        assertThat(response.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(response.at("/error/code").asInt()).as(response.toString()).isEqualTo(code);
        assertThat(response.has("id")).as("id is present, null when unknown: " + response).isTrue();
        if (id == null) {
            assertThat(response.get("id").isNull()).as(response.toString()).isTrue();
        } else {
            assertThat(response.get("id").asInt()).isEqualTo(id);
        }
        return response;
    }
}

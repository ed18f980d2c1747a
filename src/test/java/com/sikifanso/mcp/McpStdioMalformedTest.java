package com.sikifanso.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code mcp serve} over stdio answers to lines that are not one well-formed JSON-RPC message:
 * JSON-RPC 2.0's errors with id null, one per bad line, and the session goes on. Raw lines on a
 * child process's stdin, because an SDK client cannot be made to send them.
 */
class McpStdioMalformedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void everyBadLineGetsItsJsonRpcErrorAndTheSessionGoesOn() throws Exception {
        McpHome.withCluster(root);
        ProcessBuilder pb = new ProcessBuilder(ServerCommand.mcpServe())
                .redirectError(root.resolve("server-stderr.txt").toFile());
        ServerCommand.environment(pb.environment(), root);
        Process server = pb.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        try (OutputStream stdin = server.getOutputStream()) {
            assertError(answer(stdin, lines, "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\""), -32700, null);
            assertError(answer(stdin, lines, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]"), -32600, null);
            assertError(answer(stdin, lines, "42"), -32600, null);
            assertError(answer(stdin, lines, "\"initialize\""), -32600, null);

            String huge = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\",\"params\":{\"pad\":\""
                    + "x".repeat(StdioTransport.MAX_MESSAGE_BYTES) + "\"}}";
            JsonNode oversized = assertError(answer(stdin, lines, huge), -32600, null);
            assertThat(oversized.at("/error/message").asText()).contains("4 MiB");

            JsonNode stringParams = answer(stdin, lines,
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\",\"params\":\"all\"}");
            assertError(stringParams, -32602, 3);
            assertThat(stringParams.at("/error/message").asText()).isEqualTo("Invalid params: params must be a JSON object")
                    .doesNotContain("jackson");

            JsonNode init = answer(stdin, lines, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"initialize\",\"params\":"
                    + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
            assertThat(init.at("/id").asInt()).isEqualTo(4);
            assertThat(init.at("/result/serverInfo/name").asText()).as("the session goes on").isEqualTo("sikifanso");
        }
        assertThat(server.waitFor(15, TimeUnit.SECONDS)).isTrue();
    }

    private static JsonNode answer(OutputStream stdin, BlockingQueue<String> lines, String line) throws Exception {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        String response = lines.poll(20, TimeUnit.SECONDS);
        assertThat(response).as("an answer to " + line.substring(0, Math.min(80, line.length()))).isNotNull();
        return JSON.readTree(response);
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

package com.sikifanso.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every byte {@code mcp serve} writes to stdout is JSON-RPC, even at {@code --log-level debug} and
 * when a tool fails or a line is not JSON. Driven with a raw child process, not an MCP SDK, so a
 * stray byte would be seen rather than skipped by a lenient reader. Needs no Node.js.
 */
class McpStdoutPurityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void stdoutCarriesOnlyJsonRpcEvenAtDebugLevel() throws Exception {
        McpHome home = McpHome.withCluster(root).withArgoCdPassword();
        Path stderr = root.resolve("server-stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(ServerCommand.mcpServe("--log-level", "debug"))
                .redirectError(stderr.toFile());
        ServerCommand.environment(pb.environment(), root);
        Process server = pb.start();
        RawLines stdout = new RawLines(server.getInputStream());
        try (OutputStream stdin = server.getOutputStream()) {
            JsonNode init = stdout.request(stdin, 1, "initialize", Map.of("protocolVersion", "2025-06-18",
                    "capabilities", Map.of(), "clientInfo", Map.of("name", "raw", "version", "1")));
            assertThat(init.at("/result/serverInfo/name").asText()).isEqualTo("sikifanso");
            send(stdin, Map.of("jsonrpc", "2.0", "method", "notifications/initialized"));
            stdin.write("this line is not JSON\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            assertThat(stdout.request(stdin, 2, "tools/list", Map.of()).at("/result/tools").size()).isPositive();
            JsonNode list = stdout.request(stdin, 3, "tools/call", tool("cluster_list", Map.of()));
            assertThat(list.at("/result/isError").asBoolean()).as(list.toString()).isFalse();
            JsonNode info = stdout.request(stdin, 4, "tools/call", tool("cluster_info", Map.of("cluster", "lab")));
            assertThat(info.at("/result/isError").asBoolean()).as(info.toString()).isFalse();
            stdout.request(stdin, 5, "tools/call", tool("catalog_list", Map.of("cluster", "lab")));
            JsonNode enable = stdout.request(stdin, 6, "tools/call", tool("catalog_enable",
                    Map.of("cluster", "lab", "names", List.of("qdrant"))));
            assertThat(enable.at("/result/isError").asBoolean()).as(enable.toString()).isFalse();
            JsonNode failing = stdout.request(stdin, 7, "tools/call", tool("cluster_info",
                    Map.of("cluster", "missing")));
            assertThat(failing.at("/result/isError").asBoolean()).as(failing.toString()).isTrue();
            assertThat(stdout.request(stdin, 8, "tools/call", tool("nope", Map.of())).at("/error/code").asInt())
                    .isEqualTo(-32602);
        }
        assertThat(server.waitFor(15, TimeUnit.SECONDS)).as("the server exits when stdin closes").isTrue();
        stdout.join();
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(server.exitValue()).as(err).isZero();

        byte[] bytes = stdout.bytes();
        assertThat(bytes).isNotEmpty();
        assertThat(bytes[bytes.length - 1]).as("stdout ends with a complete line").isEqualTo((byte) '\n');
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(8);
        for (String line : lines) {
            JsonNode message = parse(line);
            assertThat(message.path("jsonrpc").asText()).as(line).isEqualTo("2.0");
            assertThat(message.has("result") || message.has("error") || message.has("method")).as(line).isTrue();
            assertThat(line).as("one message per line, no \\r").doesNotContain("\r");
        }
        // The debug log was written — to stderr, never stdout — and holds no password.
        assertThat(err).contains("DEBUG");
        assertThat(String.join("\n", lines) + err).doesNotContain(McpHome.ARGOCD_PASSWORD);
        assertThat(home.status()).isEmpty();
    }

    private static Map<String, Object> tool(String name, Map<String, Object> arguments) {
        return Map.of("name", name, "arguments", arguments);
    }

    private static void send(OutputStream stdin, Map<String, Object> message) throws IOException {
        stdin.write(JSON.writeValueAsBytes(message));
        stdin.write('\n');
        stdin.flush();
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            assertThat(node != null && node.isObject()).as("a JSON object: " + line).isTrue();
            return node;
        } catch (IOException e) {
            throw new AssertionError("stdout line is not JSON: " + line, e);
        }
    }

    /** Reads stdout byte by byte, keeping every byte, and hands over each complete line. */
    private static final class RawLines {
        private final ByteArrayOutputStream all = new ByteArrayOutputStream();
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Thread reader;

        RawLines(InputStream in) {
            reader = new Thread(() -> {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                try (in) {
                    int b;
                    while ((b = in.read()) != -1) {
                        synchronized (all) {
                            all.write(b);
                        }
                        if (b == '\n') {
                            lines.add(line.toString(StandardCharsets.UTF_8));
                            line.reset();
                        } else {
                            line.write(b);
                        }
                    }
                } catch (IOException e) {
                    lines.add("<stdout read failed: " + e + ">");
                }
            }, "mcp-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        /** Sends a request and waits for the response with its id (other lines are checked later). */
        JsonNode request(OutputStream stdin, int id, String method, Map<String, Object> params) throws Exception {
            send(stdin, Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params));
            List<String> seen = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line == null) {
                    continue;
                }
                seen.add(line);
                JsonNode message = parse(line);
                if (message.path("id").asInt(-1) == id && !message.has("method")) {
                    return message;
                }
            }
            throw new AssertionError("no response to " + method + " (id " + id + ") within 20 s; saw " + seen);
        }

        void join() throws InterruptedException {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        }

        byte[] bytes() {
            synchronized (all) {
                return all.toByteArray();
            }
        }
    }
}

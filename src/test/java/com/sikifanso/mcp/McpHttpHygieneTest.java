package com.sikifanso.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mcp serve --http} seen by hand-written HTTP requests (a raw socket, so Host and Origin are
 * exactly what a browser under DNS rebinding or a hostile page would send).
 */
class McpHttpHygieneTest {
    private static final Pattern LISTENING = Pattern.compile("listening on http://\\S+?:(\\d+)/mcp");
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

    private static final String TOKEN = "hygiene-test-token-0123456789abcdef";

    @TempDir
    Path root;

    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void foreignHostsAndOriginsAreRefusedWith403() throws Exception {
        int port = start("--http", "127.0.0.1:0", "--allow-origin", "https://ide.example.com");
        String token = token();
        String self = "127.0.0.1:" + port;

        assertThat(post(port, token, headers("Host", self)).status()).as("no Origin: a non-browser client").isEqualTo(200);
        assertThat(post(port, token, headers("Host", "localhost:" + port, "Origin", "http://localhost:" + port))
                .status()).as("the server's own loopback origin").isEqualTo(200);
        assertThat(post(port, token, headers("Host", self, "Origin", "https://ide.example.com")).status())
                .as("an origin allowed with --allow-origin").isEqualTo(200);

        Response rebound = post(port, token, headers("Host", "attacker.example:" + port));
        assertThat(rebound.status()).as("a DNS-rebound Host").isEqualTo(403);
        assertThat(rebound.body()).contains("Host").hasSizeLessThan(200);

        Response foreign = post(port, token, headers("Host", self, "Origin", "http://attacker.example"));
        assertThat(foreign.status()).as("a foreign Origin").isEqualTo(403);
        assertThat(foreign.body()).contains("--allow-origin").doesNotContain("attacker");
        assertThat(post(port, token, headers("Host", self, "Origin", "http://localhost:1")).status())
                .as("loopback, but another port").isEqualTo(403);
        assertThat(post(port, token, headers("Host", self, "Origin", "null")).status()).isEqualTo(403);
    }

    @Test
    void theUnauthorisedBodyDoesNotEchoTheUrl() throws Exception {
        int port = start("--http", "127.0.0.1:0");
        String secret = "tok" + "en-in-a-query-4f2a9c";

        Response r = request(port, "POST /mcp?access_token=" + secret + " HTTP/1.1",
                headers("Host", "127.0.0.1:" + port), INITIALIZE);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("sikifanso mcp token").doesNotContain(secret).doesNotContain("/mcp");
    }

    /** With java.net.http, as a plain client: what Claude Code, Inspector and mcp-remote probe and send. */
    @Test
    void whatClientsProbeGetsAnAnswerTheyUnderstand() throws Exception {
        int port = start("--http", "127.0.0.1:0");
        URI base = URI.create("http://127.0.0.1:" + port);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(base.resolve("/mcp"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer ").contains("error=\"invalid_token\""));

        for (String path : List.of("/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp",
                "/.well-known/oauth-authorization-server", "/register")) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).contains("no OAuth");
        }

        HttpResponse<String> get = client.send(HttpRequest.newBuilder(base.resolve("/mcp"))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + TOKEN)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).as("GET /mcp answers at once, within the request timeout").isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST, DELETE");

        for (String version : List.of("1999-01-01", "2026-07-28")) {
            HttpResponse<String> r = client.send(initialize(base, version), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(version).isEqualTo(400);
            assertThat(r.body()).contains(version, "2025-06-18");
        }
        assertThat(client.send(initialize(base, "2025-06-18"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
    }

    private static HttpRequest initialize(URI base, String protocolVersionHeader) {
        return HttpRequest.newBuilder(base.resolve("/mcp")).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", protocolVersionHeader)
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).build();
    }

    @Test
    void aMalformedAllowOriginIsAUsageError() throws Exception {
        McpHome.withCluster(root);
        ProcessBuilder pb = new ProcessBuilder(ServerCommand.mcpServe("--http", "127.0.0.1:0", "--allow-origin",
                "ide.example.com/path")).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        ServerCommand.environment(pb.environment(), root);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("--allow-origin ide.example.com/path is not an origin");
    }

    @Test
    void debugLogsNeverHoldTheTokenAndLibrariesStayAtInfo() throws Exception {
        int port = start("--http", "127.0.0.1:0", "--log-level", "debug");
        for (int i = 0; i < 3; i++) {
            assertThat(post(port, token(), headers("Host", "127.0.0.1:" + port)).status()).isEqualTo(200);
        }
        stop();

        Path log = root.resolve("mcp.log");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        String text = Files.readString(log) + Files.readString(root.resolve("http-stderr.txt"));
        assertThat(text).contains("listening on").doesNotContain(TOKEN);
        assertThat(text.lines().filter(l -> l.contains(" DEBUG org.eclipse.jetty"))).as("Jetty at info").isEmpty();
    }

    @Test
    void librariesAtDebugWhenAskedForStillNeverLogTheToken() throws Exception {
        int port = start(Map.of("SIKIFANSO_LOG_LIBS", "debug"), "--http", "127.0.0.1:0", "--log-level", "debug");
        assertThat(post(port, token(), headers("Host", "127.0.0.1:" + port)).status()).isEqualTo(200);
        stop();

        String text = Files.readString(root.resolve("mcp.log"));
        assertThat(text).contains("DEBUG org.eclipse.jetty").contains("Authorization: Bearer [redacted]")
                .doesNotContain(TOKEN);
    }

    private int start(String... flags) throws IOException, InterruptedException {
        return start(Map.of(), flags);
    }

    private int start(Map<String, String> env, String... flags) throws IOException, InterruptedException {
        McpHome.withCluster(root);
        Files.writeString(root.resolve("mcp-token"), TOKEN + "\n");
        Files.setPosixFilePermissions(root.resolve("mcp-token"), PosixFilePermissions.fromString("rw-------"));
        Path stderr = root.resolve("http-stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(ServerCommand.mcpServe(flags))
                .redirectOutput(root.resolve("http-stdout.txt").toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        ServerCommand.environment(pb.environment(), root);
        pb.environment().putAll(env);
        server = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(stderr));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            assertThat(server.isAlive()).as(Files.readString(stderr)).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("no listening line: " + Files.readString(stderr));
    }

    /** The token mcp serve would otherwise make on the first request: known here, so requests can send it. */
    private String token() {
        return TOKEN;
    }

    private static Map<String, String> headers(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Response post(int port, String token, Map<String, String> headers) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Authorization", "Bearer " + token);
        return request(port, "POST /mcp HTTP/1.1", all, INITIALIZE);
    }

    static Response request(int port, String requestLine, Map<String, String> headers, String body)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            StringBuilder text = new StringBuilder(requestLine).append("\r\n");
            headers.forEach((k, v) -> text.append(k).append(": ").append(v).append("\r\n"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            text.append("Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n")
                    .append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
            return Response.parse(readAll(socket.getInputStream()));
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    record Response(int status, String body) {
        static Response parse(String raw) {
            int status = Integer.parseInt(raw.substring(9, 12));
            int split = raw.indexOf("\r\n\r\n");
            return new Response(status, split < 0 ? "" : raw.substring(split + 4));
        }
    }
}

package com.sikifanso.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@code sikifanso ... mcp serve} child process spoken to in raw JSON-RPC lines, one answer per line. */
final class RawStdio implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Process server;
    private final OutputStream stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    /** Starts {@code command} (from {@link ServerCommand}) serving {@code home}. */
    RawStdio(Path home, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(home.resolve("server-stderr.txt").toFile());
        ServerCommand.environment(pb.environment(), home);
        server = pb.start();
        stdin = server.getOutputStream();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends one line and returns the one line the server answers. */
    JsonNode answer(String line) throws Exception {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        String response = lines.poll(20, TimeUnit.SECONDS);
        assertThat(response).as("an answer to " + line.substring(0, Math.min(80, line.length()))).isNotNull();
        return JSON.readTree(response);
    }

    /** The next line the server writes (a notification, or an answer to a line sent earlier). */
    JsonNode next() throws Exception {
        String line = lines.poll(20, TimeUnit.SECONDS);
        assertThat(line).as("a line from the server").isNotNull();
        return JSON.readTree(line);
    }

    /** Sends a request and returns its response, passing over the notifications written before it. */
    JsonNode response(String line) throws Exception {
        send(line);
        JsonNode next;
        do {
            next = next();
        } while (!next.has("id"));
        return next;
    }

    /** The next notification with {@code method}, passing over other lines. */
    JsonNode nextNotification(String method) throws Exception {
        JsonNode next;
        do {
            next = next();
        } while (!method.equals(next.path("method").asText()));
        return next;
    }

    /** Sends a line that needs no answer (a notification). */
    void send(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** {@code initialize} at {@code version}, then {@code notifications/initialized}; returns the result. */
    JsonNode initialize(String version) throws Exception {
        JsonNode init = answer("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"" + version + "\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return init.path("result");
    }

    /** Closes stdin and waits for the server to end, as a client closing the session would. */
    @Override
    public void close() throws Exception {
        stdin.close();
        assertThat(server.waitFor(15, TimeUnit.SECONDS)).as("server ends when stdin closes").isTrue();
    }
}

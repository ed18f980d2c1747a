package com.sikifanso.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agui.AguiJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events client on the JDK's HttpClient, reading frames as the spec parses them ({@code id:},
 * {@code data:}, {@code retry:}, comments) on its own thread; {@link #close()} drops the connection as a browser tab
 * being closed does.
 */
final class SseClient implements AutoCloseable {
    /** One dispatched event: its id, the JSON of its data, and when it arrived ({@link System#nanoTime()}). */
    record Frame(long id, JsonNode data, long receivedNanos) {
        String type() {
            return data.path("type").asText();
        }
    }

    final int status;
    private final InputStream body;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final List<String> comments = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile long retryMillis = -1;
    private final Thread reader;

    private SseClient(int status, InputStream body) {
        this.status = status;
        this.body = body;
        this.reader = Thread.ofPlatform().daemon().name("sse-client").start(this::read);
    }

    static SseClient get(String url, String token, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return open(request.GET().build());
    }

    static SseClient post(String url, String token, String json) throws IOException, InterruptedException {
        return open(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static SseClient open(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        return new SseClient(response.statusCode(), response.body());
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            long id = -1;
            StringBuilder data = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        frames.add(new Frame(id, AguiJson.MAPPER.readTree(data.toString()), System.nanoTime()));
                    }
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                } else if (line.startsWith("id:")) {
                    id = Long.parseLong(line.substring(3).strip());
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.startsWith("retry:")) {
                    retryMillis = Long.parseLong(line.substring(6).strip());
                }
            }
        } catch (IOException e) {
            // closed by close(), or the server ended the stream
        }
    }

    /** The next {@code count} frames, waiting up to 30 s in all; fails with what arrived if they do not. */
    List<Frame> next(int count) throws InterruptedException {
        List<Frame> out = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (out.size() < count) {
            Frame f = frames.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (f == null) {
                throw new AssertionError("expected " + count + " frames, got " + out.size() + ": " + out);
            }
            out.add(f);
        }
        return out;
    }

    /** Every frame until the server ends the stream (within 30 s). */
    List<Frame> untilEnd() throws InterruptedException {
        reader.join(Duration.ofSeconds(30));
        if (reader.isAlive()) {
            throw new AssertionError("the stream did not end within 30 s; frames so far: " + frames);
        }
        List<Frame> out = new ArrayList<>();
        frames.drainTo(out);
        return out;
    }

    /** Frames received but not yet taken. */
    List<Frame> pending() {
        return List.copyOf(frames);
    }

    List<String> comments() {
        return List.copyOf(comments);
    }

    long retryMillis() {
        return retryMillis;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

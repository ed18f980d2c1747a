package com.sikifanso.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.Mappers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for the Messages API ({@code POST /v1/messages} with {@code stream: true}) that answers from a
 * script, for the real Anthropic SDK pointed at it through its base URL. Each scripted answer is either an HTTP error
 * (status, headers, the API's error body) or a stream of Server-Sent Events spelled as the API spells them:
 * {@code message_start}, {@code content_block_start}/{@code _delta}/{@code _stop} for text, thinking (with its
 * signature) and tool_use (its input as {@code input_json_delta} fragments), {@code ping}, {@code message_delta}
 * with the stop reason and usage, {@code message_stop}, or an {@code error} event mid-stream. Every request received
 * (headers and body) is kept for assertions. (Shapes from the API's streaming documentation: docs.claude.com,
 * "Streaming Messages", the "Basic streaming request", "Streaming request with tool use" and "extended thinking"
 * examples.)
 */
public final class ScriptedMessagesApi implements AutoCloseable {
    private final HttpServer server;
    private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** What one request received: its headers (lower-case names) and body. */
    public record Request(Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return Mappers.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("request body is not JSON: " + body, e);
            }
        }
    }

    private sealed interface Answer permits Failure, Stream {
    }

    private record Failure(int status, Map<String, String> headers, String body) implements Answer {
    }

    private record Stream(List<String> frames) implements Answer {
    }

    public ScriptedMessagesApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/messages", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Every request body as one string, to look for what must never be sent. */
    public String everythingSent() {
        StringBuilder all = new StringBuilder();
        requests.forEach(r -> all.append(r.body()).append('\n'));
        return all.toString();
    }

    public ScriptedMessagesApi then(Turn turn) {
        script.add(new Stream(turn.frames()));
        return this;
    }

    /** An HTTP error as the API answers it: {@code {"type":"error","error":{"type":..,"message":..}}}. */
    public ScriptedMessagesApi thenStatus(int status, String errorType, Map<String, String> headers) {
        script.add(new Failure(status, headers, "{\"type\":\"error\",\"error\":{\"type\":\"" + errorType
                + "\",\"message\":\"" + errorType.replace('_', ' ') + "\"},\"request_id\":\"req_scripted\"}"));
        return this;
    }

    public int unanswered() {
        return script.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT),
                String.join(",", v)));
        requests.add(new Request(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Answer answer = script.poll();
        if (answer == null) {
            answer = new Failure(500, Map.of("x-should-retry", "false"), "{\"type\":\"error\",\"error\":{\"type\":"
                    + "\"api_error\",\"message\":\"the test script has no answer left\"}}");
        }
        try (exchange) {
            switch (answer) {
                case Failure f -> {
                    f.headers().forEach(exchange.getResponseHeaders()::add);
                    exchange.getResponseHeaders().add("content-type", "application/json");
                    byte[] body = f.body().getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(f.status(), body.length);
                    exchange.getResponseBody().write(body);
                }
                case Stream s -> {
                    exchange.getResponseHeaders().add("content-type", "text/event-stream; charset=utf-8");
                    exchange.getResponseHeaders().add("request-id", "req_scripted");
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    for (String frame : s.frames()) {
                        out.write(frame.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One model turn, streamed: its blocks in order, then how it stopped and the tokens it used. */
    public static final class Turn {
        private final List<ObjectNode> blocks = new ArrayList<>();
        private final List<List<ObjectNode>> deltas = new ArrayList<>();
        private String stopReason = "end_turn";
        private long input = 120;
        private long output = 40;
        private long cacheRead;
        private long cacheWrite;
        private String errorType;

        public static Turn turn() {
            return new Turn();
        }

        /** Text, streamed in two deltas. */
        public Turn text(String text) {
            int half = text.length() / 2;
            add(block("text").put("text", ""), delta("text_delta", "text", text.substring(0, half)),
                    delta("text_delta", "text", text.substring(half)));
            return this;
        }

        /** Extended thinking: its text in deltas, then its signature. */
        public Turn thinking(String thinking, String signature) {
            add(block("thinking").put("thinking", ""), delta("thinking_delta", "thinking", thinking),
                    delta("signature_delta", "signature", signature));
            return this;
        }

        /** A tool call; its input JSON streamed in fragments of a few characters, as the API does. */
        public Turn toolUse(String id, String name, String inputJson) {
            ObjectNode start = block("tool_use").put("id", id).put("name", name);
            start.putObject("input");
            List<ObjectNode> parts = new ArrayList<>();
            parts.add(delta("input_json_delta", "partial_json", ""));
            for (int i = 0; i < inputJson.length(); i += 7) {
                parts.add(delta("input_json_delta", "partial_json", inputJson.substring(i,
                        Math.min(inputJson.length(), i + 7))));
            }
            add(start, parts.toArray(ObjectNode[]::new));
            stopReason = "tool_use";
            return this;
        }

        public Turn usage(long input, long output, long cacheRead, long cacheWrite) {
            this.input = input;
            this.output = output;
            this.cacheRead = cacheRead;
            this.cacheWrite = cacheWrite;
            return this;
        }

        /** Ends the stream after the blocks with an {@code error} event instead of message_delta/message_stop. */
        public Turn failingWith(String errorType) {
            this.errorType = errorType;
            return this;
        }

        private void add(ObjectNode block, ObjectNode... blockDeltas) {
            blocks.add(block);
            deltas.add(List.of(blockDeltas));
        }

        private static ObjectNode block(String type) {
            return Mappers.JSON.createObjectNode().put("type", type);
        }

        private static ObjectNode delta(String type, String field, String value) {
            return Mappers.JSON.createObjectNode().put("type", type).put(field, value);
        }

        List<String> frames() {
            List<String> frames = new ArrayList<>();
            ObjectNode message = Mappers.JSON.createObjectNode().put("id", "msg_scripted").put("type", "message")
                    .put("role", "assistant").put("model", "claude-scripted");
            message.putArray("content");
            message.putNull("stop_reason");
            message.putNull("stop_sequence");
            message.putObject("usage").put("input_tokens", input).put("cache_creation_input_tokens", cacheWrite)
                    .put("cache_read_input_tokens", cacheRead).put("output_tokens", 1);
            frames.add(frame("message_start", obj("message_start").set("message", message)));
            for (int i = 0; i < blocks.size(); i++) {
                frames.add(frame("content_block_start", obj("content_block_start").put("index", i)
                        .set("content_block", blocks.get(i))));
                if (i == 0) {
                    frames.add(frame("ping", obj("ping")));
                }
                for (ObjectNode d : deltas.get(i)) {
                    frames.add(frame("content_block_delta", obj("content_block_delta").put("index", i)
                            .set("delta", d)));
                }
                frames.add(frame("content_block_stop", obj("content_block_stop").put("index", i)));
            }
            if (errorType != null) {
                ObjectNode error = obj("error");
                error.putObject("error").put("type", errorType).put("message", errorType.replace('_', ' '));
                frames.add(frame("error", error));
                return frames;
            }
            ObjectNode delta = obj("message_delta");
            delta.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
            delta.putObject("usage").put("output_tokens", output);
            frames.add(frame("message_delta", delta));
            frames.add(frame("message_stop", obj("message_stop")));
            return frames;
        }

        private static ObjectNode obj(String type) {
            return Mappers.JSON.createObjectNode().put("type", type);
        }

        private static String frame(String event, JsonNode data) {
            return "event: " + event + "\ndata: " + data + "\n\n";
        }
    }

    /** The tool results the request sent back, by tool_use_id. */
    public static Map<String, JsonNode> toolResults(Request request) {
        Map<String, JsonNode> results = new LinkedHashMap<>();
        ArrayNode messages = (ArrayNode) request.json().path("messages");
        for (JsonNode m : messages) {
            for (JsonNode block : m.path("content")) {
                if (block.path("type").asText().equals("tool_result")) {
                    results.put(block.path("tool_use_id").asText(), block);
                }
            }
        }
        return results;
    }
}

package com.sikifanso.mcp;

import com.sikifanso.http.PlainResponses;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Mappers;
import io.modelcontextprotocol.spec.ProtocolVersions;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the SDK's Streamable HTTP servlet (1.1.5) gets wrong with bodies it does not expect: it answers a JSON-RPC
 * batch, or a body that is not JSON-RPC, with 400 and a serialised Java exception. Here a body that is not one
 * JSON-RPC message gets JSON-RPC's own error (-32700, -32600, -32602) with 400, as on stdio; and under 2025-03-26,
 * the one revision with batches, a batch is answered as one array: each member is POSTed on to this same endpoint
 * as a message of its own (with the caller's token, session and version headers) and the answers collected.
 */
final class HttpBatches implements Filter {
    private static final List<String> FORWARDED = List.of("Authorization", "Mcp-Session-Id", "MCP-Protocol-Version");
    private final HttpClient loopback = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(StdioTransport.MAX_MESSAGE_BYTES + 1);
        String text = new String(body, StandardCharsets.UTF_8);
        if (body.length > StdioTransport.MAX_MESSAGE_BYTES) {
            PlainResponses.json(response, 400, JsonRpcScreen.oversized(StdioTransport.MAX_MESSAGE_BYTES));
            return;
        }
        String version = java.util.Objects.requireNonNullElse(request.getHeader("MCP-Protocol-Version"),
                ProtocolVersions.MCP_2025_03_26);
        if (StdioBatches.isBatch(text) && StdioBatches.members(text) != null) {
            if (!NegotiatedVersion.hasBatches(version)) {
                PlainResponses.json(response, 400, JsonRpcScreen.invalidRequest(
                        "Invalid Request: batches are only part of MCP "
                        + "2025-03-26 (this session speaks " + PlainResponses.printable(version)
                        + "); POST one message at a time"));
                return;
            }
            answerBatch(request, response, StdioBatches.members(text));
            return;
        }
        switch (JsonRpcScreen.screen(text)) {
            case JsonRpcScreen.Verdict.Answer answer -> PlainResponses.json(response, 400, answer.error());
            case JsonRpcScreen.Verdict.Drop drop -> PlainResponses.send(response, 400, drop.why());
            case JsonRpcScreen.Verdict.Pass pass -> chain.doFilter(new ReplayedRequest(request, body), res);
        }
    }

    private void answerBatch(HttpServletRequest request, HttpServletResponse response, List<JsonNode> members)
            throws IOException {
        if (members.isEmpty()) {
            PlainResponses.json(response, 400, JsonRpcScreen.invalidRequest("Invalid Request: an empty batch"));
            return;
        }
        List<Object> answers = new ArrayList<>();
        List<CompletableFuture<JsonNode>> pending = new ArrayList<>();
        for (JsonNode member : members) {
            switch (JsonRpcScreen.screen(member.toString())) {
                case JsonRpcScreen.Verdict.Answer answer -> answers.add(answer.error());
                case JsonRpcScreen.Verdict.Drop drop -> { }
                case JsonRpcScreen.Verdict.Pass pass -> pending.add(forward(request, member));
            }
        }
        for (CompletableFuture<JsonNode> answer : pending) {
            JsonNode a = answer.join();
            if (a != null) {
                answers.add(a);
            }
        }
        if (answers.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_ACCEPTED);
            return;
        }
        PlainResponses.json(response, 200, answers);
    }

    /** POSTs one member to this endpoint; completes with its answer, or null for a notification or response. */
    private CompletableFuture<JsonNode> forward(HttpServletRequest request, JsonNode member) {
        String host = request.getLocalAddr().contains(":") ? "[" + request.getLocalAddr() + "]" : request.getLocalAddr();
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create("http://" + host + ":" + request.getLocalPort()
                        + HttpMcpEndpoint.PATH))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(member.toString()));
        for (String name : FORWARDED) {
            if (request.getHeader(name) != null) {
                post.header(name, request.getHeader(name));
            }
        }
        boolean isRequest = member.has("id") && member.hasNonNull("method");
        return loopback.sendAsync(post.build(), HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
            if (!isRequest) {
                return null;
            }
            JsonNode answer = e == null ? answerIn(r.body()) : null;
            if (answer == null) {
                return JsonRpcScreen.error(member.get("id"), -32603, "Internal error: no answer to this member"
                        + (r == null ? "" : " (HTTP " + r.statusCode() + ")"));
            }
            return answer;
        });
    }

    /** The JSON-RPC response in a JSON or SSE body (the last {@code data:} line holding one). */
    static JsonNode answerIn(String body) {
        JsonNode found = null;
        for (String line : body.split("\n")) {
            String json = line.startsWith("data:") ? line.substring(5).strip() : line.strip();
            if (json.startsWith("{")) {
                try {
                    JsonNode node = Mappers.JSON.readTree(json);
                    if (node.has("id") && (node.has("result") || node.has("error"))) {
                        found = node;
                    }
                } catch (IOException ignored) {
                    // Not JSON: an SSE field other than data.
                }
            }
        }
        return found;
    }
}

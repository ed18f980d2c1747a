package com.sikifanso.mcp;

import com.sikifanso.http.PlainResponses;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.Mappers;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Streamable HTTP for 2026-07-28, in front of the SDK's servlet: a POST whose body is a modern request is
 * answered here (JSON, or an SSE stream for {@code subscriptions/listen}); anything else, including every
 * request of a session begun with initialize, goes on to the SDK with its body replayed. The mirrored
 * headers must match the body ({@code MCP-Protocol-Version}, {@code Mcp-Method}, {@code Mcp-Name}), else
 * 400 with -32020, as the transport page of the revision requires.
 */
final class ModernHttp implements Filter {
    private static final Set<String> NAMED = Set.of("tools/call", "resources/read", "prompts/get");
    /** Quiet listen streams get an SSE comment this often, so a closed client is noticed. */
    private static final long KEEP_ALIVE_SECONDS = 15;
    private static final ScheduledExecutorService KEEP_ALIVE = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mcp-listen-keepalive");
        t.setDaemon(true);
        return t;
    });

    private volatile ModernDispatcher dispatcher;

    void serve(ModernDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String header = request.getHeader("MCP-Protocol-Version");
        ModernDispatcher modern = dispatcher;
        if (modern == null || !"POST".equals(request.getMethod())
                || (header != null && ModernEra.LEGACY.contains(header))) {
            chain.doFilter(req, res);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(StdioTransport.MAX_MESSAGE_BYTES + 1);
        JsonNode message;
        try {
            message = Mappers.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            message = null;
        }
        if (message == null || !ModernEra.isModern(message) || body.length > StdioTransport.MAX_MESSAGE_BYTES) {
            chain.doFilter(new ReplayedRequest(request, body), res);
            return;
        }
        String mismatch = headerMismatch(request, message);
        if (mismatch != null) {
            PlainResponses.json(response, 400, ModernEra.error(message.get("id"), ModernEra.HEADER_MISMATCH,
                    "Header mismatch: "
                    + mismatch, null));
            return;
        }
        if ("subscriptions/listen".equals(message.path("method").asText()) && message.has("id")) {
            listen(request, response, modern, message);
            return;
        }
        ModernDispatcher.Reply reply = modern.handle(message, notification -> { }, null);
        if (reply.message() == null) {
            response.setStatus(reply.status());
            return;
        }
        PlainResponses.json(response, reply.status(), reply.message());
    }

    /** Why the mirrored headers do not match the body, or null when they do. */
    static String headerMismatch(HttpServletRequest request, JsonNode message) {
        JsonNode version = message.path("params").path("_meta").get(ModernEra.META_VERSION);
        String header = request.getHeader("MCP-Protocol-Version");
        if (header == null) {
            return "the MCP-Protocol-Version header is required (" + ModernEra.VERSION + ")";
        }
        if (version != null && !header.equals(version.asText())) {
            return "MCP-Protocol-Version header " + PlainResponses.printable(header)
                    + " does not match _meta protocolVersion " + PlainResponses.printable(version.asText());
        }
        String method = message.path("method").asText();
        String methodHeader = request.getHeader("Mcp-Method");
        if (methodHeader == null || !methodHeader.equals(method)) {
            return methodHeader == null ? "the Mcp-Method header is required (" + method + ")"
                    : "Mcp-Method header " + PlainResponses.printable(methodHeader) + " does not match method "
                            + PlainResponses.printable(method);
        }
        if (NAMED.contains(method)) {
            String name = message.path("params").path("resources/read".equals(method) ? "uri" : "name").asText();
            String nameHeader = decoded(request.getHeader("Mcp-Name"));
            if (nameHeader == null || !nameHeader.equals(name)) {
                return nameHeader == null ? "the Mcp-Name header is required for " + method
                        : "Mcp-Name header " + PlainResponses.printable(nameHeader) + " does not match body value "
                                + PlainResponses.printable(name);
            }
        }
        return null;
    }

    /** A header value in the spec's Base64 sentinel form ({@code =?base64?...?=}) decoded; others as they are. */
    static String decoded(String value) {
        if (value != null && value.startsWith("=?base64?") && value.endsWith("?=") && value.length() >= 11) {
            try {
                return new String(Base64.getDecoder().decode(value.substring(9, value.length() - 2)),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return value;
            }
        }
        return value;
    }

    private void listen(HttpServletRequest request, HttpServletResponse response, ModernDispatcher modern,
                        JsonNode message) throws IOException {
        ModernDispatcher.Reply refused = modern.refusal(message);
        if (refused != null) { // a plain JSON error with its status, before any stream begins
            PlainResponses.json(response, refused.status(), refused.message());
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        response.flushBuffer();
        ServletOutputStream out = response.getOutputStream();
        Subscriptions.Stream stream = event -> write(out, "event: message\ndata: " + event + "\n\n");
        modern.handle(message, n -> { }, stream);
        ScheduledFuture<?>[] keepAlive = new ScheduledFuture<?>[1];
        keepAlive[0] = KEEP_ALIVE.scheduleAtFixedRate(() -> {
            if (!write(out, ":\n\n")) {
                modern.subscriptions().cancel(message.get("id"));
                keepAlive[0].cancel(false);
                async.complete();
            }
        }, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    private static boolean write(ServletOutputStream out, String text) {
        synchronized (out) {
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
                return true;
            } catch (IOException | IllegalStateException e) {
                return false;
            }
        }
    }

}

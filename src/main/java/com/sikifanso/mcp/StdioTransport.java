package com.sikifanso.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * MCP over stdio: one JSON-RPC message per line. Written here rather than taken from the SDK
 * because the SDK's stdio provider (1.1.5) drops a response when two tool calls finish at once
 * ("Failed to enqueue message") and advertises only protocol 2024-11-05, hiding structured
 * results and elicitation. Writes are serialised; reads run on one thread.
 */
public final class StdioTransport implements McpServerTransportProvider {
    private static final Logger LOG = LoggerFactory.getLogger(StdioTransport.class);

    /** The largest message read; a longer line is answered with -32600 and skipped. */
    static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

    private final McpJsonMapper mapper;
    private final InputStream in;
    private final OutputStream out;
    private final CountDownLatch closed = new CountDownLatch(1);
    private McpServerSession session;
    /** The revision the initialize answer carried; requests are served under it. */
    private volatile String negotiated = ProtocolVersions.MCP_2024_11_05;
    private volatile boolean initialized;
    private final StdioBatches batches = new StdioBatches();
    /** Answers 2026-07-28 requests; null until the server is built (then every line is read after it is). */
    private volatile ModernDispatcher modern;

    public StdioTransport(McpJsonMapper mapper, InputStream in, OutputStream out) {
        this.mapper = mapper;
        this.in = in;
        this.out = out;
    }

    /**
     * Serves the stateless revision beside initialize on the same stdin (a dual-era server) and starts reading:
     * only now, so no line arrives before both eras can answer it.
     */
    void serveModern(ModernDispatcher dispatcher) {
        this.modern = dispatcher;
        Thread reader = new Thread(this::readLoop, "mcp-stdin");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        session = factory.create(new SessionTransport());
    }

    /** Blocks until the client closes stdin. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    private void readLoop() {
        BoundedLineReader reader = new BoundedLineReader(in, MAX_MESSAGE_BYTES);
        try {
            BoundedLineReader.Line line;
            while ((line = reader.next()) != null) {
                if (!line.oversized() && line.text().isBlank()) {
                    continue;
                }
                if (!line.oversized() && NegotiatedVersion.hasBatches(negotiated) && StdioBatches.isBatch(line.text())
                        && handleBatch(line.text())) {
                    continue;
                }
                JsonRpcScreen.Verdict verdict = line.oversized() ? JsonRpcScreen.oversized(MAX_MESSAGE_BYTES)
                        : JsonRpcScreen.screen(line.text());
                switch (verdict) {
                    case JsonRpcScreen.Verdict.Pass pass -> {
                        if (!handledAsModern(pass.line())) {
                            handle(pass.line());
                        }
                    }
                    case JsonRpcScreen.Verdict.Answer answer -> writeBytes(mapper.writeValueAsBytes(answer.error()));
                    case JsonRpcScreen.Verdict.Drop drop -> LOG.warn("ignoring a notification: {}", drop.why());
                }
            }
        } catch (IOException e) {
            LOG.warn("reading stdin failed", e);
        } finally {
            closed.countDown();
        }
    }

    /**
     * A 2025-03-26 batch: each member screened and handled; the answers go back as one array. False when the
     * line is not JSON, for the screen to answer.
     */
    private boolean handleBatch(String line) throws IOException {
        List<com.fasterxml.jackson.databind.JsonNode> members = StdioBatches.members(line);
        if (members == null) {
            return false;
        }
        if (members.isEmpty()) {
            writeBytes(mapper.writeValueAsBytes(JsonRpcScreen.invalidRequest("Invalid Request: an empty batch")));
            return true;
        }
        List<Object> answers = new java.util.ArrayList<>();
        List<String> passed = new java.util.ArrayList<>();
        java.util.Set<String> pending = new java.util.HashSet<>();
        for (com.fasterxml.jackson.databind.JsonNode member : members) {
            switch (JsonRpcScreen.screen(member.toString())) {
                case JsonRpcScreen.Verdict.Pass pass -> {
                    passed.add(pass.line());
                    if (member.has("id") && member.hasNonNull("method")) {
                        pending.add(member.get("id").asText());
                    }
                }
                case JsonRpcScreen.Verdict.Answer answer -> answers.add(answer.error());
                case JsonRpcScreen.Verdict.Drop drop -> LOG.warn("ignoring a notification: {}", drop.why());
            }
        }
        if (pending.isEmpty()) {
            passed.forEach(this::handle);
            if (!answers.isEmpty()) {
                writeBytes(mapper.writeValueAsBytes(answers));
            }
            return true;
        }
        batches.open(pending, answers);
        passed.forEach(this::handle);
        return true;
    }

    /**
     * A 2026-07-28 request goes to the dispatcher, on its own virtual thread (a tool call may take minutes);
     * a {@code notifications/cancelled} for an open {@code subscriptions/listen} ends it. False for the rest.
     */
    private boolean handledAsModern(String line) throws IOException {
        com.fasterxml.jackson.databind.JsonNode message = com.sikifanso.core.Mappers.JSON.readTree(line);
        ModernDispatcher dispatcher = modern;
        if (dispatcher == null) {
            return false;
        }
        if ("notifications/cancelled".equals(message.path("method").asText())
                && dispatcher.subscriptions().cancel(message.path("params").path("requestId"))) {
            return true;
        }
        if (!ModernEra.isModern(message)) {
            return false;
        }
        Thread.ofVirtual().name("mcp-modern").start(() -> {
            ModernDispatcher.Reply reply = dispatcher.handle(message, this::writeQuietly, this::writeQuietly);
            if (reply != null && reply.message() != null) {
                writeQuietly(reply.message());
            }
        });
        return true;
    }

    private boolean writeQuietly(com.fasterxml.jackson.databind.node.ObjectNode message) {
        try {
            writeBytes(mapper.writeValueAsBytes(message));
            return true;
        } catch (IOException e) {
            LOG.warn("writing to stdout failed", e);
            return false;
        }
    }

    private void handle(String line) {
        try {
            McpSchema.JSONRPCMessage message = McpSchema.deserializeJsonRpcMessage(mapper, line);
            if (LOG.isDebugEnabled()) { // the method and id only: arguments may hold values files
                LOG.debug("received {}", message instanceof McpSchema.JSONRPCRequest r ? r.method() + " (id " + r.id()
                        + ")" : message instanceof McpSchema.JSONRPCNotification n ? n.method() : "a response");
            }
            session.handle(message)
                    .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, NegotiatedVersion.context(negotiated)))
                    .subscribe(null, e -> LOG.warn("handling a message failed", e));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("ignoring a line that is not JSON-RPC: {}", e.getMessage());
        }
    }

    private void write(McpSchema.JSONRPCMessage message) {
        if (message instanceof McpSchema.JSONRPCResponse r && r.result() instanceof McpSchema.InitializeResult init) {
            negotiated = init.protocolVersion();
            initialized = true;
        }
        if (message instanceof McpSchema.JSONRPCNotification && !initialized) {
            return; // the SDK's change notifications are for an initialize-era client; a modern one listens
        }
        try {
            Object out = message instanceof McpSchema.JSONRPCResponse r ? batches.route(r) : message;
            if (out != null) {
                writeBytes(mapper.writeValueAsBytes(out));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeBytes(byte[] json) throws IOException {
        synchronized (out) {
            out.write(json);
            out.write('\n');
            out.flush();
        }
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return session == null ? Mono.empty() : session.sendNotification(method, params);
    }

    /** One client per process: a notification for "a session" is one for it (resource subscriptions). */
    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return notifyClients(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return session == null ? Mono.empty() : session.closeGracefully();
    }

    @Override
    public List<String> protocolVersions() {
        return List.of(ProtocolVersions.MCP_2024_11_05, ProtocolVersions.MCP_2025_03_26,
                ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);
    }

    private final class SessionTransport implements McpServerTransport {
        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.fromRunnable(() -> write(message));
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
            return mapper.convertValue(data, type);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }

        @Override
        public List<String> protocolVersions() {
            return StdioTransport.this.protocolVersions();
        }
    }
}

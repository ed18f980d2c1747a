package com.sikifanso.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpLoggableSession;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * What the SDK's exchange talks to while a 2026-07-28 request runs through the same handlers as the old era.
 * There are no server-to-client requests in this revision: an elicitation is answered from the retry's
 * {@code inputResponses}, or, when there is none yet, ends the call with {@link InputRequired} for the
 * dispatcher to turn into an {@code input_required} result. Progress goes to the request's own stream.
 */
final class ModernSession implements McpLoggableSession {
    /** The key of the one input request this server makes: the destructive-tool confirmation. */
    static final String CONFIRM = "confirm";

    /** Ends a call that needs the client's input first; carries what to ask. */
    static final class InputRequired extends RuntimeException {
        final String method;
        final transient Object params;

        InputRequired(String method, Object params) {
            super("input required: " + method, null, false, false);
            this.method = method;
            this.params = params;
        }
    }

    private final McpJsonMapper mapper;
    private final JsonNode inputResponses;
    private final Consumer<ObjectNode> requestStream;

    ModernSession(McpJsonMapper mapper, JsonNode inputResponses, Consumer<ObjectNode> requestStream) {
        this.mapper = mapper;
        this.inputResponses = inputResponses;
        this.requestStream = requestStream;
    }

    @Override
    public <T> Mono<T> sendRequest(String method, Object params, TypeRef<T> type) {
        if (!McpSchema.METHOD_ELICITATION_CREATE.equals(method)) {
            return Mono.error(new IllegalStateException(method + " is not offered to 2026-07-28 clients"));
        }
        JsonNode answer = inputResponses == null ? null : inputResponses.get(CONFIRM);
        if (answer == null || !answer.isObject()) {
            return Mono.error(new InputRequired(method, params));
        }
        return Mono.just(mapper.convertValue(answer, type));
    }

    @Override
    public Mono<Void> sendNotification(String method, Object params) {
        return Mono.fromRunnable(() -> {
            if (McpSchema.METHOD_NOTIFICATION_PROGRESS.equals(method)) {
                requestStream.accept(ModernEra.notification(method, mapper.convertValue(params, ObjectNode.class)));
            }
        });
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.empty();
    }

    @Override
    public void close() {
    }

    @Override
    public void setMinLoggingLevel(McpSchema.LoggingLevel level) {
    }

    @Override
    public boolean isNotificationForLevelAllowed(McpSchema.LoggingLevel level) {
        return false; // notifications/message only for requests that set a log level in _meta; none here
    }
}

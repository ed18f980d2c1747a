package com.sikifanso.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers 2026-07-28 requests, which the Java MCP SDK (1.1.5) does not know, from the very specifications the
 * SDK server was built with ({@link McpFeatures}). Each request stands alone: its {@code _meta} carries the
 * version and the client's capabilities; results carry {@code resultType} and, for lists and reads, cache
 * hints. The destructive-tool confirmation becomes an {@code input_required} result answered by the
 * client's retry.
 */
final class ModernDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ModernDispatcher.class);
    /** Tools, prompts and templates are fixed for the life of the process. */
    private static final long STABLE_TTL_MS = 3_600_000;

    /** An answer and the HTTP status it goes with (Streamable HTTP maps some errors to 400 and 404). */
    record Reply(int status, ObjectNode message) {
        static Reply ok(ObjectNode message) {
            return new Reply(200, message);
        }
    }

    private final McpFeatures features;
    private final McpJsonMapper mapper;
    private final RequestState states;
    private final Subscriptions subscriptions = new Subscriptions();
    private final OutputSchemaValidator outputs = new OutputSchemaValidator();

    ModernDispatcher(McpFeatures features, McpJsonMapper mapper, Clock clock) {
        this.features = features;
        this.mapper = mapper;
        this.states = new RequestState(clock);
    }

    Subscriptions subscriptions() {
        return subscriptions;
    }

    /**
     * Checks the request's {@code _meta} and answers it. {@code requestStream} takes notifications about
     * this request (progress); {@code listenStream} is where a {@code subscriptions/listen} stream goes, and a
     * listen request gets no reply here (null) until its stream ends.
     */
    Reply handle(JsonNode request, Consumer<ObjectNode> requestStream, Subscriptions.Stream listenStream) {
        JsonNode id = request.get("id");
        String method = request.get("method").asText();
        JsonNode params = request.path("params");
        Reply refused = refusal(request);
        if (refused != null) {
            return refused;
        }
        JsonNode capabilities = params.path("_meta").get(ModernEra.META_CAPABILITIES);
        if (id == null) {
            return new Reply(202, null); // no client notification of this revision needs an answer here
        }
        try {
            return switch (method) {
                case "server/discover" -> complete(id, discover(), STABLE_TTL_MS);
                case "tools/list" -> complete(id, list("tools", features.tools(), t -> t.tool()), STABLE_TTL_MS);
                case "tools/call" -> callTool(id, params, capabilities, requestStream);
                case "resources/list" -> complete(id, list("resources", features.resources().get(),
                        McpServerFeatures.SyncResourceSpecification::resource), 0L);
                case "resources/templates/list" -> complete(id, list("resourceTemplates", features.resourceTemplates(),
                        McpServerFeatures.SyncResourceTemplateSpecification::resourceTemplate), STABLE_TTL_MS);
                case "resources/read" -> readResource(id, params, capabilities);
                case "prompts/list" -> complete(id, list("prompts", features.prompts(),
                        McpServerFeatures.SyncPromptSpecification::prompt), STABLE_TTL_MS);
                case "prompts/get" -> getPrompt(id, params, capabilities);
                case "completion/complete" -> complete(id, complete(params), null);
                case "subscriptions/listen" -> {
                    subscriptions.open(id, params.path("notifications"), listenStream);
                    yield null;
                }
                default -> new Reply(404, ModernEra.error(id, ModernEra.METHOD_NOT_FOUND, "Method not found: "
                        + method + " is not part of MCP " + ModernEra.VERSION, null));
            };
        } catch (McpError e) {
            int code = e.getJsonRpcError().code() == McpSchema.ErrorCodes.RESOURCE_NOT_FOUND ? ModernEra.INVALID_PARAMS
                    : e.getJsonRpcError().code(); // -32002 is gone in this revision (resource not found is -32602)
            return Reply.ok(ModernEra.error(id, code, e.getMessage(), null));
        } catch (RuntimeException e) {
            LOG.error("{} failed", method, e);
            return Reply.ok(ModernEra.error(id, ModernEra.INTERNAL_ERROR, method + " failed unexpectedly: " + e
                    + ". The server log has the details.", null));
        }
    }

    /**
     * The error answer (400) to a request whose {@code _meta} lacks the protocol version or the client's capabilities,
     * or names a version this server does not speak; null when it is in order. Checked before anything is answered,
     * so a {@code subscriptions/listen} over HTTP is refused before its stream would begin.
     */
    Reply refusal(JsonNode request) {
        JsonNode id = request.get("id");
        JsonNode meta = request.path("params").path("_meta");
        JsonNode version = meta.get(ModernEra.META_VERSION);
        if (version == null || !version.isTextual()) {
            return new Reply(400, ModernEra.error(id, ModernEra.INVALID_PARAMS, "Invalid params: _meta must carry \""
                    + ModernEra.META_VERSION + "\" (this server speaks " + ModernEra.VERSION + ")", null));
        }
        if (!ModernEra.VERSION.equals(version.asText())) {
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            ArrayNode supported = data.putArray("supported");
            ModernEra.SUPPORTED.forEach(supported::add);
            data.set("requested", version);
            return new Reply(400, ModernEra.error(id, ModernEra.UNSUPPORTED_VERSION, "Unsupported protocol version",
                    data));
        }
        JsonNode capabilities = meta.get(ModernEra.META_CAPABILITIES);
        if (capabilities == null || !capabilities.isObject()) {
            return new Reply(400, ModernEra.error(id, ModernEra.INVALID_PARAMS, "Invalid params: _meta must carry \""
                    + ModernEra.META_CAPABILITIES + "\" (an object; {} when the client offers none)", null));
        }
        return null;
    }

    private ObjectNode discover() {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode versions = result.putArray("supportedVersions");
        ModernEra.SUPPORTED.forEach(versions::add);
        ObjectNode caps = result.putObject("capabilities");
        caps.putObject("tools");
        caps.putObject("resources").put("subscribe", true).put("listChanged", true);
        if (!features.prompts().isEmpty()) {
            caps.putObject("prompts");
        }
        caps.putObject("completions");
        result.put("instructions", features.instructions());
        return result;
    }

    private <T> ObjectNode list(String field, List<T> specs, Function<T, Object> item) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode items = result.putArray(field);
        specs.forEach(s -> items.add(mapper.convertValue(item.apply(s), ObjectNode.class)));
        return result;
    }

    private Reply callTool(JsonNode id, JsonNode params, JsonNode capabilities, Consumer<ObjectNode> requestStream) {
        String name = params.path("name").asText();
        Optional<McpServerFeatures.SyncToolSpecification> tool = features.tools().stream()
                .filter(t -> t.tool().name().equals(name)).findFirst();
        if (tool.isEmpty()) {
            return Reply.ok(ModernEra.error(id, ModernEra.INVALID_PARAMS, WireMapper.unknownTool(name), null));
        }
        JsonNode arguments = params.path("arguments");
        JsonNode answers = null;
        JsonNode state = params.get("requestState");
        if (state != null) {
            if (!state.isTextual() || !states.verify(state.asText(), name, arguments)) {
                return Reply.ok(ModernEra.error(id, ModernEra.INVALID_PARAMS, "Invalid params: requestState is not "
                        + "one this server gave for these arguments, or is older than "
                        + RequestState.LIFETIME.toMinutes() + " minutes; call " + name
                        + " again without requestState and inputResponses", null));
            }
            answers = params.get("inputResponses");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> args = arguments.isObject() ? mapper.convertValue(arguments, Map.class) : null;
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = mapper.convertValue(params.path("_meta"), Map.class);
        McpSchema.CallToolRequest request = McpSchema.CallToolRequest.builder().name(name).arguments(args).meta(meta)
                .build();
        McpSchema.CallToolResult result;
        try {
            result = tool.get().callHandler().apply(exchange(capabilities, params, answers, requestStream), request);
        } catch (ModernSession.InputRequired needed) {
            return Reply.ok(ModernEra.result(id, inputRequired(needed, name, arguments)));
        }
        if (!Boolean.TRUE.equals(result.isError()) && tool.get().tool().outputSchema() != null
                && result.structuredContent() != null) {
            var check = outputs.validate(tool.get().tool().outputSchema(), result.structuredContent());
            if (!check.valid()) {
                result = McpSchema.CallToolResult.builder().addTextContent(check.errorMessage()).isError(true).build();
            }
        }
        return complete(id, mapper.convertValue(result, ObjectNode.class), null);
    }

    private ObjectNode inputRequired(ModernSession.InputRequired needed, String tool, JsonNode arguments) {
        ObjectNode elicit = mapper.convertValue(needed.params, ObjectNode.class);
        elicit.remove("_meta");
        if (!elicit.has("mode")) {
            elicit.put("mode", "form");
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode().put("resultType", "input_required");
        ObjectNode request = result.putObject("inputRequests").putObject(ModernSession.CONFIRM);
        request.put("method", needed.method);
        request.set("params", elicit);
        result.put("requestState", states.mint(tool, arguments));
        return result;
    }

    private Reply readResource(JsonNode id, JsonNode params, JsonNode capabilities) {
        String uri = params.path("uri").asText();
        McpSchema.ReadResourceRequest request = new McpSchema.ReadResourceRequest(uri);
        McpSyncServerExchange exchange = exchange(capabilities, params, null, n -> { });
        for (McpServerFeatures.SyncResourceSpecification r : features.resources().get()) {
            if (r.resource().uri().equals(uri)) {
                return complete(id, mapper.convertValue(r.readHandler().apply(exchange, request), ObjectNode.class),
                        0L);
            }
        }
        for (McpServerFeatures.SyncResourceTemplateSpecification t : features.resourceTemplates()) {
            if (uri.matches(t.resourceTemplate().uriTemplate().replaceAll("\\{[^}]+}", "[^/]+"))) {
                return complete(id, mapper.convertValue(t.readHandler().apply(exchange, request), ObjectNode.class),
                        0L);
            }
        }
        return Reply.ok(ModernEra.error(id, ModernEra.INVALID_PARAMS, "Resource not found: " + uri
                + "; resources/list and resources/templates/list name what this server has", null));
    }

    private Reply getPrompt(JsonNode id, JsonNode params, JsonNode capabilities) {
        String name = params.path("name").asText();
        for (McpServerFeatures.SyncPromptSpecification p : features.prompts()) {
            if (p.prompt().name().equals(name)) {
                Map<String, Object> args = new java.util.LinkedHashMap<>();
                params.path("arguments").fields().forEachRemaining(e -> args.put(e.getKey(), e.getValue().asText()));
                for (McpSchema.PromptArgument a : p.prompt().arguments()) {
                    if (Boolean.TRUE.equals(a.required()) && !args.containsKey(a.name())) {
                        return Reply.ok(ModernEra.error(id, ModernEra.INVALID_PARAMS, "Invalid params: prompt " + name
                                + " needs argument \"" + a.name() + "\"", null));
                    }
                }
                McpSchema.GetPromptResult result = p.promptHandler().apply(exchange(capabilities, params, null,
                        n -> { }), new McpSchema.GetPromptRequest(name, args));
                return complete(id, mapper.convertValue(result, ObjectNode.class), null);
            }
        }
        return Reply.ok(ModernEra.error(id, ModernEra.INVALID_PARAMS, "Invalid params: unknown prompt \"" + name
                + "\"; prompts/list names the prompts this server has", null));
    }

    private ObjectNode complete(JsonNode params) {
        JsonNode ref = params.path("ref");
        String key = "ref/resource".equals(ref.path("type").asText()) ? ref.path("uri").asText()
                : ref.path("name").asText();
        McpServerFeatures.SyncCompletionSpecification spec = features.completions().stream()
                .filter(c -> c.referenceKey().type().equals(ref.path("type").asText())
                        && c.referenceKey().identifier().equals(key))
                .findFirst()
                .orElseThrow(() -> McpError.builder(ModernEra.INVALID_PARAMS).message("Invalid params: nothing to "
                        + "complete for " + ref.path("type").asText() + " " + key).build());
        Map<String, String> context = new java.util.LinkedHashMap<>();
        params.path("context").path("arguments").fields()
                .forEachRemaining(e -> context.put(e.getKey(), e.getValue().asText()));
        McpSchema.CompleteRequest request = new McpSchema.CompleteRequest(spec.referenceKey(),
                new McpSchema.CompleteRequest.CompleteArgument(params.path("argument").path("name").asText(),
                        params.path("argument").path("value").asText("")),
                new McpSchema.CompleteRequest.CompleteContext(context));
        return mapper.convertValue(spec.completionHandler().apply(null, request), ObjectNode.class);
    }

    /** The SDK's exchange over a {@link ModernSession}, so the handlers run unchanged. */
    private McpSyncServerExchange exchange(JsonNode capabilities, JsonNode params, JsonNode answers,
                                           Consumer<ObjectNode> requestStream) {
        McpSchema.ClientCapabilities caps = mapper.convertValue(capabilities, McpSchema.ClientCapabilities.class);
        JsonNode elicitation = capabilities.get("elicitation");
        if (elicitation != null && elicitation.has("url") && !elicitation.has("form")) {
            // Only URL mode: the confirmation is a form, so this client cannot answer it.
            caps = new McpSchema.ClientCapabilities(caps.experimental(), caps.roots(), caps.sampling(), null);
        }
        McpSchema.Implementation client = params.path("_meta").has(ModernEra.META_CLIENT)
                ? mapper.convertValue(params.path("_meta").get(ModernEra.META_CLIENT), McpSchema.Implementation.class)
                : null;
        return new McpSyncServerExchange(new McpAsyncServerExchange(null, new ModernSession(mapper, answers,
                requestStream), caps, client, NegotiatedVersion.context(ModernEra.VERSION)));
    }

    /** A complete result: resultType, the server's identity and, where given, cache hints. */
    private Reply complete(JsonNode id, ObjectNode result, Long ttlMs) {
        result.put("resultType", "complete");
        ObjectNode meta = result.has("_meta") ? (ObjectNode) result.get("_meta") : result.putObject("_meta");
        meta.set(ModernEra.META_SERVER, mapper.convertValue(features.serverInfo(), ObjectNode.class));
        if (ttlMs != null) {
            result.put("ttlMs", ttlMs);
            result.put("cacheScope", "private"); // served behind a token or to one local client
        }
        return Reply.ok(ModernEra.result(id, result));
    }
}

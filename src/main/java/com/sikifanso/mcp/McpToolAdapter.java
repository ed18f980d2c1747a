package com.sikifanso.mcp;

import com.sikifanso.agui.journal.OperationRun;
import com.sikifanso.core.AccessErrors;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.ops.ArgumentBinder;
import com.sikifanso.ops.ConsentRefusal;
import com.sikifanso.ops.DryRun;
import com.sikifanso.ops.InvalidArguments;
import com.sikifanso.ops.Invocations;
import com.sikifanso.ops.JsonSchemas;
import com.sikifanso.ops.Operation;
import com.sikifanso.ops.OperationContext;
import com.sikifanso.ops.Plan;
import com.sikifanso.ops.PlanText;
import com.sikifanso.ops.StructuredResults;
import com.sikifanso.ops.Surface;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Presents one operation as an MCP tool: schemas, annotations, argument checks, consent, results. */
final class McpToolAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(McpToolAdapter.class);
    private final Operation<?, ?> operation;
    private final McpOptions options;
    private final OperationContext context;
    private final ToolHints hints;

    McpToolAdapter(Operation<?, ?> operation, McpOptions options, OperationContext context, ToolHints hints) {
        this.operation = operation;
        this.options = options;
        this.context = context;
        this.hints = hints;
    }

    McpServerFeatures.SyncToolSpecification specification() {
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(operation.name())
                .title(ToolTitles.of(operation.name()))
                .description(operation.description())
                .inputSchema(new McpSchema.JsonSchema("object", inputProperties(), required(), false, null, null))
                .outputSchema(OutputSchemaOutline.of(JsonSchemas.output(operation.output())))
                .annotations(annotations(operation.safety()))
                .build();
        return McpServerFeatures.SyncToolSpecification.builder().tool(tool).callHandler(this::call).build();
    }

    /**
     * The hints, leaving out what reads the same whether a client applies the specification's defaults or takes a
     * missing hint as false: a false readOnlyHint or idempotentHint, and the write hints of a read-only tool. A false
     * openWorldHint and destructiveHint of a writing tool stay, as their defaults are true. The title is given once,
     * at the top (2025-06-18 on); older clients show the name.
     */
    static McpSchema.ToolAnnotations annotations(com.sikifanso.ops.Safety safety) {
        boolean read = safety.readOnly();
        return new McpSchema.ToolAnnotations(null, read ? Boolean.TRUE : null, read ? null : safety.destructive(),
                !read && safety.idempotent() ? Boolean.TRUE : null, safety.openWorld(), null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> inputProperties() {
        Map<String, Object> properties = new LinkedHashMap<>(
                (Map<String, Object>) JsonSchemas.toolInput(operation).get("properties"));
        pinned().forEach((name, value) -> properties.remove(name));
        return properties;
    }

    @SuppressWarnings("unchecked")
    private List<String> required() {
        List<String> required = new ArrayList<>(
                (List<String>) JsonSchemas.input(operation.input()).getOrDefault("required", List.of()));
        required.removeAll(pinned().keySet());
        return required;
    }

    /** Arguments this server fixes: the pinned cluster, and the agent a scoped server serves. */
    private Map<String, String> pinned() {
        Map<String, String> pinned = new LinkedHashMap<>();
        if (options.pinnedCluster() != null && hasComponent("cluster")) {
            pinned.put("cluster", options.pinnedCluster());
        }
        if (options.agent() != null && hasComponent("name")) {
            pinned.put("name", options.agent());
        }
        if (options.agent() != null && hasComponent("namespace")) {
            // An agent-scoped server sees its own sandbox namespace and nothing else.
            pinned.put("namespace", com.sikifanso.agents.AgentSandbox.namespace(options.agent()));
        }
        return pinned;
    }

    private boolean hasComponent(String name) {
        for (var c : operation.input().getRecordComponents()) {
            if (c.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private McpSchema.CallToolResult call(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        Object input;
        Map<String, Object> arguments;
        boolean dryRun;
        try {
            arguments = pinnedArguments(request);
            dryRun = DryRun.offeredBy(operation) && DryRun.take(arguments);
            input = ArgumentBinder.bind(operation.input(), arguments);
        } catch (InvalidArguments e) {
            String message = operation.name() + ": " + e.getMessage();
            if (NegotiatedVersion.inputErrorsAreToolErrors(NegotiatedVersion.of(exchange))) {
                return error(message);
            }
            throw invalid(message);
        }
        // A dry run changes nothing, so it needs no consent.
        Optional<String> refusal = dryRun ? Optional.empty() : consent(exchange, input);
        if (refusal.isPresent()) {
            return error(refusal.get());
        }
        try {
            if (dryRun) {
                Plan plan = context.services().invocations().planUntyped(operation, input, caller(progressOf(exchange,
                        request)));
                return success(PlanText.render(plan, hints.style()), StructuredResults.of(plan, hints));
            }
            Object output = invoke(input, progressOf(exchange, request));
            return success(operation.render(output, hints.style()), StructuredResults.of(output, hints));
        } catch (RuntimeException e) {
            SikifansoException s = AccessErrors.explain(e).orElse(e instanceof SikifansoException x ? x : null);
            if (s != null) {
                LOG.info("tool {} failed: {}", operation.name(), e.getMessage(), e);
                return error(hints.error(s));
            }
            LOG.error("tool {} failed", operation.name(), e);
            return error(operation.name() + " failed unexpectedly: " + e + ". The server log has the details.");
        }
    }

    /** The call's arguments with this server's pins put in; another value for a pinned one is refused. */
    private Map<String, Object> pinnedArguments(McpSchema.CallToolRequest request) {
        Map<String, Object> args = new LinkedHashMap<>(request.arguments() == null ? Map.of() : request.arguments());
        for (var pin : pinned().entrySet()) {
            Object given = args.remove(pin.getKey());
            if (given != null && !given.equals(pin.getValue())) {
                throw new InvalidArguments("this server only serves " + pin.getKey() + " \"" + pin.getValue() + "\"");
            }
            args.put(pin.getKey(), pin.getValue());
        }
        return args;
    }

    private Object invoke(Object input, java.util.function.Consumer<String> progress) {
        return context.services().invocations().invokeUntyped(operation, input, caller(progress));
    }

    private Invocations.Caller caller(java.util.function.Consumer<String> progress) {
        return Invocations.Caller.program(Surface.mcp, progress)
                .as(options.agent() == null ? null : OperationRun.Caller.agent(options.agent()));
    }

    private static McpSchema.CallToolResult success(String text, Map<String, Object> structured) {
        return McpSchema.CallToolResult.builder().addTextContent(text).structuredContent(structured).isError(false)
                .build();
    }

    /**
     * Where the call's progress goes, as the lines its run's step and activity events render to: to the client as
     * notifications when it sent a progress token, and always to the log; commands in them are tools.
     */
    private java.util.function.Consumer<String> progressOf(McpSyncServerExchange exchange,
                                                           McpSchema.CallToolRequest request) {
        Object token = request.meta() == null ? null : request.meta().get("progressToken");
        if (token == null) {
            return com.sikifanso.core.HintedLines.of(context.progress(), hints);
        }
        java.util.concurrent.atomic.AtomicInteger step = new java.util.concurrent.atomic.AtomicInteger();
        // A note naming a command reads as the tool to call, in the notification and in the log alike.
        return com.sikifanso.core.HintedLines.of(message -> {
            context.progress().accept(message);
            exchange.progressNotification(new McpSchema.ProgressNotification(token, step.incrementAndGet(), null,
                    message.strip()));
        }, hints);
    }

    /** Empty when the call may go ahead; otherwise why not. */
    private Optional<String> consent(McpSyncServerExchange exchange, Object input) {
        Optional<String> question = operation.confirmationFor(input);
        if (question.isEmpty()) {
            return Optional.empty();
        }
        McpSchema.ClientCapabilities caps = exchange.getClientCapabilities();
        if (caps != null && caps.elicitation() != null) {
            McpSchema.ElicitResult answer = exchange.createElicitation(McpSchema.ElicitRequest.builder()
                    .message(question.get())
                    .requestedSchema(Map.of("type", "object",
                            "properties", Map.of("confirm", Map.of("type", "boolean",
                                    "title", "Confirm", "description", "true to go ahead")),
                            "required", List.of("confirm")))
                    .build());
            boolean yes = answer.action() == McpSchema.ElicitResult.Action.ACCEPT && answer.content() != null
                    && Boolean.TRUE.equals(answer.content().get("confirm"));
            return yes ? Optional.empty() : Optional.of(operation.name() + " was not confirmed by the user; "
                    + "nothing was changed.");
        }
        if (options.allowDestructive()) {
            return Optional.empty();
        }
        return Optional.of(ConsentRefusal.of(operation, "this client cannot ask for it (no elicitation support)",
                "Run it from the sikifanso CLI, or restart the server with --allow-destructive."));
    }

    private static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    private static McpError invalid(String message) {
        return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(message).build();
    }
}

package com.sikifanso.agui.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.AguiRun;
import com.sikifanso.agui.RunAgentInput;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One operation invocation as an AG-UI run in a cluster's journal: {@code RUN_STARTED} (threadId = the cluster, the
 * surface and caller in {@code input.forwardedProps}), the operation as a tool call with its input as arguments,
 * then, while it runs, whatever steps, activities and state its code reports through {@link #run()}, and at the
 * end {@code TOOL_CALL_RESULT} with its structured output and {@code RUN_FINISHED}, or {@code RUN_ERROR}. Everything
 * passes the journal's redactor.
 */
public final class OperationRun {
    private final AguiRun run;
    private final AguiRun.ToolCall call;
    private final String operation;
    private final long startNanos = System.nanoTime();

    /**
     * Who called an operation, from where.
     *
     * @param caller who called through the surface (null when unknown): {@link #agent(String)} for an agent
     */
    public record Caller(String surface, String caller) {
        private static final String AGENT = "agent:";

        /** How the journal names an agent that called (through {@code mcp serve --agent NAME}). */
        public static String agent(String name) {
            return AGENT + name;
        }
    }

    private OperationRun(AguiRun run, AguiRun.ToolCall call, String operation) {
        this.run = run;
        this.call = call;
        this.operation = operation;
    }

    /** Starts the run in {@code journal} for {@code cluster} with a new run id. */
    public static OperationRun start(ActivityJournal journal, String cluster, Caller caller, String operation,
                                     JsonNode input) {
        String runId = UUID.randomUUID().toString();
        return start(journal.sink(runId), runId, cluster, caller, operation, input);
    }

    /** Starts the run with {@code runId}, sending its events to {@code sink} (a journal's, a renderer's, or both). */
    public static OperationRun start(java.util.function.Consumer<com.sikifanso.agui.AguiEvent> sink, String runId,
                                     String cluster, Caller caller, String operation, JsonNode input) {
        ObjectNode props = AguiJson.MAPPER.createObjectNode().put("surface", caller.surface())
                .put("operation", operation);
        if (caller.caller() != null) {
            props.put("caller", caller.caller());
        }
        RunAgentInput runInput = new RunAgentInput(cluster, runId, null, null, List.of(), List.of(), List.of(), props);
        AguiRun run = AguiRun.start(cluster, runId, runInput, sink);
        AguiRun.ToolCall call = run.toolCall(operation).args(AguiJson.MAPPER.valueToTree(input).toString()).end();
        return new OperationRun(run, call, operation);
    }

    /** Records an invocation that has already ended, all at once (for a listener told afterwards). */
    public static String record(ActivityJournal journal, String cluster, Caller caller, String operation,
                                JsonNode input, Optional<JsonNode> output, Optional<String> error,
                                Duration duration, Optional<String> commit) {
        return record(journal, cluster, caller, operation, input, output, error, duration, commit, null);
    }

    /** As above, under the run id the caller chose ({@code null}: a new one). */
    public static String record(ActivityJournal journal, String cluster, Caller caller, String operation,
                                JsonNode input, Optional<JsonNode> output, Optional<String> error,
                                Duration duration, Optional<String> commit, String chosenRunId) {
        // The whole run is known: one append under one lock, rather than one per event on a command's exit path.
        String runId = chosenRunId != null ? chosenRunId : UUID.randomUUID().toString();
        List<com.sikifanso.agui.AguiEvent> events = new java.util.ArrayList<>();
        OperationRun r = start(events::add, runId, cluster, caller, operation, input);
        if (error.isPresent()) {
            r.failed(error.get(), null);
        } else {
            r.succeeded(output.orElse(null), commit, duration);
        }
        journal.append(runId, events);
        return r.run.runId();
    }

    /** The run, for the operation's steps ({@code run().step(...)}), activities and state while it runs. */
    public AguiRun run() {
        return run;
    }

    public String runId() {
        return run.runId();
    }

    public void succeeded(JsonNode output, Optional<String> commit) {
        succeeded(output, commit, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private void succeeded(JsonNode output, Optional<String> commit, Duration duration) {
        call.result(output == null ? "null" : output.toString());
        ObjectNode result = AguiJson.MAPPER.createObjectNode().put("operation", operation)
                .put("durationMs", duration.toMillis());
        commit.ifPresent(c -> result.put("commit", c));
        run.finish(result, null);
    }

    /** Ends the run with {@code RUN_ERROR}: the failure's message (with its fix) and an optional code. */
    public void failed(String message, String code) {
        run.error(message, code);
    }
}

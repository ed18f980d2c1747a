package com.sikifanso.agui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.agui.AguiEvent.Role;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One AG-UI run, whose events can only be produced in an order {@code @ag-ui/client}'s {@code verifyEvents} accepts.
 * By construction: a run exists only once {@code RUN_STARTED} was sent; each START returns a handle that alone can
 * send the matching END, with the same id; state and activity deltas are JSON Patches computed against what was
 * last sent. What types cannot prevent (an END sent twice, an event after {@code RUN_FINISHED}, finishing with
 * something still open) throws {@link IllegalStateException} naming the rule. Safe to use from several threads.
 */
public final class AguiRun {
    private final String threadId;
    private final String runId;
    private final Consumer<AguiEvent> sink;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Map<String, String> open = new LinkedHashMap<>();
    private JsonNode state;
    private EventType ended;

    /** The run after its last event: it can send nothing more. */
    public record Ended(String threadId, String runId, EventType by) {
    }

    private AguiRun(String threadId, String runId, Consumer<AguiEvent> sink, Clock clock, Supplier<String> ids) {
        this.threadId = threadId;
        this.runId = runId;
        this.sink = sink;
        this.clock = clock;
        this.ids = ids;
    }

    /** Sends {@code RUN_STARTED} to {@code sink}; timestamps from the system clock, ids random UUIDs. */
    public static AguiRun start(String threadId, String runId, RunAgentInput input, Consumer<AguiEvent> sink) {
        return start(threadId, runId, input, sink, Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    public static AguiRun start(String threadId, String runId, RunAgentInput input, Consumer<AguiEvent> sink,
                                Clock clock, Supplier<String> ids) {
        if (threadId == null || threadId.isBlank() || runId == null || runId.isBlank()) {
            throw new IllegalArgumentException("an AG-UI run needs a threadId and a runId");
        }
        if (input != null && (!threadId.equals(input.threadId()) || !runId.equals(input.runId()))) {
            throw new IllegalArgumentException("RUN_STARTED.input must carry the run's own threadId and runId ("
                    + threadId + ", " + runId + "), not (" + input.threadId() + ", " + input.runId() + ")");
        }
        AguiRun run = new AguiRun(threadId, runId, sink, clock, ids);
        run.emit(new AguiEvent.RunStarted(threadId, runId, null, null, input, null));
        return run;
    }

    public String threadId() {
        return threadId;
    }

    public String runId() {
        return runId;
    }

    // ---- steps, messages, tool calls, reasoning, subagents: START here, END on the handle

    public synchronized Step step(String stepName) {
        String key = "step " + stepName;
        if (open.containsKey(key)) {
            throw rule("step '" + stepName + "' is already active; finish it before starting another of that name");
        }
        emit(new AguiEvent.StepStarted(stepName, null));
        return new Step(stepName, key);
    }

    public synchronized TextMessage message(Role role) {
        String id = ids.get();
        emit(new AguiEvent.TextMessageStart(id, role, null, null));
        return new TextMessage(id);
    }

    public ToolCall toolCall(String toolCallName) {
        return toolCall(toolCallName, null);
    }

    public ToolCall toolCall(String toolCallName, String parentMessageId) {
        return toolCall(toolCallName, parentMessageId, ids.get());
    }

    /** A tool call under the id its producer gave it (a model's tool_use id), so both sides name it alike. */
    public synchronized ToolCall toolCall(String toolCallName, String parentMessageId, String id) {
        emit(new AguiEvent.ToolCallStart(id, toolCallName, parentMessageId, null));
        return new ToolCall(id, toolCallName);
    }

    public synchronized Reasoning reasoning() {
        String id = ids.get();
        emit(new AguiEvent.ReasoningStart(id, null));
        return new Reasoning(id);
    }

    public synchronized Subagent subagent(String name, String description) {
        String id = ids.get();
        emit(new AguiEvent.SubagentStarted(id, name, description, null, null, null, null));
        return new Subagent(id, name);
    }

    // ---- chunk streams: the client expands them into START/CONTENT/END and closes them itself

    /** {@code TEXT_MESSAGE_CHUNK}s; every chunk names the message and its role, so any of them can reopen it. */
    public Chunks textChunks(Role role) {
        String id = ids.get();
        return new Chunks(delta -> new AguiEvent.TextMessageChunk(id, role, delta, null, null));
    }

    /** {@code TOOL_CALL_CHUNK}s; every chunk carries the id and name that a first chunk needs. */
    public Chunks toolCallChunks(String toolCallName) {
        String id = ids.get();
        return new Chunks(delta -> new AguiEvent.ToolCallChunk(id, toolCallName, null, delta, null));
    }

    public Chunks reasoningChunks() {
        String id = ids.get();
        return new Chunks(delta -> new AguiEvent.ReasoningMessageChunk(id, delta, null));
    }

    // ---- state, activity, snapshots, raw and custom events

    /** Sends the state: a snapshot the first time, afterwards the JSON Patch from the last state sent (none if equal). */
    public synchronized void state(JsonNode newState) {
        if (state == null) {
            stateSnapshot(newState);
            return;
        }
        ArrayNode delta = JsonPatches.diff(state, newState);
        if (!delta.isEmpty()) {
            emit(new AguiEvent.StateDelta(delta, null));
            state = newState.deepCopy();
        }
    }

    /** Sends the whole state, to start or to resynchronise a consumer; later deltas are computed against it. */
    public synchronized void stateSnapshot(JsonNode snapshot) {
        emit(new AguiEvent.StateSnapshot(snapshot.deepCopy(), null));
        state = snapshot.deepCopy();
    }

    public synchronized Activity activity(String activityType, ObjectNode content) {
        String id = ids.get();
        emit(new AguiEvent.ActivitySnapshot(id, activityType, content.deepCopy(), null, null));
        return new Activity(id, activityType, content.deepCopy());
    }

    public synchronized void messagesSnapshot(List<Message> messages) {
        emit(new AguiEvent.MessagesSnapshot(List.copyOf(messages), null));
    }

    public synchronized void raw(JsonNode event, String source) {
        emit(new AguiEvent.Raw(event, source, null));
    }

    public synchronized void custom(String name, JsonNode value) {
        emit(new AguiEvent.Custom(name, value, null));
    }

    // ---- the end

    public Ended finish() {
        return finish(null, null);
    }

    /** Sends {@code RUN_FINISHED}; refused while any step, message, tool call, reasoning or subagent is open. */
    public Ended finish(JsonNode result, RunOutcome outcome) {
        return finish(result, outcome, null);
    }

    /** As {@link #finish(JsonNode, RunOutcome)}, reporting the tokens the run used ({@code usage}, may be null). */
    public synchronized Ended finish(JsonNode result, RunOutcome outcome, List<TokenUsage> usage) {
        requireRunning(EventType.RUN_FINISHED);
        if (!open.isEmpty()) {
            throw rule("every START needs its END before RUN_FINISHED; still open: " + String.join(", ", open.values()));
        }
        emit(new AguiEvent.RunFinished(threadId, runId, result == null || result.isNull() ? null : result, outcome,
                usage == null || usage.isEmpty() ? null : List.copyOf(usage), null));
        ended = EventType.RUN_FINISHED;
        return new Ended(threadId, runId, ended);
    }

    /** Sends {@code RUN_ERROR}, allowed at any point; whatever was open stays unfinished and can send nothing more. */
    public synchronized Ended error(String message, String code) {
        emit(new AguiEvent.RunError(message, code, null));
        ended = EventType.RUN_ERROR;
        open.clear();
        return new Ended(threadId, runId, ended);
    }

    public synchronized boolean ended() {
        return ended != null;
    }

    private void emit(AguiEvent event) {
        requireRunning(event.eventType());
        sink.accept(event.at(clock.millis()));
    }

    private void requireRunning(EventType type) {
        if (ended != null) {
            throw rule("nothing may follow " + ended + " (run " + runId + "): cannot send " + type);
        }
    }

    private static IllegalStateException rule(String rule) {
        return new IllegalStateException("AG-UI rule: " + rule);
    }

    /** Something opened by a START event and closed by its END event, sent only through its handle. */
    private abstract class Span {
        final String id;
        private final String key;
        private final String description;
        private boolean closed;

        Span(String id, String key, String description) {
            this.id = id;
            this.key = key;
            this.description = description;
            open.put(key, description);
        }

        /** Sends an event that belongs inside the span. */
        void within(AguiEvent event) {
            synchronized (AguiRun.this) {
                requireSpanOpen(event.eventType());
                emit(event);
            }
        }

        void close(AguiEvent end) {
            synchronized (AguiRun.this) {
                requireSpanOpen(end.eventType());
                emit(end);
                closed = true;
                open.remove(key);
            }
        }

        boolean isOpen() {
            synchronized (AguiRun.this) {
                return !closed && ended == null;
            }
        }

        private void requireSpanOpen(EventType type) {
            requireRunning(type);
            if (closed) {
                throw rule(type + " must come before the end of " + description + ", which has ended");
            }
        }
    }

    /** A named step; ends with {@code STEP_FINISHED} by {@link #finish()} or by try-with-resources. */
    public final class Step extends Span implements AutoCloseable {
        private final String stepName;

        private Step(String stepName, String key) {
            super(stepName, key, "step '" + stepName + "'");
            this.stepName = stepName;
        }

        public void finish() {
            close(new AguiEvent.StepFinished(stepName, null));
        }

        /** Finishes the step unless it or the run has already ended. */
        @Override
        public void close() {
            synchronized (AguiRun.this) {
                if (isOpen()) {
                    finish();
                }
            }
        }
    }

    public final class TextMessage extends Span {
        private TextMessage(String id) {
            super(id, "message " + id, "text message " + id);
        }

        public String messageId() {
            return id;
        }

        public TextMessage content(String delta) {
            within(new AguiEvent.TextMessageContent(id, delta, null));
            return this;
        }

        public void end() {
            close(new AguiEvent.TextMessageEnd(id, null));
        }
    }

    /** A tool call: arguments, then {@code TOOL_CALL_END}, then at most one {@code TOOL_CALL_RESULT}. */
    public final class ToolCall extends Span {
        private boolean resulted;

        private ToolCall(String id, String name) {
            super(id, "tool call " + id, "tool call '" + name + "' (" + id + ")");
        }

        public String toolCallId() {
            return id;
        }

        public ToolCall args(String delta) {
            within(new AguiEvent.ToolCallArgs(id, delta, null));
            return this;
        }

        public ToolCall end() {
            close(new AguiEvent.ToolCallEnd(id, null));
            return this;
        }

        public ToolCall encryptedReasoning(String encryptedValue) {
            synchronized (AguiRun.this) {
                emit(new AguiEvent.ReasoningEncryptedValue("tool-call", id, encryptedValue, null));
            }
            return this;
        }

        /** What the tool returned, as a new tool message; only after {@code TOOL_CALL_END}, and once. */
        public void result(String content) {
            synchronized (AguiRun.this) {
                if (isOpen()) {
                    throw rule("TOOL_CALL_RESULT of tool call " + id + " must follow its TOOL_CALL_END");
                }
                if (resulted) {
                    throw rule("tool call " + id + " already has its TOOL_CALL_RESULT");
                }
                emit(new AguiEvent.ToolCallResult(ids.get(), id, content, "tool", null));
                resulted = true;
            }
        }
    }

    /** A span of reasoning ({@code REASONING_START} to {@code REASONING_END}) holding reasoning messages. */
    public final class Reasoning extends Span {
        private Reasoning(String id) {
            super(id, "reasoning " + id, "reasoning span " + id);
        }

        public ReasoningMessage message() {
            synchronized (AguiRun.this) {
                String messageId = ids.get();
                within(new AguiEvent.ReasoningMessageStart(messageId, "reasoning", null));
                return new ReasoningMessage(messageId);
            }
        }

        public void end() {
            close(new AguiEvent.ReasoningEnd(id, null));
        }
    }

    public final class ReasoningMessage extends Span {
        private ReasoningMessage(String id) {
            super(id, "reasoning message " + id, "reasoning message " + id);
        }

        public ReasoningMessage content(String delta) {
            within(new AguiEvent.ReasoningMessageContent(id, delta, null));
            return this;
        }

        public ReasoningMessage encryptedValue(String encryptedValue) {
            synchronized (AguiRun.this) {
                emit(new AguiEvent.ReasoningEncryptedValue("message", id, encryptedValue, null));
            }
            return this;
        }

        public void end() {
            close(new AguiEvent.ReasoningMessageEnd(id, null));
        }
    }

    /** A subagent invocation: ends with {@code SUBAGENT_FINISHED} or {@code SUBAGENT_ERROR}. */
    public final class Subagent extends Span {
        private Subagent(String id, String name) {
            super(id, "subagent " + id, "subagent '" + name + "' (" + id + ")");
        }

        public String subagentRunId() {
            return id;
        }

        public void finish(JsonNode result) {
            close(new AguiEvent.SubagentFinished(id, result, new SubagentOutcome.Success(), null));
        }

        public void suspend(List<String> interruptIds) {
            close(new AguiEvent.SubagentFinished(id, null, new SubagentOutcome.Suspended(interruptIds), null));
        }

        public void fail(String message, String code) {
            close(new AguiEvent.SubagentError(id, message, code, null));
        }
    }

    /** Structured progress: a snapshot, then JSON Patches from the content last sent. Needs no end. */
    public final class Activity {
        private final String messageId;
        private final String activityType;
        private ObjectNode content;

        private Activity(String messageId, String activityType, ObjectNode content) {
            this.messageId = messageId;
            this.activityType = activityType;
            this.content = content;
        }

        public String messageId() {
            return messageId;
        }

        /** Sends the change from the content last sent as {@code ACTIVITY_DELTA}; nothing when equal. */
        public void update(ObjectNode newContent) {
            synchronized (AguiRun.this) {
                ArrayNode patch = JsonPatches.diff(content, newContent);
                if (!patch.isEmpty()) {
                    emit(new AguiEvent.ActivityDelta(messageId, activityType, patch, null));
                    content = newContent.deepCopy();
                }
            }
        }

        /** Sends the whole content again, replacing what the consumer holds. */
        public void replace(ObjectNode newContent) {
            synchronized (AguiRun.this) {
                emit(new AguiEvent.ActivitySnapshot(messageId, activityType, newContent.deepCopy(), true, null));
                content = newContent.deepCopy();
            }
        }
    }

    /** A message, tool call or reasoning sent as chunk events, one per {@link #delta}; the client expands them. */
    public final class Chunks {
        private final Function<String, AguiEvent> chunk;

        private Chunks(Function<String, AguiEvent> chunk) {
            this.chunk = chunk;
        }

        public Chunks delta(String delta) {
            synchronized (AguiRun.this) {
                emit(chunk.apply(delta));
            }
            return this;
        }
    }
}

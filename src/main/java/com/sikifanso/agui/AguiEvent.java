package com.sikifanso.agui;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Every AG-UI event of {@code @ag-ui/core} 1.0.0 ({@code EventSchemas} in {@code dist/schemas.mjs}), one record each,
 * with the schema's field names; {@code null} means an optional field is absent and is not written.
 * {@code timestamp} is epoch milliseconds, an integer as the schema has it. Not modelled: the optional
 * {@code rawEvent}, {@code metadata} and the {@code subagentRunId} attribution tag of non-subagent events.
 * Build streams with {@link AguiRun}, which keeps them in a legal order.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(AguiEvent.TextMessageStart.class), @JsonSubTypes.Type(AguiEvent.TextMessageContent.class),
    @JsonSubTypes.Type(AguiEvent.TextMessageEnd.class), @JsonSubTypes.Type(AguiEvent.TextMessageChunk.class),
    @JsonSubTypes.Type(AguiEvent.ToolCallStart.class), @JsonSubTypes.Type(AguiEvent.ToolCallArgs.class),
    @JsonSubTypes.Type(AguiEvent.ToolCallEnd.class), @JsonSubTypes.Type(AguiEvent.ToolCallChunk.class),
    @JsonSubTypes.Type(AguiEvent.ToolCallResult.class), @JsonSubTypes.Type(AguiEvent.StateSnapshot.class),
    @JsonSubTypes.Type(AguiEvent.StateDelta.class), @JsonSubTypes.Type(AguiEvent.MessagesSnapshot.class),
    @JsonSubTypes.Type(AguiEvent.ActivitySnapshot.class), @JsonSubTypes.Type(AguiEvent.ActivityDelta.class),
    @JsonSubTypes.Type(AguiEvent.Raw.class), @JsonSubTypes.Type(AguiEvent.Custom.class),
    @JsonSubTypes.Type(AguiEvent.RunStarted.class), @JsonSubTypes.Type(AguiEvent.RunFinished.class),
    @JsonSubTypes.Type(AguiEvent.RunError.class), @JsonSubTypes.Type(AguiEvent.StepStarted.class),
    @JsonSubTypes.Type(AguiEvent.StepFinished.class), @JsonSubTypes.Type(AguiEvent.ReasoningStart.class),
    @JsonSubTypes.Type(AguiEvent.ReasoningMessageStart.class),
    @JsonSubTypes.Type(AguiEvent.ReasoningMessageContent.class),
    @JsonSubTypes.Type(AguiEvent.ReasoningMessageEnd.class), @JsonSubTypes.Type(AguiEvent.ReasoningMessageChunk.class),
    @JsonSubTypes.Type(AguiEvent.ReasoningEnd.class), @JsonSubTypes.Type(AguiEvent.ReasoningEncryptedValue.class),
    @JsonSubTypes.Type(AguiEvent.SubagentStarted.class), @JsonSubTypes.Type(AguiEvent.SubagentFinished.class),
    @JsonSubTypes.Type(AguiEvent.SubagentError.class)})
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public sealed interface AguiEvent {

    /** Epoch milliseconds, or null when unstamped. */
    Long timestamp();

    /** The same event stamped at {@code epochMillis}. */
    AguiEvent at(long epochMillis);

    @JsonIgnore
    default EventType eventType() {
        return EventType.valueOf(getClass().getAnnotation(JsonTypeName.class).value());
    }

    /** The roles a streamed text message may take ({@code TextMessageRoleSchema}). */
    enum Role {
        developer, system, assistant, user
    }

    @JsonTypeName("TEXT_MESSAGE_START")
    record TextMessageStart(String messageId, Role role, String name, Long timestamp) implements AguiEvent {
        public TextMessageStart at(long t) {
            return new TextMessageStart(messageId, role, name, t);
        }
    }

    @JsonTypeName("TEXT_MESSAGE_CONTENT")
    record TextMessageContent(String messageId, String delta, Long timestamp) implements AguiEvent {
        public TextMessageContent at(long t) {
            return new TextMessageContent(messageId, delta, t);
        }
    }

    @JsonTypeName("TEXT_MESSAGE_END")
    record TextMessageEnd(String messageId, Long timestamp) implements AguiEvent {
        public TextMessageEnd at(long t) {
            return new TextMessageEnd(messageId, t);
        }
    }

    /** Start, content and end in one for producers that cannot tell where a message begins; every field optional. */
    @JsonTypeName("TEXT_MESSAGE_CHUNK")
    record TextMessageChunk(String messageId, Role role, String delta, String name, Long timestamp)
            implements AguiEvent {
        public TextMessageChunk at(long t) {
            return new TextMessageChunk(messageId, role, delta, name, t);
        }
    }

    @JsonTypeName("TOOL_CALL_START")
    record ToolCallStart(String toolCallId, String toolCallName, String parentMessageId, Long timestamp)
            implements AguiEvent {
        public ToolCallStart at(long t) {
            return new ToolCallStart(toolCallId, toolCallName, parentMessageId, t);
        }
    }

    @JsonTypeName("TOOL_CALL_ARGS")
    record ToolCallArgs(String toolCallId, String delta, Long timestamp) implements AguiEvent {
        public ToolCallArgs at(long t) {
            return new ToolCallArgs(toolCallId, delta, t);
        }
    }

    @JsonTypeName("TOOL_CALL_END")
    record ToolCallEnd(String toolCallId, Long timestamp) implements AguiEvent {
        public ToolCallEnd at(long t) {
            return new ToolCallEnd(toolCallId, t);
        }
    }

    @JsonTypeName("TOOL_CALL_CHUNK")
    record ToolCallChunk(String toolCallId, String toolCallName, String parentMessageId, String delta,
                         Long timestamp) implements AguiEvent {
        public ToolCallChunk at(long t) {
            return new ToolCallChunk(toolCallId, toolCallName, parentMessageId, delta, t);
        }
    }

    /** What a tool returned, as text (the schema also allows content parts, not used here). */
    @JsonTypeName("TOOL_CALL_RESULT")
    record ToolCallResult(String messageId, String toolCallId, String content, String role, Long timestamp)
            implements AguiEvent {
        public ToolCallResult {
            if (role != null && !role.equals("tool")) {
                throw new IllegalArgumentException("TOOL_CALL_RESULT role must be \"tool\" or absent, not " + role);
            }
        }

        public ToolCallResult at(long t) {
            return new ToolCallResult(messageId, toolCallId, content, role, t);
        }
    }

    @JsonTypeName("STATE_SNAPSHOT")
    record StateSnapshot(JsonNode snapshot, Long timestamp) implements AguiEvent {
        public StateSnapshot at(long t) {
            return new StateSnapshot(snapshot, t);
        }
    }

    /** An RFC 6902 JSON Patch against the state the consumer holds. */
    @JsonTypeName("STATE_DELTA")
    record StateDelta(ArrayNode delta, Long timestamp) implements AguiEvent {
        public StateDelta at(long t) {
            return new StateDelta(delta, t);
        }
    }

    @JsonTypeName("MESSAGES_SNAPSHOT")
    record MessagesSnapshot(List<Message> messages, Long timestamp) implements AguiEvent {
        public MessagesSnapshot at(long t) {
            return new MessagesSnapshot(messages, t);
        }
    }

    /** Structured progress (not conversation): {@code content} is a JSON object. */
    @JsonTypeName("ACTIVITY_SNAPSHOT")
    record ActivitySnapshot(String messageId, String activityType, ObjectNode content, Boolean replace,
                            Long timestamp) implements AguiEvent {
        public ActivitySnapshot at(long t) {
            return new ActivitySnapshot(messageId, activityType, content, replace, t);
        }
    }

    @JsonTypeName("ACTIVITY_DELTA")
    record ActivityDelta(String messageId, String activityType, ArrayNode patch, Long timestamp)
            implements AguiEvent {
        public ActivityDelta at(long t) {
            return new ActivityDelta(messageId, activityType, patch, t);
        }
    }

    @JsonTypeName("RAW")
    record Raw(JsonNode event, String source, Long timestamp) implements AguiEvent {
        public Raw at(long t) {
            return new Raw(event, source, t);
        }
    }

    @JsonTypeName("CUSTOM")
    record Custom(String name, JsonNode value, Long timestamp) implements AguiEvent {
        public Custom at(long t) {
            return new Custom(name, value, t);
        }
    }

    @JsonTypeName("RUN_STARTED")
    record RunStarted(String threadId, String runId, String protocolVersion, String parentRunId,
                      RunAgentInput input, Long timestamp) implements AguiEvent {
        public RunStarted at(long t) {
            return new RunStarted(threadId, runId, protocolVersion, parentRunId, input, t);
        }
    }

    @JsonTypeName("RUN_FINISHED")
    record RunFinished(String threadId, String runId, JsonNode result, RunOutcome outcome, List<TokenUsage> usage,
                       Long timestamp) implements AguiEvent {
        public RunFinished at(long t) {
            return new RunFinished(threadId, runId, result, outcome, usage, t);
        }
    }

    @JsonTypeName("RUN_ERROR")
    record RunError(String message, String code, Long timestamp) implements AguiEvent {
        public RunError at(long t) {
            return new RunError(message, code, t);
        }
    }

    @JsonTypeName("STEP_STARTED")
    record StepStarted(String stepName, Long timestamp) implements AguiEvent {
        public StepStarted at(long t) {
            return new StepStarted(stepName, t);
        }
    }

    @JsonTypeName("STEP_FINISHED")
    record StepFinished(String stepName, Long timestamp) implements AguiEvent {
        public StepFinished at(long t) {
            return new StepFinished(stepName, t);
        }
    }

    @JsonTypeName("REASONING_START")
    record ReasoningStart(String messageId, Long timestamp) implements AguiEvent {
        public ReasoningStart at(long t) {
            return new ReasoningStart(messageId, t);
        }
    }

    @JsonTypeName("REASONING_MESSAGE_START")
    record ReasoningMessageStart(String messageId, String role, Long timestamp) implements AguiEvent {
        public ReasoningMessageStart {
            if (!"reasoning".equals(role)) {
                throw new IllegalArgumentException("REASONING_MESSAGE_START role must be \"reasoning\", not " + role);
            }
        }

        public ReasoningMessageStart at(long t) {
            return new ReasoningMessageStart(messageId, role, t);
        }
    }

    @JsonTypeName("REASONING_MESSAGE_CONTENT")
    record ReasoningMessageContent(String messageId, String delta, Long timestamp) implements AguiEvent {
        public ReasoningMessageContent at(long t) {
            return new ReasoningMessageContent(messageId, delta, t);
        }
    }

    @JsonTypeName("REASONING_MESSAGE_END")
    record ReasoningMessageEnd(String messageId, Long timestamp) implements AguiEvent {
        public ReasoningMessageEnd at(long t) {
            return new ReasoningMessageEnd(messageId, t);
        }
    }

    @JsonTypeName("REASONING_MESSAGE_CHUNK")
    record ReasoningMessageChunk(String messageId, String delta, Long timestamp) implements AguiEvent {
        public ReasoningMessageChunk at(long t) {
            return new ReasoningMessageChunk(messageId, delta, t);
        }
    }

    @JsonTypeName("REASONING_END")
    record ReasoningEnd(String messageId, Long timestamp) implements AguiEvent {
        public ReasoningEnd at(long t) {
            return new ReasoningEnd(messageId, t);
        }
    }

    /** A provider's opaque reasoning artefact; {@code subtype} is {@code "message"} or {@code "tool-call"}. */
    @JsonTypeName("REASONING_ENCRYPTED_VALUE")
    record ReasoningEncryptedValue(String subtype, String entityId, String encryptedValue, Long timestamp)
            implements AguiEvent {
        public ReasoningEncryptedValue {
            if (!"message".equals(subtype) && !"tool-call".equals(subtype)) {
                throw new IllegalArgumentException("REASONING_ENCRYPTED_VALUE subtype must be \"message\" or"
                        + " \"tool-call\", not " + subtype);
            }
        }

        public ReasoningEncryptedValue at(long t) {
            return new ReasoningEncryptedValue(subtype, entityId, encryptedValue, t);
        }
    }

    @JsonTypeName("SUBAGENT_STARTED")
    record SubagentStarted(String subagentRunId, String name, String description, String parentSubagentRunId,
                           String parentToolCallId, String parentMessageId, Long timestamp) implements AguiEvent {
        public SubagentStarted at(long t) {
            return new SubagentStarted(subagentRunId, name, description, parentSubagentRunId, parentToolCallId,
                    parentMessageId, t);
        }
    }

    @JsonTypeName("SUBAGENT_FINISHED")
    record SubagentFinished(String subagentRunId, JsonNode result, SubagentOutcome outcome, Long timestamp)
            implements AguiEvent {
        public SubagentFinished at(long t) {
            return new SubagentFinished(subagentRunId, result, outcome, t);
        }
    }

    @JsonTypeName("SUBAGENT_ERROR")
    record SubagentError(String subagentRunId, String message, String code, Long timestamp) implements AguiEvent {
        public SubagentError at(long t) {
            return new SubagentError(subagentRunId, message, code, t);
        }
    }
}

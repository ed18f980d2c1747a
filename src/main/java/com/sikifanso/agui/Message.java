package com.sikifanso.agui;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A message of a conversation ({@code MessageSchema}), discriminated by {@code role}; text content only. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "role")
@JsonSubTypes({@JsonSubTypes.Type(Message.Developer.class), @JsonSubTypes.Type(Message.System.class),
    @JsonSubTypes.Type(Message.Assistant.class), @JsonSubTypes.Type(Message.User.class),
    @JsonSubTypes.Type(Message.Tool.class), @JsonSubTypes.Type(Message.Activity.class),
    @JsonSubTypes.Type(Message.Reasoning.class)})
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public sealed interface Message {
    String id();

    @JsonTypeName("developer")
    record Developer(String id, String content, String name) implements Message {
    }

    @JsonTypeName("system")
    record System(String id, String content, String name) implements Message {
    }

    @JsonTypeName("assistant")
    record Assistant(String id, String content, String name, List<ToolCall> toolCalls) implements Message {
    }

    @JsonTypeName("user")
    record User(String id, String content, String name) implements Message {
    }

    @JsonTypeName("tool")
    record Tool(String id, String content, String toolCallId, String error) implements Message {
    }

    @JsonTypeName("activity")
    record Activity(String id, String activityType, ObjectNode content) implements Message {
    }

    @JsonTypeName("reasoning")
    record Reasoning(String id, String content) implements Message {
    }

    /** A call an assistant message made; {@code arguments} is the JSON text of its arguments. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record ToolCall(String id, String type, Function function) {
        public ToolCall(String id, Function function) {
            this(id, "function", function);
        }

        public record Function(String name, String arguments) {
        }
    }
}

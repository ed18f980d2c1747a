package com.sikifanso.agui;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A request to run an agent ({@code RunAgentInputSchema}); echoed in {@code RUN_STARTED.input}. The activity
 * journal puts who called (surface, caller) in {@code forwardedProps}.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record RunAgentInput(String threadId, String runId, String parentRunId, JsonNode state,
                            List<Message> messages, List<Tool> tools, List<Context> context, JsonNode forwardedProps) {
    public RunAgentInput {
        messages = messages == null ? List.of() : List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        context = context == null ? List.of() : List.copyOf(context);
    }

    /** A tool the agent may call; {@code parameters} is its JSON Schema. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Tool(String name, String description, JsonNode parameters) {
    }

    public record Context(String description, String value) {
    }
}

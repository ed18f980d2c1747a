package com.sikifanso.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.RunAgentInput;
import java.io.IOException;

/**
 * A {@code POST /api/agui/run} body for the AI operator: an AG-UI {@code RunAgentInput} whose last message is the
 * user's (a new question) or a tool message (the client's answer to the operator's approval call), rather than an
 * assistant message calling one operation ({@link OperationCall}).
 */
final class OperatorConversation {
    private OperatorConversation() {
    }

    static boolean isConversation(byte[] body) {
        try {
            JsonNode messages = AguiJson.MAPPER.readTree(body).path("messages");
            if (!messages.isArray() || messages.isEmpty()) {
                return false;
            }
            String role = messages.get(messages.size() - 1).path("role").asText();
            return role.equals("user") || role.equals("tool");
        } catch (IOException | RuntimeException e) {
            return false;    // OperationCall.parse says what is wrong with it
        }
    }

    static RunAgentInput parse(byte[] body) {
        JsonNode json;
        RunAgentInput input;
        try {
            json = AguiJson.MAPPER.readTree(body);
            input = AguiJson.MAPPER.treeToValue(json, RunAgentInput.class);
        } catch (IOException | IllegalArgumentException e) {
            throw OperationCall.bad("the messages are not AG-UI messages with text content (" + e.getMessage()
                    .lines().findFirst().orElse("") + ")");
        }
        String threadId = json.path("threadId").asText("");
        if (threadId.isBlank()) {
            throw OperationCall.bad("threadId is missing");
        }
        String runId = OperationCall.runId(json.get("runId"));
        return new RunAgentInput(threadId, runId, input.parentRunId(), input.state(), input.messages(), input.tools(),
                input.context(), input.forwardedProps());
    }
}

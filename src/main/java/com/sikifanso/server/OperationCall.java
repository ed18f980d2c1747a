package com.sikifanso.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.http.PlainResponses;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What {@code POST /api/agui/run} accepts: an AG-UI {@code RunAgentInput} whose last message is an assistant message
 * with exactly one tool call, {@code function.name} an operation and {@code function.arguments} the JSON text of its
 * arguments object. {@code runId}, when given, becomes the run's id in the journal and the stream;
 * {@code forwardedProps.confirm: true} is the user's consent to an operation that asks for it. {@code threadId},
 * {@code state}, {@code tools}, {@code context} and earlier messages are not used: the thread is the cluster.
 */
record OperationCall(String runId, String operation, Map<String, Object> arguments, boolean confirmed) {
    static final String SHAPE = "expected an AG-UI RunAgentInput whose last message is {\"role\":\"assistant\","
            + "\"toolCalls\":[{\"id\":\"call-1\",\"type\":\"function\",\"function\":{\"name\":\"OPERATION\","
            + "\"arguments\":\"{...JSON object...}\"}}]}, optionally with forwardedProps {\"confirm\":true}";
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    static OperationCall parse(byte[] body) {
        JsonNode input;
        try {
            input = AguiJson.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw bad("the body is not JSON");
        }
        if (input == null || !input.isObject()) {
            throw bad("the body is not a JSON object");
        }
        JsonNode call = lastToolCall(input.path("messages"));
        JsonNode name = call.at("/function/name");
        if (!name.isTextual() || name.asText().isBlank()) {
            throw bad("the tool call has no function.name");
        }
        return new OperationCall(runId(input.get("runId")), name.asText(), arguments(call.at("/function/arguments")),
                confirmed(input.get("forwardedProps")));
    }

    private static JsonNode lastToolCall(JsonNode messages) {
        if (!messages.isArray() || messages.isEmpty()) {
            throw bad("messages is missing or empty");
        }
        JsonNode last = messages.get(messages.size() - 1);
        if (!"assistant".equals(last.path("role").asText())) {
            throw bad("the last message's role is " + PlainResponses.printable(last.path("role").asText())
                    + ", not \"assistant\"");
        }
        JsonNode calls = last.path("toolCalls");
        if (!calls.isArray() || calls.size() != 1) {
            throw bad("the last message must carry exactly one tool call, not "
                    + (calls.isArray() ? calls.size() : 0));
        }
        return calls.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> arguments(JsonNode text) {
        if (!text.isTextual()) {
            throw bad("function.arguments must be the JSON text of an object (a string)");
        }
        if (text.asText().isBlank()) {
            return Map.of();
        }
        try {
            JsonNode args = AguiJson.MAPPER.readTree(text.asText());
            if (args instanceof ObjectNode) {
                return AguiJson.MAPPER.convertValue(args, Map.class);
            }
        } catch (JsonProcessingException e) {
            // refused below
        }
        throw bad("function.arguments is not the JSON text of an object");
    }

    static String runId(JsonNode runId) {
        if (runId == null || runId.isNull()) {
            return UUID.randomUUID().toString();
        }
        if (!runId.isTextual() || !RUN_ID.matcher(runId.asText()).matches()) {
            throw bad("runId must be 1 to 128 letters, digits or . _ : -");
        }
        return runId.asText();
    }

    private static boolean confirmed(JsonNode props) {
        if (props == null || props.isNull()) {
            return false;
        }
        JsonNode confirm = props.path("confirm");
        if (!props.isObject() || !(confirm.isMissingNode() || confirm.isBoolean())) {
            throw bad("forwardedProps must be an object, and its confirm true or false");
        }
        return confirm.asBoolean(false);
    }

    static Refusal bad(String problem) {
        return Refusal.badRequest("malformed run: " + problem + "; " + SHAPE);
    }
}

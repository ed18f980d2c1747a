package com.sikifanso.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.Mappers;

/**
 * Checks a line from an MCP client before the SDK sees it, and words JSON-RPC's own errors for what
 * the SDK would drop or answer with an internal class name: not JSON (-32700), not one message
 * object (-32600; batches are not part of MCP since 2025-06-18), params not an object (-32602).
 */
final class JsonRpcScreen {
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;

    /** What to do with a line: pass it on, answer with an error, or drop it (a bad notification). */
    sealed interface Verdict {
        record Pass(String line) implements Verdict {
        }

        record Answer(ObjectNode error) implements Verdict {
        }

        record Drop(String why) implements Verdict {
        }
    }

    private JsonRpcScreen() {
    }

    static Verdict oversized(int limit) {
        return new Verdict.Answer(error(NullNode.getInstance(), INVALID_REQUEST,
                "Invalid Request: message larger than " + (limit / (1024 * 1024)) + " MiB"));
    }

    static ObjectNode invalidRequest(String message) {
        return error(NullNode.getInstance(), INVALID_REQUEST, message);
    }

    static Verdict screen(String line) {
        JsonNode message;
        try {
            message = Mappers.JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return new Verdict.Answer(error(NullNode.getInstance(), PARSE_ERROR, "Parse error: not valid JSON"));
        }
        if (message.isArray()) {
            return new Verdict.Answer(error(NullNode.getInstance(), INVALID_REQUEST,
                    "Invalid Request: batches are only part of MCP 2025-03-26; send one message object per line"));
        }
        if (!message.isObject()) {
            return new Verdict.Answer(error(NullNode.getInstance(), INVALID_REQUEST,
                    "Invalid Request: a message must be a JSON object"));
        }
        JsonNode id = message.get("id");
        boolean validId = id != null && (id.isTextual() || id.isIntegralNumber());
        JsonNode answerId = validId ? id : NullNode.getInstance();
        if (!"2.0".equals(message.path("jsonrpc").asText(null))
                || (id != null && !validId)
                || (!message.hasNonNull("method") && !message.has("result") && !message.has("error"))) {
            return new Verdict.Answer(error(answerId, INVALID_REQUEST,
                    "Invalid Request: expected a JSON-RPC 2.0 request, notification or response"));
        }
        JsonNode params = message.get("params");
        if (message.hasNonNull("method") && params != null && !params.isObject()) {
            String why = "Invalid params: params must be a JSON object";
            return validId ? new Verdict.Answer(error(id, INVALID_PARAMS, why)) : new Verdict.Drop(why);
        }
        return new Verdict.Pass(line);
    }

    static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("jsonrpc", "2.0");
        response.set("id", id);
        response.putObject("error").put("code", code).put("message", message);
        return response;
    }
}

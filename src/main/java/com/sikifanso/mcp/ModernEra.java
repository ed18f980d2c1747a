package com.sikifanso.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * The stateless revision (2026-07-28; schema/2026-07-28/schema.ts of the specification repository): no
 * initialize, every request names its protocol version and client capabilities in {@code _meta}. A dual-era
 * server tells the eras apart per request: a request carrying a version in {@code _meta} that is not one of the
 * initialize-era revisions, or a method only the new era has, is modern.
 */
final class ModernEra {
    static final String VERSION = "2026-07-28";
    static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
    static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    static final String META_CLIENT = "io.modelcontextprotocol/clientInfo";
    static final String META_SERVER = "io.modelcontextprotocol/serverInfo";
    static final String META_SUBSCRIPTION = "io.modelcontextprotocol/subscriptionId";

    /** Revisions served through initialize, newest first. */
    static final List<String> LEGACY = List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");
    /** Every revision this server speaks, for server/discover and -32022. */
    static final List<String> SUPPORTED = List.of(VERSION, "2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");

    static final int HEADER_MISMATCH = -32020;
    static final int MISSING_CLIENT_CAPABILITY = -32021;
    static final int UNSUPPORTED_VERSION = -32022;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;

    private static final Set<String> MODERN_ONLY = Set.of("server/discover", "subscriptions/listen");

    private ModernEra() {
    }

    /** Whether a message object is a request (or notification) of the modern era. */
    static boolean isModern(JsonNode message) {
        if (!message.isObject() || !message.hasNonNull("method")) {
            return false;
        }
        if (MODERN_ONLY.contains(message.get("method").asText())) {
            return true;
        }
        JsonNode version = message.path("params").path("_meta").get(META_VERSION);
        return version != null && !LEGACY.contains(version.asText());
    }

    static ObjectNode error(JsonNode id, int code, String message, JsonNode data) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("jsonrpc", "2.0");
        if (id != null) {
            response.set("id", id);
        }
        ObjectNode error = response.putObject("error").put("code", code).put("message", message);
        if (data != null) {
            error.set("data", data);
        }
        return response;
    }

    static ObjectNode result(JsonNode id, ObjectNode result) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("jsonrpc", "2.0");
        response.set("id", id);
        response.set("result", result);
        return response;
    }

    static ObjectNode notification(String method, ObjectNode params) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("jsonrpc", "2.0");
        message.put("method", method);
        message.set("params", params);
        return message;
    }
}

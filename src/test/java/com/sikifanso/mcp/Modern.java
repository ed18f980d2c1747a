package com.sikifanso.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** 2026-07-28 requests as a modern client writes them: version and capabilities in every request's _meta. */
final class Modern {
    static final String VERSION = "2026-07-28";

    private Modern() {
    }

    /** A request with {@code params} (an object, may be empty) and the _meta of {@code version}. */
    static ObjectNode request(Object id, String method, ObjectNode params, String version, String capabilities)
            throws Exception {
        ObjectNode request = RawStdio.JSON.createObjectNode().put("jsonrpc", "2.0");
        request.set("id", RawStdio.JSON.valueToTree(id));
        request.put("method", method);
        ObjectNode meta = params.putObject("_meta");
        if (version != null) {
            meta.put("io.modelcontextprotocol/protocolVersion", version);
        }
        if (capabilities != null) {
            meta.set("io.modelcontextprotocol/clientCapabilities", RawStdio.JSON.readTree(capabilities));
        }
        meta.putObject("io.modelcontextprotocol/clientInfo").put("name", "raw").put("version", "1");
        request.set("params", params);
        return request;
    }

    static ObjectNode request(Object id, String method, String paramsJson, String capabilities) throws Exception {
        return request(id, method, (ObjectNode) RawStdio.JSON.readTree(paramsJson), VERSION, capabilities);
    }

    static ObjectNode request(Object id, String method, String paramsJson) throws Exception {
        return request(id, method, paramsJson, "{}");
    }
}

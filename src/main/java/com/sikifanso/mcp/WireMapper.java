package com.sikifanso.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;

/**
 * The JSON mapper both transports write with, correcting what the SDK (1.1.5) sends badly: its unknown-tool
 * error says "Unknown tool: invalid_tool_name" whatever the name, and keeps the real one in {@code data},
 * where clients rarely look. The message here names the tool and where to find the ones offered.
 */
final class WireMapper implements McpJsonMapper {
    private static final String SDK_UNKNOWN_TOOL = "Unknown tool: invalid_tool_name";
    private static final String SDK_NOT_FOUND = "Tool not found: ";

    private final McpJsonMapper delegate;

    WireMapper(McpJsonMapper delegate) {
        this.delegate = delegate;
    }

    static Object corrected(Object value) {
        if (value instanceof McpSchema.JSONRPCResponse r && r.error() != null
                && SDK_UNKNOWN_TOOL.equals(r.error().message())
                && r.error().data() instanceof String data && data.startsWith(SDK_NOT_FOUND)) {
            String name = data.substring(SDK_NOT_FOUND.length());
            return new McpSchema.JSONRPCResponse(r.jsonrpc(), r.id(), null, new McpSchema.JSONRPCResponse.JSONRPCError(
                    r.error().code(), unknownTool(name), null));
        }
        return value;
    }

    /** What a call of a tool this server does not offer is told, in either era. */
    static String unknownTool(String name) {
        return "Unknown tool \"" + name + "\": this server does not offer it; tools/list names"
                + " the tools it does (a --read-only, --toolsets or --agent server offers fewer)";
    }

    @Override
    public String writeValueAsString(Object value) throws IOException {
        return delegate.writeValueAsString(corrected(value));
    }

    @Override
    public byte[] writeValueAsBytes(Object value) throws IOException {
        return delegate.writeValueAsBytes(corrected(value));
    }

    @Override
    public <T> T readValue(String content, Class<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, Class<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(String content, TypeRef<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T convertValue(Object from, Class<T> type) {
        return delegate.convertValue(from, type);
    }

    @Override
    public <T> T convertValue(Object from, TypeRef<T> type) {
        return delegate.convertValue(from, type);
    }
}

package com.sikifanso.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.util.Map;

/**
 * The protocol revision a request is served under, which the SDK's exchange does not tell. The transports
 * put it in the transport context: stdio the version its initialize answer carried, HTTP the
 * {@code MCP-Protocol-Version} header (absent means 2025-03-26, as the 2025-06-18 transport spec says).
 */
final class NegotiatedVersion {
    static final String KEY = "sikifanso.protocolVersion";

    private NegotiatedVersion() {
    }

    static McpTransportContext context(String version) {
        return McpTransportContext.create(Map.of(KEY, version));
    }

    static String of(McpSyncServerExchange exchange) {
        Object version = exchange.transportContext() == null ? null : exchange.transportContext().get(KEY);
        return version instanceof String s ? s : ProtocolVersions.MCP_2025_03_26;
    }

    /** SEP-1303: from 2025-11-25 a known tool's bad input is a tool error the model can read and correct. */
    static boolean inputErrorsAreToolErrors(String version) {
        return version.compareTo(ProtocolVersions.MCP_2025_11_25) >= 0;
    }

    /** Only 2025-03-26 has JSON-RPC batches; 2025-06-18 removed them again. */
    static boolean hasBatches(String version) {
        return ProtocolVersions.MCP_2025_03_26.equals(version);
    }
}

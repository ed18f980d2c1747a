package com.sikifanso.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sikifanso.core.Mappers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Client configuration snippets that start this binary's MCP server. */
public final class ClientConfigs {
    /** MCP clients we know how to configure. */
    public enum Client {
        claude_code("claude-code"), claude_desktop("claude-desktop"), cursor("cursor"), vscode("vscode");

        private final String label;

        Client(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private ClientConfigs() {
    }

    public static String snippet(Client client, String binary, String cluster) {
        List<String> args = new ArrayList<>(List.of("mcp", "serve"));
        if (cluster != null) {
            args.addAll(List.of("-c", cluster));
        }
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("command", binary);
        server.put("args", args);
        return switch (client) {
            case claude_code -> "claude mcp add sikifanso -- " + binary + " " + String.join(" ", args);
            case claude_desktop, cursor -> json(Map.of("mcpServers", Map.of("sikifanso", server)));
            case vscode -> {
                Map<String, Object> typed = new LinkedHashMap<>(Map.of("type", "stdio"));
                typed.putAll(server);
                yield json(Map.of("servers", Map.of("sikifanso", typed)));
            }
        };
    }

    private static String json(Object value) {
        try {
            return Mappers.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.sikifanso.mcp;

import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Client configuration snippets that start this binary's MCP server. GUI and IDE clients start servers
 * without the user's shell environment, so the stdio forms carry the absolute launcher, state directory
 * and kubeconfig in use; the HTTP forms carry the bearer token. Formats: Claude Code's
 * {@code claude mcp add NAME [-e K=V] -- CMD} (the name first: {@code -e} takes every word up to the next option,
 * so Claude Code 2.1 read a name after it as one more variable and refused the line) and {@code --transport http NAME URL --header},
 * {@code mcpServers} (Claude Desktop, Cursor: {@code command/args/env} or {@code url/headers}) and
 * VS Code's {@code .vscode/mcp.json} {@code servers} with {@code type} stdio or http.
 */
public final class ClientConfigs {
    static final String NAME = "sikifanso";

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

    /** What a stdio client must start: the launcher, the pinned cluster (or null) and the environment it needs. */
    public record Stdio(String launcher, String cluster, Path home, Path kubeconfig) {
        List<String> args() {
            List<String> args = new ArrayList<>(List.of("mcp", "serve"));
            if (cluster != null) {
                args.addAll(List.of("-c", cluster));
            }
            return args;
        }

        Map<String, String> env() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SIKIFANSO_HOME", home.toAbsolutePath().toString());
            env.put("KUBECONFIG", kubeconfig.toAbsolutePath().toString());
            return env;
        }
    }

    /** Printed beside every config: a smaller tools/list costs the model fewer tokens on every turn. */
    public static final String NARROWING_HINT = "to offer the model fewer tools, add --read-only or --toolsets"
            + " catalog,agents (any of cluster,catalog,agents,argocd,kube,doctor,snapshot) after mcp serve";

    private ClientConfigs() {
    }

    public static String snippet(Client client, Stdio stdio) {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("command", stdio.launcher());
        server.put("args", stdio.args());
        server.put("env", stdio.env());
        return switch (client) {
            case claude_code -> {
                StringBuilder line = new StringBuilder("claude mcp add ").append(NAME);
                stdio.env().forEach((k, v) -> line.append(" -e ").append(shellQuote(k + "=" + v)));
                line.append(" -- ").append(shellQuote(stdio.launcher()));
                stdio.args().forEach(a -> line.append(' ').append(shellQuote(a)));
                yield line.toString();
            }
            case claude_desktop, cursor -> json(Map.of("mcpServers", Map.of(NAME, server)));
            case vscode -> json(Map.of("servers", Map.of(NAME, typed("stdio", server))));
        };
    }

    /** The Streamable HTTP form for a server started with {@code mcp serve --http}, sending {@code token}. */
    public static String httpSnippet(Client client, String url, String token) {
        String authorization = "Bearer " + token;
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("url", url);
        server.put("headers", Map.of("Authorization", authorization));
        return switch (client) {
            case claude_code -> "claude mcp add --transport http " + NAME + " " + shellQuote(url)
                    + " --header " + shellQuote("Authorization: " + authorization);
            case cursor -> json(Map.of("mcpServers", Map.of(NAME, server)));
            case vscode -> json(Map.of("servers", Map.of(NAME, typed("http", server))));
            case claude_desktop -> throw SikifansoException.usage(
                    "claude-desktop's config file cannot send an Authorization header to an HTTP server",
                    "use the stdio form: ", Suggestion.of("mcp", "config").arg("client", "claude-desktop"));
        };
    }

    private static Map<String, Object> typed(String type, Map<String, Object> server) {
        Map<String, Object> typed = new LinkedHashMap<>(Map.of("type", type));
        typed.putAll(server);
        return typed;
    }

    /** Single quotes where the shell would otherwise split or expand the word. */
    static String shellQuote(String word) {
        return word.matches("[A-Za-z0-9_./:=@%+,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static String json(Object value) {
        try {
            return Mappers.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

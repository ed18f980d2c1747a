package com.sikifanso.mcp;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sikifanso.NodePackages;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The official MCP TypeScript SDK client ({@code src/test/node/mcp-scenarios.mjs}) driving a
 * {@code sikifanso mcp serve} it spawns over stdio. Installs the npm packages with {@code npm ci}
 * on first use; skips (loudly) when this machine has no Node.js — CI installs it ({@link NodePackages}).
 */
final class NodeMcpClient {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path DIR = Path.of(System.getProperty("basedir", ""), "src", "test", "node").toAbsolutePath();
    private static final Path SCRIPT = DIR.resolve("mcp-scenarios.mjs");
    private static final NodePackages PACKAGES = new NodePackages("the MCP client tests", DIR,
            List.of("node", "npm"), List.of("node_modules/@modelcontextprotocol/sdk", "node_modules/ajv-formats"),
            List.of("npm", "ci", "--no-audit", "--no-fund"), "Install Node.js 18+ and npm (Debian: apt-get install nodejs npm)");

    private NodeMcpClient() {
    }

    /** Skips the calling test unless node and the npm packages are there (running npm ci once if needed). */
    static void assumeAvailable() {
        PACKAGES.assumeAvailable();
    }

    /**
     * Runs one scenario of the Node client against {@code mcp serve FLAGS} serving {@code home}, and
     * returns the JSON object it printed. Fails the test if the client itself could not run it.
     */
    static JsonNode run(Path home, String scenario, Map<String, ?> params, String... flags) {
        List<String> server = new ArrayList<>(List.of("--"));
        server.addAll(ServerCommand.mcpServe(flags));
        return run(home, scenario, params, server);
    }

    /** Runs a scenario that talks to a server already running (over HTTP); it spawns none. */
    static JsonNode runAgainstRunningServer(Path home, String scenario, Map<String, ?> params) {
        return run(home, scenario, params, List.of());
    }

    private static JsonNode run(Path home, String scenario, Map<String, ?> params, List<String> server) {
        assumeAvailable();
        List<String> command = new ArrayList<>(List.of("node", SCRIPT.toString(), scenario, json(params)));
        command.addAll(server);
        Result r = run(command, DIR, Map.of("SIKIFANSO_HOME", home.toString()), 90);
        JsonNode out;
        try {
            out = JSON.readTree(r.stdout());
        } catch (IOException e) {
            throw new AssertionError("the MCP client printed no JSON (exit " + r.exitCode() + "):\n" + r.stdout()
                    + "\n--- stderr\n" + r.stderr(), e);
        }
        if (out == null || !out.path("ok").asBoolean()) {
            fail("MCP client scenario " + scenario + " failed: " + (out == null ? "no output" : out.toPrettyString())
                    + "\n--- client stderr\n" + r.stderr());
        }
        return out;
    }

    /** One result of the scenario's {@code calls}, by position. */
    static JsonNode call(JsonNode out, int index) {
        return out.path("calls").path(index);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    static Result run(List<String> command, Path dir, Map<String, String> env, int timeoutSeconds) {
        try {
            Path out = Files.createTempFile("mcp-client-out", ".txt");
            Path err = Files.createTempFile("mcp-client-err", ".txt");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                ServerCommand.clean(pb.environment());
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    throw new AssertionError(String.join(" ", command.subList(0, 3)) + " did not finish within "
                            + timeoutSeconds + " s:\n" + Files.readString(out) + Files.readString(err));
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}

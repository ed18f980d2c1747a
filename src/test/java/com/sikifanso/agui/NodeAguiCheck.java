package com.sikifanso.agui;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.NodePackages;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/node/agui-check.mjs}: the official {@code @ag-ui/core} schemas and {@code @ag-ui/client}
 * operators judge events and SSE text the Java side made; and {@code agui-agent.mjs}, an AG-UI agent written with
 * {@code @ag-ui/encoder}. Runs {@code npm ci} there when the packages are missing; skips loudly without Node.js
 * (CI installs it in .ci/run).
 */
public final class NodeAguiCheck {
    static final Path DIR = Path.of(System.getProperty("basedir", ""), "src", "test", "node").toAbsolutePath();
    private static final NodePackages PACKAGES = new NodePackages("the AG-UI official-package checks", DIR,
            List.of("node", "npm"), List.of("node_modules/@ag-ui/client", "node_modules/@ag-ui/encoder",
                    "node_modules/playwright-core"), List.of("npm", "ci", "--no-audit", "--no-fund"),
            "Install Node.js 20+ and npm (Debian: apt-get install nodejs npm)");

    private final ObjectNode input = AguiJson.MAPPER.createObjectNode();

    /** Adds a stream of events to check, under {@code name}. */
    public NodeAguiCheck stream(String name, List<AguiEvent> events) {
        ArrayNode json = AguiJson.MAPPER.createArrayNode();
        events.forEach(e -> json.add(AguiJson.tree(e)));
        input.withArray("streams").addObject().put("name", name).set("events", json);
        return this;
    }

    /** Adds SSE text whose frames carry the ids {@code ids}, in order. */
    NodeAguiCheck sse(String name, String text, List<Long> ids) {
        ObjectNode item = input.withArray("sse").addObject().put("name", name).put("text", text);
        ids.forEach(item.putArray("ids")::add);
        return this;
    }

    /**
     * Adds a run of {@code @ag-ui/client}'s HttpAgent against {@code url} (bearer {@code token}) with the conversation
     * {@code messages} (an AG-UI message array) and {@code forwardedProps}; its result is {@code runs[i]}: the events
     * the agent's subscriber saw, their schema and order checks, the agent's messages after, or the error it threw.
     */
    public NodeAguiCheck httpAgent(String name, String url, String token, String runId, JsonNode messages,
                                   JsonNode forwardedProps) {
        ObjectNode run = input.withArray("runs").addObject().put("name", name).put("url", url).put("token", token)
                .put("threadId", "thread-" + runId).put("runId", runId);
        run.set("messages", messages);
        run.set("forwardedProps", forwardedProps);
        return this;
    }

    /** Runs the checks; the printed result, {@code streams[i]}, {@code sse[i]} and {@code runs[i]} in the order added. */
    public JsonNode run() {
        assumeAvailable();
        try {
            Path in = Files.createTempFile("agui-check", ".json");
            Path out = Files.createTempFile("agui-check-out", ".json");
            Path err = Files.createTempFile("agui-check-err", ".txt");
            try {
                AguiJson.MAPPER.writeValue(in.toFile(), input);
                int exit = exec(List.of("node", DIR.resolve("agui-check.mjs").toString(), in.toString()), out, err);
                String stdout = Files.readString(out);
                if (exit != 0 || stdout.isBlank()) {
                    fail("agui-check.mjs failed (exit " + exit + "):\n" + stdout + "\n" + Files.readString(err));
                }
                return AguiJson.MAPPER.readTree(stdout);
            } finally {
                Files.deleteIfExists(in);
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run agui-check.mjs", e);
        }
    }

    /**
     * Runs another script of {@code src/test/node} (the dashboard's browser checks) with {@code args}; what it
     * printed on stdout as JSON, whether it succeeded or not (a failing script says why in its output).
     */
    public static JsonNode script(String script, List<String> args) {
        assumeAvailable();
        try {
            Path out = Files.createTempFile(script, ".out.json");
            Path err = Files.createTempFile(script, ".err.txt");
            try {
                List<String> command = new java.util.ArrayList<>(List.of("node", DIR.resolve(script).toString()));
                command.addAll(args);
                int exit = exec(command, out, err);
                String stdout = Files.readString(out);
                if (stdout.isBlank()) {
                    fail(script + " printed nothing (exit " + exit + "):\n" + Files.readString(err));
                }
                return AguiJson.MAPPER.readTree(stdout);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + script, e);
        }
    }

    /**
     * Starts {@code agui-agent.mjs} serving {@code GET /agui} on 127.0.0.1:{@code port} (its text says
     * {@code hello from LABEL}); returns once it listens. Kill it with {@code destroyForcibly()}.
     */
    public static Process startAgent(int port, String label) {
        assumeAvailable();
        try {
            Process p = new ProcessBuilder("node", DIR.resolve("agui-agent.mjs").toString(), String.valueOf(port), label)
                    .directory(DIR.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            String first = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
            if (first == null || !first.startsWith("listening")) {
                p.destroyForcibly();
                fail("agui-agent.mjs did not start on port " + port + ": " + first);
            }
            return p;
        } catch (IOException e) {
            throw new AssertionError("cannot run agui-agent.mjs", e);
        }
    }

    public static void assumeAvailable() {
        PACKAGES.assumeAvailable();
    }

    private static int exec(List<String> command, Path out, Path err) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(DIR.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        try {
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 300 s");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}

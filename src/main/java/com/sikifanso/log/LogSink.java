package com.sikifanso.log;

import java.util.function.Consumer;
import org.slf4j.event.Level;

/** Where log lines go (stderr, a file) and what each keeps. */
public record LogSink(LogPolicy policy, Consumer<String> writer) {
    public static LogSink stderr(LogPolicy policy) {
        return new LogSink(policy, line -> {
            System.err.print(line);
            System.err.flush();
        });
    }

    public static LogSink file(LogPolicy policy, RotatingLogFile file) {
        return new LogSink(policy, file::append);
    }

    boolean accepts(String logger, Level level) {
        return policy.enabled(logger, level);
    }
}

package com.sikifanso.log;

import java.util.Locale;
import java.util.Map;
import org.slf4j.event.Level;

/**
 * Which level each logger writes at: sikifanso's own at the level asked for, the libraries'
 * (Jetty, JGit, docker-java, fabric8, httpclient, the MCP SDK) no more verbose than info unless
 * asked for by {@code trace} or {@code SIKIFANSO_LOG_LIBS=LEVEL}, because their debug output
 * carries request headers, and with them the bearer token. At the default level the libraries
 * say nothing ({@code libraries} null): their failures reach the user as sikifanso's own one-line
 * errors, and their stack traces go to the log file.
 */
public record LogPolicy(Level own, Level libraries) {
    private static final String OWN_PREFIX = "com.sikifanso";

    /** {@code level} as given to --log-level (an unknown one reads as warn; picocli refuses it). */
    public static LogPolicy of(String level, Map<String, String> env) {
        Level own = parse(level, Level.WARN);
        Level libraries = own == Level.TRACE ? Level.TRACE : own.toInt() <= Level.INFO.toInt() ? Level.INFO : null;
        String libs = env.get("SIKIFANSO_LOG_LIBS");
        if (libs != null && !libs.isBlank()) {
            libraries = parse(libs, libraries);
        }
        return new LogPolicy(own, libraries);
    }

    public static Level parse(String text, Level fallback) {
        try {
            return text == null ? fallback : Level.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** The same policy with each level at least as verbose as {@code floor}: a log file keeps info. */
    public LogPolicy atLeast(Level floor) {
        return new LogPolicy(moreVerbose(own, floor), libraries == null ? floor : moreVerbose(libraries, floor));
    }

    public boolean enabled(String logger, Level level) {
        Level threshold = logger.startsWith(OWN_PREFIX) ? own : libraries;
        return threshold != null && level.toInt() >= threshold.toInt();
    }

    private static Level moreVerbose(Level a, Level b) {
        return a.toInt() <= b.toInt() ? a : b;
    }
}

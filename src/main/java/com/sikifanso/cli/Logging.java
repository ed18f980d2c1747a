package com.sikifanso.cli;

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
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    }

    static boolean debug() {
        return "debug".equals(System.getProperty(LEVEL_PROPERTY)) || "trace".equals(System.getProperty(LEVEL_PROPERTY));
    }
}

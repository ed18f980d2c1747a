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
        System.setProperty("org.slf4j.simpleLogger.logFile", logTarget(args, env, level));
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    }

    /** An MCP server's stderr is often not shown to anyone: it logs to a file unless debugging. */
    private static String logTarget(String[] args, Map<String, String> env, String level) {
        boolean mcpServe = java.util.Arrays.asList(args).contains("mcp") && java.util.Arrays.asList(args).contains("serve");
        if (!mcpServe || level.equalsIgnoreCase("debug") || level.equalsIgnoreCase("trace")) {
            return "System.err";
        }
        java.nio.file.Path file = com.sikifanso.session.SikifansoHome.fromEnvironment(env).root().resolve("mcp.log");
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            return file.toString();
        } catch (java.io.IOException e) {
            return "System.err";
        }
    }

    static boolean debug() {
        return "debug".equals(System.getProperty(LEVEL_PROPERTY)) || "trace".equals(System.getProperty(LEVEL_PROPERTY));
    }
}

package com.sikifanso.mcp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line that starts {@code sikifanso mcp serve} in its own JVM (the one running the
 * tests, with the test classpath), tuned for a quick start (C1 only, serial GC).
 */
final class ServerCommand {
    static final String JAVA = ProcessHandle.current().info().command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());

    private ServerCommand() {
    }

    /** {@code java ... com.sikifanso.Main mcp serve FLAGS}. */
    static List<String> mcpServe(String... flags) {
        List<String> command = sikifanso("mcp", "serve");
        command.addAll(List.of(flags));
        return command;
    }

    /** {@code java ... com.sikifanso.Main ARGS}. */
    static List<String> sikifanso(String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:InitialHeapSize=16m", "-cp", System.getProperty("java.class.path"), "com.sikifanso.Main"));
        command.addAll(List.of(args));
        return command;
    }

    /** The environment for a process serving {@code home}: nothing from the developer's shell changes it. */
    static void environment(Map<String, String> env, Path home) {
        clean(env);
        env.put("SIKIFANSO_HOME", home.toString());
    }

    /** Leaves out what from the developer's shell would change what sikifanso does or prints. */
    static void clean(Map<String, String> env) {
        env.keySet().removeAll(List.of("SIKIFANSO_HOME", "SIKIFANSO_CLUSTER", "SIKIFANSO_LOG_LIBS", "NO_COLOR", "JAVA_TOOL_OPTIONS",
                "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"));
    }
}

package com.sikifanso.agui.journal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@link JournalAppenderMain} in its own JVM, with the tests' classpath. */
public final class JournalProcesses {
    private static final String JAVA = ProcessHandle.current().info().command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());

    private JournalProcesses() {
    }

    public static Process appender(Path dir, String writer, long count, int padBytes, long maxFileBytes, int keptFiles)
            throws IOException {
        return java(JournalAppenderMain.class, List.of(dir.toString(), writer, Long.toString(count),
                Integer.toString(padBytes), Long.toString(maxFileBytes), Integer.toString(keptFiles)))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    }

    /** A small JVM running {@code main} with {@code args} on the tests' classpath, stderr into stdout. */
    public static ProcessBuilder java(Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}

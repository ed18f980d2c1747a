package com.sikifanso.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code sikifanso} as a user would, in its own JVM (the one running the tests, with the
 * test classpath), against one SIKIFANSO_HOME, with no terminal attached.
 */
public final class SikifansoProcess {
    private static final String JAVA = ProcessHandle.current().info().command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());

    /** What a finished command left: its exit code and the two streams, kept apart. */
    public record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private final Path home;
    private final List<String> prefix;

    public SikifansoProcess(Path home) {
        this(home, List.of());
    }

    private SikifansoProcess(Path home, List<String> prefix) {
        this.home = home;
        this.prefix = prefix;
    }

    /**
     * Commands that file permissions apply to: as root (CI, containers) they run without the
     * capabilities that let root write anything (setpriv, from util-linux).
     */
    SikifansoProcess boundByFilePermissions() {
        boolean root = "root".equals(System.getProperty("user.name"));
        return new SikifansoProcess(home, root ? List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search",
                "--inh-caps=-dac_override,-dac_read_search") : List.of());
    }

    Result run(String... args) {
        return run(Map.of(), args);
    }

    public Result run(Map<String, String> env, String... args) {
        return run(env, Duration.ofSeconds(60), args);
    }

    /** As {@link #run(Map, String...)}, for a command that may take longer than a minute on a busy machine. */
    public Result run(Map<String, String> env, Duration limit, String... args) {
        try {
            Path out = Files.createTempFile("sikifanso-out", ".txt");
            Path err = Files.createTempFile("sikifanso-err", ".txt");
            try {
                Process p = start(env, out, err, args);
                return finish(p, out, err, limit);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run sikifanso", e);
        }
    }

    /** Starts a command whose output goes to files, for tests that watch it while it runs. */
    public Process start(Map<String, String> env, Path stdout, Path stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(JAVA, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:InitialHeapSize=16m", "-cp", System.getProperty("java.class.path"), "com.sikifanso.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> environment = pb.environment();
        // Nothing from the developer's shell may change what the command does or prints.
        environment.keySet().removeAll(List.of("SIKIFANSO_CLUSTER", "NO_COLOR", "JAVA_TOOL_OPTIONS",
                "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"));
        environment.put("SIKIFANSO_HOME", home.toString());
        environment.putAll(env);
        return pb.start();
    }

    static Result finish(Process p, Path stdout, Path stderr) throws IOException {
        return finish(p, stdout, stderr, Duration.ofSeconds(60));
    }

    static Result finish(Process p, Path stdout, Path stderr, Duration limit) throws IOException {
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("sikifanso did not finish within " + limit.toSeconds() + " s: "
                        + Files.readString(stderr));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return new Result(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    static Map<String, String> env(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }
}

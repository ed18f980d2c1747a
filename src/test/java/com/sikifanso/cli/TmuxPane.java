package com.sikifanso.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code sikifanso ARGS} in a real terminal: a tmux pane on a tmux server of its own (its own socket, so nothing else
 * is touched), typed into with {@code send-keys} and read back with {@code capture-pane -p}. The command runs in the
 * JVM running the tests, with their classpath. Tests skip loudly without tmux; .ci/run installs it.
 */
public final class TmuxPane implements AutoCloseable {
    /** Printed in the pane when the command ends (if kept open), with its exit code. */
    public static final String EXIT_MARK = "[sikifanso exited: ";

    private final String socket = "sikifanso-test-" + UUID.randomUUID().toString().substring(0, 8);
    private final String session;

    private TmuxPane(String session) {
        this.session = session;
    }

    /**
     * Starts the command in a {@code width}x{@code height} pane with SIKIFANSO_HOME={@code home}. With
     * {@code keepAfterExit} the pane stays after the command ends, showing what it printed and {@link #EXIT_MARK}.
     */
    public static TmuxPane start(Path home, Map<String, String> env, boolean keepAfterExit, int width, int height,
                          String... args) throws IOException {
        Path script = Files.createTempFile(home, "sikifanso", ".sh");
        StringBuilder s = new StringBuilder("#!/bin/sh\nunset NO_COLOR SIKIFANSO_CLUSTER JAVA_TOOL_OPTIONS\n");
        s.append("export SIKIFANSO_HOME=").append(quote(home.toString())).append('\n');
        env.forEach((k, v) -> s.append("export ").append(k).append('=').append(quote(v)).append('\n'));
        s.append(keepAfterExit ? "" : "exec ")
                .append(quote(ProcessHandle.current().info().command().orElse("java")))
                .append(" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp ")
                .append(quote(System.getProperty("java.class.path"))).append(" com.sikifanso.Main");
        for (String a : args) {
            s.append(' ').append(quote(a));
        }
        s.append('\n');
        if (keepAfterExit) {
            s.append("echo \"").append(EXIT_MARK).append("$?]\"\nexec sleep 600\n");
        }
        Files.writeString(script, s.toString());
        script.toFile().setExecutable(true);
        TmuxPane pane = new TmuxPane("sikifanso");
        pane.tmux("-f", "/dev/null", "new-session", "-d", "-s", pane.session, "-x", Integer.toString(width), "-y",
                Integer.toString(height), script.toString());
        return pane;
    }

    /** Types keys as tmux names them: {@code Down}, {@code Enter}, {@code Escape}, {@code C-c}, or text. */
    public void send(String... keys) throws IOException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** Types text literally (no key names). */
    public void type(String text) throws IOException {
        tmux("send-keys", "-t", session, "-l", text);
    }

    /** Resizes the window, as a user dragging the terminal's corner (the program gets SIGWINCH). */
    public void resize(int width, int height) throws IOException {
        tmux("resize-window", "-t", session, "-x", Integer.toString(width), "-y", Integer.toString(height));
    }

    /** The screen as plain text. */
    public String screen() throws IOException {
        return tmux("capture-pane", "-p", "-t", session);
    }

    /** The screen with its colours as escape sequences. */
    public String screenWithEscapes() throws IOException {
        return tmux("capture-pane", "-p", "-e", "-t", session);
    }

    /** Waits up to a minute (a busy machine starts a JVM slowly) for the plain screen to show what is expected. */
    public String await(Predicate<String> shown) throws IOException, InterruptedException {
        return await(shown, false);
    }

    public String await(Predicate<String> shown, boolean escapes) throws IOException, InterruptedException {
        String screen = within(shown, escapes, 60_000);
        if (screen == null) {
            throw new AssertionError("the terminal never showed what was expected:\n" + screen());
        }
        return screen;
    }

    /** The screen once it shows what is expected within {@code millis}, else null. */
    public String within(Predicate<String> shown, boolean escapes, long millis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        do {
            String screen = escapes ? screenWithEscapes() : screen();
            if (shown.test(screen)) {
                return screen;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return null;
    }

    /** Whether the session is gone: the command ended and the pane was not kept. */
    public boolean gone() throws IOException, InterruptedException {
        return run(List.of("tmux", "-L", socket, "has-session", "-t", session)).exit() != 0;
    }

    /** Stops this test's own tmux server, nothing else (gone already when its last session ended). */
    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of("tmux", "-L", socket, "kill-server"));
    }

    private String tmux(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        try {
            Ran r = run(command);
            if (r.exit() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (" + r.exit() + "): " + r.output());
            }
            return r.output();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private record Ran(int exit, String output) {
    }

    private static Ran run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        return new Ran(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Skips the calling test, loudly, when tmux is not on PATH. */
    public static void assumeTmux(String what) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            found |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, "tmux"));
        }
        if (!found) {
            System.err.println("\n######################################################################\n"
                    + "#  SKIPPING the real-terminal tests of " + what + ": tmux is not on PATH.\n"
                    + "#  Install it (Debian: apt-get install tmux); .ci/run does this in CI.\n"
                    + "######################################################################\n");
        }
        assumeTrue(found, "real-terminal tests SKIPPED: tmux is not on PATH");
    }
}

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
 * {@code sikifanso ARGS} in a real terminal: a 120x40 tmux pane on a tmux server of its own socket, with the test's
 * classpath; the screen read back with {@code capture-pane -p -e} (colours as escape sequences), keys sent with
 * {@code send-keys}. Skips loudly without tmux; .ci/run installs it.
 */
public final class TmuxPane implements AutoCloseable {
    private static final String SESSION = "pane";
    private final String socket = "sikifanso-" + UUID.randomUUID().toString().substring(0, 8);
    private boolean started;

    /** Skips the calling test, loudly, when tmux is missing. */
    public static void assumeTmux(String what) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            found |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, "tmux"));
        }
        if (!found) {
            System.err.println("""

                    ######################################################################
                    #  SKIPPING the real-terminal tests of %s: tmux is not on PATH.
                    #  Install it (Debian: apt-get install tmux); .ci/run does this in CI.
                    ######################################################################
                    """.formatted(what));
        }
        assumeTrue(found, "real-terminal tests SKIPPED: tmux is not on PATH");
    }

    /** Starts {@code sikifanso ARGS} with {@code SIKIFANSO_HOME=home} and {@code env}, through a script in {@code home}. */
    public void start(Path home, Map<String, String> env, String... args) throws Exception {
        Path script = home.resolve("sikifanso.sh");
        StringBuilder s = new StringBuilder("#!/bin/sh\nunset NO_COLOR SIKIFANSO_CLUSTER JAVA_TOOL_OPTIONS\n");
        s.append("export SIKIFANSO_HOME=").append(quote(home.toString())).append('\n');
        env.forEach((k, v) -> s.append("export ").append(k).append('=').append(quote(v)).append('\n'));
        s.append("exec ").append(quote(ProcessHandle.current().info().command().orElse("java")))
                .append(" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp ")
                .append(quote(System.getProperty("java.class.path"))).append(" com.sikifanso.Main");
        for (String a : args) {
            s.append(' ').append(quote(a));
        }
        Files.writeString(script, s.append('\n').toString());
        script.toFile().setExecutable(true);
        started = true;
        tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40", script.toString());
    }

    public String awaitScreen(Predicate<String> shown) throws Exception {
        String screen = screenWithin(shown, 60_000);
        if (screen == null) {
            throw new AssertionError("the terminal never showed what was expected:\n" + capture());
        }
        return screen;
    }

    public String screenWithin(Predicate<String> shown, long millis) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000;
        do {
            String screen = capture();
            if (shown.test(screen)) {
                return screen;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return null;
    }

    /** Waits until the program has ended (its session is gone); {@code why} names what should have ended it. */
    public void awaitGone(String why) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (run(List.of("tmux", "-L", socket, "has-session", "-t", SESSION)).exit() != 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(why + " did not end the program:\n" + capture());
    }

    public void sendKeys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", SESSION));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    public String capture() throws Exception {
        return tmux("capture-pane", "-p", "-e", "-t", SESSION);
    }

    /** A line without its escape sequences. */
    public static String strip(String text) {
        return text.replaceAll("\u001b\\[[0-9;]*m", "");
    }

    @Override
    public void close() throws Exception {
        if (started) {
            // The server of this pane's own socket, nothing else; gone already when its last session ended.
            run(List.of("tmux", "-L", socket, "kill-server"));
        }
    }

    private String tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Ran r = run(command);
        if (r.exit() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (" + r.exit() + "): " + r.output());
        }
        return r.output();
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
}

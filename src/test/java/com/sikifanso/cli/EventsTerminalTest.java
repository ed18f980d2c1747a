package com.sikifanso.cli;

import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sikifanso.TestHome;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.RunAgentInput;
import com.sikifanso.agui.SampleRuns;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalOptions;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sikifanso events -f} in a real terminal: a tmux pane of 120x40 on a tmux server of its own, read back with
 * {@code capture-pane -p -e} (the screen, with its colours as escape sequences) while this test appends to the
 * journal. Skips loudly without tmux; .ci/run installs it.
 */
class EventsTerminalTest {
    private static final String SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

    @TempDir
    Path tmp;

    private ActivityJournal journal;
    private final String socket = "sikifanso-events-" + UUID.randomUUID().toString().substring(0, 8);
    private boolean serverStarted;

    @BeforeEach
    void clusterWithAJournal() {
        assumeTmux();
        TestHome home = TestHome.withCluster(tmp);
        journal = new ActivityJournal(home.clusterDir(CLUSTER), JournalOptions.DEFAULTS);
    }

    @AfterEach
    void stopOurTmuxServer() throws Exception {
        if (serverStarted) {
            // The server of this test's own socket, nothing else; gone already when its last session ended.
            run(List.of("tmux", "-L", socket, "kill-server"));
        }
    }

    @Test
    void onATerminalStepsSpinInColourAndStayBehindAsPlainLinesWhenDone() throws Exception {
        start(Map.of(), "-c", CLUSTER, "events", "-f");
        awaitFollowing();

        journal.append("run-term1", new AguiEvent.RunStarted(CLUSTER, "run-term1", null, null,
                new RunAgentInput(CLUSTER, "run-term1", null, null, null, null, null, SampleRuns.json(
                        Map.of("surface", "cli", "operation", "cluster_create"))), null));
        journal.append("run-term1", new AguiEvent.StepStarted("pull images", null));
        journal.append("run-term1", new AguiEvent.ActivitySnapshot("act-1", "pull",
                SampleRuns.object(Map.of("bytes", 1024)), null, null));

        // Three appends: the follower may draw the step before it has read the progress.
        String spinning = awaitScreen(s -> s.contains("pull images (") && s.contains("· pull: bytes=1024"));
        String line = spinning.lines().filter(l -> l.contains("pull images (")).findFirst().orElseThrow();
        assertThat(SPINNER.indexOf(strip(line).charAt(0))).as("a spinner frame leads: " + line).isNotNegative();
        assertThat(line).contains("· pull: bytes=1024");
        assertThat(spinning).as("bold run start, in colour").contains("\u001b[1m▶ cluster_create");
        String frame = strip(line).substring(0, 1);
        awaitScreen(s -> s.lines().anyMatch(l -> l.contains("pull images (") && !strip(l).startsWith(frame)));

        journal.append("run-term1", new AguiEvent.StepFinished("pull images", null));
        journal.append("run-term1", new AguiEvent.RunFinished(CLUSTER, "run-term1", null, null, null, null));

        String done = awaitScreen(s -> s.contains("cluster_create done"));
        assertThat(strip(done)).contains("  ✓ pull images (").doesNotContain("pull images (0").satisfies(screen ->
                assertThat(screen.chars().filter(c -> SPINNER.indexOf(c) >= 0)).as("no spinner left").isEmpty());
        assertThat(done).contains("\u001b[32m");   // green: the finished step and run

        tmux("send-keys", "-t", "events", "C-c");
        awaitGone();
    }

    @Test
    void noColorTurnsColoursOffButStillSpins() throws Exception {
        start(Map.of("NO_COLOR", "1"), "-c", CLUSTER, "events", "-f");
        assertColourlessSpinner("run-nc1");
    }

    @Test
    void theNoColorFlagTurnsColoursOffButStillSpins() throws Exception {
        start(Map.of(), "-c", CLUSTER, "events", "-f", "--no-color");
        assertColourlessSpinner("run-nc2");
    }

    private void assertColourlessSpinner(String runId) throws Exception {
        awaitFollowing();
        journal.append(runId, new AguiEvent.RunStarted(CLUSTER, runId, null, null, null, null));
        journal.append(runId, new AguiEvent.StepStarted("wait for argo", null));

        String screen = awaitScreen(s -> s.contains("wait for argo ("));

        assertThat(screen).doesNotContain("\u001b[").contains("▶ run " + runId.substring(0, 7));
        String line = screen.lines().filter(l -> l.contains("wait for argo (")).findFirst().orElseThrow();
        assertThat(SPINNER.indexOf(line.charAt(0))).as(line).isNotNegative();
    }

    // ---- the terminal

    /** Starts {@code sikifanso ARGS} in a 120x40 tmux pane, with the test's classpath and this home. */
    private void start(Map<String, String> env, String... args) throws Exception {
        Path script = tmp.resolve("sikifanso.sh");
        StringBuilder s = new StringBuilder("#!/bin/sh\nunset NO_COLOR SIKIFANSO_CLUSTER JAVA_TOOL_OPTIONS\n");
        s.append("export SIKIFANSO_HOME=").append(quote(tmp.toString())).append('\n');
        env.forEach((k, v) -> s.append("export ").append(k).append('=').append(quote(v)).append('\n'));
        s.append("exec ").append(quote(ProcessHandle.current().info().command().orElse("java")))
                .append(" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp ")
                .append(quote(System.getProperty("java.class.path"))).append(" com.sikifanso.Main");
        for (String a : args) {
            s.append(' ').append(quote(a));
        }
        Files.writeString(script, s.append('\n').toString());
        script.toFile().setExecutable(true);
        serverStarted = true;
        tmux("new-session", "-d", "-s", "events", "-x", "120", "-y", "40", script.toString());
    }

    /** Appends pings until one shows: from then on -f is reading the journal. */
    private void awaitFollowing() throws Exception {
        for (int i = 0; i < 200; i++) {
            journal.append("ping", new AguiEvent.Custom("ping", SampleRuns.json(Map.of("n", i)), null));
            if (screenWithin(s -> s.contains("custom ping"), 500) != null) {
                return;
            }
        }
        throw new AssertionError("events -f never showed the journal:\n" + capture());
    }

    private String awaitScreen(Predicate<String> shown) throws Exception {
        String screen = screenWithin(shown, 60_000);
        if (screen == null) {
            throw new AssertionError("the terminal never showed what was expected:\n" + capture());
        }
        return screen;
    }

    private String screenWithin(Predicate<String> shown, long millis) throws Exception {
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

    private void awaitGone() throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (run(List.of("tmux", "-L", socket, "has-session", "-t", "events")).exit() != 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Ctrl-C did not end events -f:\n" + capture());
    }

    private String capture() throws Exception {
        return tmux("capture-pane", "-p", "-e", "-t", "events");
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

    /** A line without its escape sequences. */
    private static String strip(String text) {
        return text.replaceAll("\u001b\\[[0-9;]*m", "");
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void assumeTmux() {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            found |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, "tmux"));
        }
        if (!found) {
            System.err.println("""

                    ######################################################################
                    #  SKIPPING the real-terminal tests of events -f: tmux is not on PATH.
                    #  Install it (Debian: apt-get install tmux); .ci/run does this in CI.
                    ######################################################################
                    """);
        }
        assumeTrue(found, "real-terminal tests SKIPPED: tmux is not on PATH");
    }
}

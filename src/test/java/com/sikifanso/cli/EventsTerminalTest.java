package com.sikifanso.cli;

import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.TestHome;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.RunAgentInput;
import com.sikifanso.agui.SampleRuns;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalOptions;
import java.nio.file.Path;
import java.util.Map;
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
    private final TmuxPane pane = new TmuxPane();

    @BeforeEach
    void clusterWithAJournal() {
        TmuxPane.assumeTmux("events -f");
        TestHome home = TestHome.withCluster(tmp);
        journal = new ActivityJournal(home.clusterDir(CLUSTER), JournalOptions.DEFAULTS);
    }

    @AfterEach
    void stopOurTmuxServer() throws Exception {
        pane.close();
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

        pane.sendKeys("C-c");
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

    private void start(Map<String, String> env, String... args) throws Exception {
        pane.start(tmp, env, args);
    }

    /** Appends pings until one shows: from then on -f is reading the journal. */
    private void awaitFollowing() throws Exception {
        for (int i = 0; i < 200; i++) {
            journal.append("ping", new AguiEvent.Custom("ping", SampleRuns.json(Map.of("n", i)), null));
            if (pane.screenWithin(s -> s.contains("custom ping"), 500) != null) {
                return;
            }
        }
        throw new AssertionError("events -f never showed the journal:\n" + pane.capture());
    }

    private String awaitScreen(Predicate<String> shown) throws Exception {
        return pane.awaitScreen(shown);
    }

    private void awaitGone() throws Exception {
        pane.awaitGone("Ctrl-C");
    }

    private static String strip(String text) {
        return TmuxPane.strip(text);
    }
}

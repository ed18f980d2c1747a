package com.sikifanso.agui.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.agui.AguiRun;
import com.sikifanso.agui.EventType;
import com.sikifanso.agui.RunProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a run reaches the journal: in one batch at its end, or live once it starts a step. */
class RunAppenderTest {
    @TempDir
    Path tmp;

    private List<EventType> stored(Path dir) {
        return new ActivityJournal(dir, JournalOptions.DEFAULTS).readSince(0).stream()
                .map(e -> e.event().eventType()).toList();
    }

    private static AguiRun start(RunAppender appender) {
        return AguiRun.start("lab", "run-1", null, appender);
    }

    @Test
    void aRunWithoutStepsIsHeldAndAppendedInOneBatchAtItsEnd() {
        RunAppender appender = new RunAppender(tmp, JournalOptions.DEFAULTS, "run-1");
        AguiRun run = start(appender);
        new RunProgress(run).note("a note is no step");
        run.finish();

        assertThat(stored(tmp)).as("nothing before the end").isEmpty();
        appender.close();

        List<JournalEntry> entries = new ActivityJournal(tmp, JournalOptions.DEFAULTS).readSince(0);
        assertThat(entries).extracting(e -> e.event().eventType()).containsExactly(EventType.RUN_STARTED,
                EventType.ACTIVITY_SNAPSHOT, EventType.RUN_FINISHED);
        assertThat(entries).extracting(JournalEntry::time).as("one append, one time").containsOnly(entries.get(0).time());
        assertThat(appender.live()).isFalse();
    }

    @Test
    void theFirstStepPutsTheRunInTheJournalAndEverythingAfterGoesInAsItHappens() {
        RunAppender appender = new RunAppender(tmp, JournalOptions.DEFAULTS, "run-1");
        AguiRun run = start(appender);
        RunProgress progress = new RunProgress(run);
        assertThat(stored(tmp)).isEmpty();

        progress.step("preflight");
        assertThat(stored(tmp)).containsExactly(EventType.RUN_STARTED, EventType.STEP_STARTED);
        progress.note("Docker 27");
        progress.step("pull");
        assertThat(stored(tmp)).containsExactly(EventType.RUN_STARTED, EventType.STEP_STARTED,
                EventType.ACTIVITY_SNAPSHOT, EventType.STEP_FINISHED, EventType.STEP_STARTED);
        progress.finishStep();
        run.finish();
        appender.close();

        assertThat(stored(tmp)).endsWith(EventType.STEP_FINISHED, EventType.RUN_FINISHED).hasSize(7);
    }

    @Test
    void stepsBeforeTheClusterDirectoryExistsAreHeldUntilItDoesAndTheDirectoryIsNeverMadeHere() throws Exception {
        Path dir = tmp.resolve("clusters").resolve("lab");
        RunAppender appender = new RunAppender(dir, JournalOptions.DEFAULTS, "run-1");
        AguiRun run = start(appender);
        RunProgress progress = new RunProgress(run);
        progress.step("preflight");
        progress.step("pull");
        assertThat(dir).doesNotExist();

        Files.createDirectories(dir);   // cluster create prepared the session and repo
        progress.step("nodes");
        assertThat(stored(dir)).containsExactly(EventType.RUN_STARTED, EventType.STEP_STARTED,
                EventType.STEP_FINISHED, EventType.STEP_STARTED, EventType.STEP_FINISHED, EventType.STEP_STARTED);
        run.error("the nodes failed", null);
        appender.close();
        assertThat(stored(dir)).endsWith(EventType.RUN_ERROR);
    }

    @Test
    void aRunWhoseClusterDirectoryNeverAppearsIsNotJournalled() {
        Path dir = tmp.resolve("clusters").resolve("gone");
        RunAppender appender = new RunAppender(dir, JournalOptions.DEFAULTS, "run-1");
        AguiRun run = start(appender);
        new RunProgress(run).step("removing the nodes");
        run.error("failed", null);
        appender.close();

        assertThat(dir).doesNotExist();
    }

    @Test
    void aJournalThatCannotBeWrittenNeverFailsTheRun() throws Exception {
        Path dir = tmp.resolve("lab");
        Files.createDirectories(dir);
        Files.createDirectories(dir.resolve("activity.lock").resolve("a-directory-not-a-file"));
        RunAppender appender = new RunAppender(dir, JournalOptions.DEFAULTS, "run-1");
        AguiRun run = start(appender);
        RunProgress progress = new RunProgress(run);
        progress.step("preflight");
        progress.step("pull");
        progress.finishStep();
        run.finish();
        appender.close();

        assertThat(run.ended()).isTrue();
    }
}

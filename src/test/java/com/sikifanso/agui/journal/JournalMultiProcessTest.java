package com.sikifanso.agui.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several JVMs on one journal, as several sikifanso commands and an MCP server on one cluster are. */
class JournalMultiProcessTest {
    private static final int WRITERS = 4;
    private static final int EACH = 150;

    @TempDir
    Path dir;

    @Test
    void processesAppendingAtOnceNeverInterleaveNorRepeatASequenceAndAFollowerSeesAllInOrder() throws Exception {
        long limit = 16 * 1024;   // small, so the processes also rotate under each other
        List<Process> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(JournalProcesses.appender(dir, "w" + w, EACH, 200, limit, 10_000));
        }
        List<JournalEntry> followed = new ArrayList<>();
        ActivityJournal journal = new ActivityJournal(dir, JournalOptions.DEFAULTS.withLimit(limit, 10_000));
        try (JournalTail tail = journal.follow(0)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (followed.size() < WRITERS * EACH && System.nanoTime() < deadline) {
                followed.addAll(tail.poll(Duration.ofSeconds(1)));
            }
        }
        for (Process p : writers) {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        }

        RawJournal raw = RawJournal.read(dir);
        assertThat(raw.tornTail()).isEmpty();
        assertThat(raw.lines()).hasSize(WRITERS * EACH);
        raw.assertContiguous();
        assertThat(raw.sequences().get(0)).isEqualTo(1);
        assertThat(new JournalFiles(dir).rotated()).as("the writers rotated").hasSizeGreaterThan(WRITERS);
        Map<String, Long> lastPerWriter = new HashMap<>();
        for (JsonNode line : raw.lines()) {
            JsonNode value = line.at("/event/value");
            long previous = lastPerWriter.getOrDefault(value.get("writer").asText(), 0L);
            assertThat(value.get("n").asLong()).as("each writer's own events in its order").isEqualTo(previous + 1);
            lastPerWriter.put(value.get("writer").asText(), previous + 1);
        }
        assertThat(followed).extracting(JournalEntry::sequence).isEqualTo(raw.sequences());
    }

    @Test
    void aWriterKilledMidWriteLeavesAtMostATornLastLineThatReadersSkipAndTheNextWriterRepairs() throws Exception {
        // Large events (64 KiB) so that the kill may land inside a write as well as between two.
        Process writer = JournalProcesses.appender(dir, "doomed", 0, 64 * 1024, 64L << 20, 4);
        ActivityJournal journal = new ActivityJournal(dir, JournalOptions.DEFAULTS.withLimit(64L << 20, 4));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (journal.lastSequence() < 10 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        writer.destroyForcibly();   // SIGKILL: no shutdown hook, no finally
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).isEqualTo(137);

        RawJournal before = RawJournal.read(dir);
        before.assertContiguous();
        long last = before.sequences().get(before.sequences().size() - 1);
        assertThat(last).isGreaterThanOrEqualTo(10);
        assertThat(journal.readSince(0)).extracting(JournalEntry::sequence).isEqualTo(before.sequences());
        System.err.println("kill -9 left a torn tail of " + before.tornTail().length() + " bytes after " + last
                + " events");

        assertThat(journal.append("r", new com.sikifanso.agui.AguiEvent.StepStarted("after", 1L)).sequence())
                .isEqualTo(last + 1);
        RawJournal after = RawJournal.read(dir);
        assertThat(after.tornTail()).isEmpty();
        after.assertContiguous();
        assertThat(Files.readString(dir.resolve("activity.jsonl"))).endsWith("\n");
    }
}

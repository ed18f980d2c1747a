package com.sikifanso.agui.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.AguiRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityJournalTest {
    @TempDir
    Path dir;

    private static AguiEvent custom(int n) {
        return new AguiEvent.Custom("n", AguiJson.MAPPER.valueToTree(Map.of("n", n)), 1L);
    }

    @Test
    void appendsNumberedLinesAndReadsThemBackBySequenceTimeAndRun() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T03:00:00Z"));
        ActivityJournal journal = new ActivityJournal(dir, JournalOptions.DEFAULTS.withClock(clock));
        assertThat(journal.lastSequence()).isZero();
        assertThat(journal.readSince(0)).isEmpty();

        AguiRun first = AguiRun.start("lab1", "run-a", null, journal.sink("run-a"));
        first.step("pull").finish();
        first.finish();
        clock.now = Instant.parse("2026-11-30T03:10:00Z");
        AguiRun second = AguiRun.start("lab1", "run-b", null, journal.sink("run-b"));
        second.error("boom", null);

        assertThat(journal.lastSequence()).isEqualTo(6);
        assertThat(journal.readSince(0)).extracting(JournalEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(journal.readSince(4)).extracting(e -> e.event().eventType().name())
                .containsExactly("RUN_STARTED", "RUN_ERROR");
        assertThat(journal.readRun("run-a")).extracting(e -> e.event().eventType().name())
                .containsExactly("RUN_STARTED", "STEP_STARTED", "STEP_FINISHED", "RUN_FINISHED");
        assertThat(journal.readSince(Instant.parse("2026-11-30T03:05:00Z"))).extracting(JournalEntry::runId)
                .containsExactly("run-b", "run-b");
    }

    @Test
    void rotationKeepsTheJournalBoundedAndSequencesGoOn() throws IOException {
        ActivityJournal journal = new ActivityJournal(dir, JournalOptions.DEFAULTS.withLimit(4096, 2));
        for (int i = 1; i <= 300; i++) {
            journal.append("r", custom(i));
        }

        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".jsonl")).toList();
        }
        assertThat(files).hasSize(3);
        for (Path f : files) {
            assertThat(Files.size(f)).isLessThanOrEqualTo(4096);
        }
        RawJournal raw = RawJournal.read(dir);
        raw.assertContiguous();
        assertThat(raw.sequences().get(raw.sequences().size() - 1)).isEqualTo(300);
        assertThat(raw.sequences().get(0)).isGreaterThan(1);
        assertThat(journal.readSince(0)).extracting(JournalEntry::sequence).isEqualTo(raw.sequences());
        assertThat(journal.append("r", custom(301)).sequence()).isEqualTo(301);
    }

    @Test
    void aTornLastLineIsSkippedByReadersAndCutOffByTheNextWriter() throws IOException {
        ActivityJournal journal = new ActivityJournal(dir, JournalOptions.DEFAULTS);
        for (int i = 1; i <= 3; i++) {
            journal.append("r", custom(i));
        }
        // What a writer killed in the middle of its write leaves: part of a line, no newline.
        Files.writeString(dir.resolve("activity.jsonl"), "{\"seq\":4,\"time\":\"2026-11-30T0", StandardOpenOption.APPEND);

        assertThat(journal.readSince(0)).extracting(JournalEntry::sequence).containsExactly(1L, 2L, 3L);
        assertThat(journal.lastSequence()).isEqualTo(3);
        try (JournalTail tail = journal.follow(0)) {
            assertThat(tail.poll()).hasSize(3);
            assertThat(tail.poll()).isEmpty();
            assertThat(journal.append("r", custom(4)).sequence()).isEqualTo(4);
            assertThat(tail.poll()).extracting(JournalEntry::sequence).containsExactly(4L);
        }
        RawJournal raw = RawJournal.read(dir);
        assertThat(raw.tornTail()).isEmpty();
        assertThat(raw.sequences()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aCompleteLineThatIsNotAnEventIsSkipped() throws IOException {
        ActivityJournal journal = new ActivityJournal(dir, JournalOptions.DEFAULTS);
        journal.append("r", custom(1));
        Files.writeString(dir.resolve("activity.jsonl"), "{\"seq\":2,\"time\":\"bad\"}\n", StandardOpenOption.APPEND);
        assertThat(journal.append("r", custom(3)).sequence()).isEqualTo(3);
        assertThat(journal.readSince(0)).extracting(JournalEntry::sequence).containsExactly(1L, 3L);
    }

    @Test
    void followingWaitsForWhatOtherThreadsAppendAcrossRotations() throws Exception {
        ActivityJournal journal = new ActivityJournal(dir, JournalOptions.DEFAULTS.withLimit(4096, 1000));
        journal.append("r", custom(0));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (JournalTail tail = journal.follow(1)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                // A second instance on the same directory, as another part of the program would have.
                ActivityJournal own = new ActivityJournal(dir, JournalOptions.DEFAULTS.withLimit(4096, 1000));
                writers.add(pool.submit(() -> {
                    for (int i = 1; i <= 250; i++) {
                        own.append("r", custom(i));
                    }
                }));
            }
            List<Long> seen = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (seen.size() < 500 && System.nanoTime() < deadline) {
                tail.poll(Duration.ofSeconds(1)).forEach(e -> seen.add(e.sequence()));
            }
            for (Future<?> w : writers) {
                w.get();
            }
            assertThat(seen).hasSize(500);
            for (int i = 0; i < seen.size(); i++) {
                assertThat(seen.get(i)).isEqualTo(i + 2L);
            }
            assertThat(tail.poll(Duration.ofMillis(300))).isEmpty();
        } finally {
            pool.shutdownNow();
        }
        assertThat(new JournalFiles(dir).rotated()).hasSizeGreaterThan(5);
        RawJournal.read(dir).assertContiguous();
    }

    @Test
    void secretsNeverReachTheFile() throws IOException {
        ActivityJournal journal = new ActivityJournal(dir, JournalOptions.DEFAULTS);
        AguiRun run = AguiRun.start("lab1", "r", null, journal.sink("r"));
        run.stateSnapshot(AguiJson.MAPPER.valueToTree(Map.of("db", Map.of("user", "app", "password", "hunter2pass"))));
        run.state(AguiJson.MAPPER.valueToTree(Map.of("db", Map.of("user", "app", "password", "n3wS3cretpass"))));
        AguiRun.ToolCall call = run.toolCall("app_credentials").args("{\"name\":\"langfuse\",\"apiKey\":\"sk-abcdefgh12345678\"}");
        call.end().result("LANGFUSE_SECRET_KEY=sk-lf-0123456789 and Authorization: Bearer eyJhbGciOiJIUzI1NiJ9");
        run.custom("kubeconfig", AguiJson.MAPPER.valueToTree(Map.of("kubeconfig", "apiVersion: v1\nclient-key-data: AAAA")));
        run.finish();

        String file = Files.readString(dir.resolve("activity.jsonl"), StandardCharsets.UTF_8);
        assertThat(file).doesNotContain("hunter2pass", "n3wS3cretpass", "sk-abcdefgh12345678", "sk-lf-0123456789",
                "eyJhbGciOiJIUzI1NiJ9", "client-key-data: AAAA");
        assertThat(file).contains("\"path\":\"/db/password\"", "\"user\":\"app\"", "\"name\\\":\\\"langfuse");
        assertThat(journal.readRun("r")).as("every event stays readable after redaction").hasSize(9);
    }

    @Test
    void aLimitTooSmallIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> JournalOptions.DEFAULTS.withLimit(100, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the activity journal's file size limit must be at least 4096 bytes, not 100: raise it");
        assertThatThrownBy(() -> JournalOptions.DEFAULTS.withLimit(8192, 0))
                .hasMessage("the activity journal must keep at least 1 rotated file, not 0");
    }

    @Test
    void concurrentThreadsGetUniqueIncreasingSequences() throws Exception {
        ActivityJournal journal = new ActivityJournal(dir, JournalOptions.DEFAULTS);
        Map<Long, Boolean> seen = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> all = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            all.add(pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    assertThat(seen.put(journal.append("r", custom(i)).sequence(), true)).isNull();
                }
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        assertThat(seen).hasSize(400);
        RawJournal raw = RawJournal.read(dir);
        raw.assertContiguous();
        assertThat(raw.lines()).hasSize(400);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

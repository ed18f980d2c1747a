package com.sikifanso.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.agui.journal.JournalProcesses;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/agui/events}: the journal as SSE, resumable by sequence, live, shared, and freed when left. */
class JournalEventsStreamTest {
    @TempDir
    Path home;

    private static AguiEvent custom(int n) {
        return new AguiEvent.Custom("test", AguiJson.MAPPER.valueToTree(Map.of("n", n)), System.currentTimeMillis());
    }

    @Test
    void aClientResumingWithLastEventIdGetsExactlyWhatItMissedThenLiveEvents() throws Exception {
        try (ServedCluster served = new ServedCluster(home, "srv-resume")) {
            ActivityJournal journal = served.journal();
            for (int i = 0; i < 5; i++) {
                journal.append("run-a", custom(i));
            }
            long seen = journal.lastSequence() - 3;   // the client saw all but the last three
            try (SseClient client = SseClient.get(served.url("/api/agui/events?cluster=srv-resume"), served.token,
                    Long.toString(seen))) {
                assertThat(client.status).isEqualTo(200);
                List<SseClient.Frame> missed = client.next(3);
                assertThat(missed).extracting(SseClient.Frame::id).containsExactly(seen + 1, seen + 2, seen + 3);
                List<JournalEntry> stored = journal.readSince(seen);
                for (int i = 0; i < 3; i++) {
                    com.fasterxml.jackson.databind.node.ObjectNode expected =
                            (com.fasterxml.jackson.databind.node.ObjectNode) AguiJson.tree(stored.get(i).event());
                    expected.putObject("metadata").put("runId", "run-a");   // the journal interleaves runs
                    assertThat(missed.get(i).data()).isEqualTo(expected);
                }

                List<JournalEntry> live = journal.append("run-b", List.of(custom(10), custom(11)));
                List<SseClient.Frame> more = client.next(2);
                assertThat(more).extracting(SseClient.Frame::id)
                        .containsExactly(live.get(0).sequence(), live.get(1).sequence());
                assertThat(more.get(1).data().at("/value/n").asInt()).isEqualTo(11);
                assertThat(more.get(1).data().at("/metadata/runId").asText()).isEqualTo("run-b");
                assertThat(client.retryMillis()).as("a retry: hint").isEqualTo(500);
                Thread.sleep(300);
                assertThat(client.pending()).as("nothing but what was appended").isEmpty();
                assertThat(client.comments()).as("heartbeats while idle").contains("keep-alive");
            }
        }
    }

    @Test
    void withoutLastEventIdAClientGetsOnlyWhatIsAppendedFromNowOn() throws Exception {
        try (ServedCluster served = new ServedCluster(home, "srv-live")) {
            served.journal().append("old", custom(1));
            try (SseClient client = SseClient.get(served.url("/api/agui/events"), served.token, null)) {
                // The server's --cluster is the default; the run of cluster_create and "old" are not resent.
                long next = served.journal().append("new", custom(2)).sequence();
                assertThat(client.next(1).get(0).id()).isEqualTo(next);
            }
        }
    }

    @Test
    void twoClientsFollowWhileAnotherProcessAppendsAndBothGetEveryEventInOrder() throws Exception {
        try (ServedCluster served = new ServedCluster(home, "srv-many")) {
            long start = served.journal().lastSequence();
            String url = served.url("/api/agui/events?cluster=srv-many");
            try (SseClient one = SseClient.get(url, served.token, Long.toString(start));
                 SseClient two = SseClient.get(url, served.token, Long.toString(start))) {
                int count = 300;
                Process appender = JournalProcesses.appender(served.home.resolve("clusters/srv-many"), "p1", count,
                        100, 8L << 20, 4);
                served.journal().append("here", custom(0));   // this process too, meanwhile
                assertThat(appender.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(appender.exitValue()).isZero();
                List<Long> expected = LongStream.rangeClosed(start + 1, start + count + 1).boxed().toList();
                assertThat(one.next(count + 1)).extracting(SseClient.Frame::id).isEqualTo(expected);
                assertThat(two.next(count + 1)).extracting(SseClient.Frame::id).isEqualTo(expected);
            }
        }
    }

    @Test
    void aClientThatGoesAwayEndsItsStreamAndLeavesNoThreadBehind() throws Exception {
        try (ServedCluster served = new ServedCluster(home, "srv-leave")) {
            String url = served.url("/api/agui/events?cluster=srv-leave");
            SseClient first = SseClient.get(url, served.token, "0");
            SseClient second = SseClient.get(url, served.token, "0");
            first.next(1);
            second.next(1);
            assertThat(served.server.openStreams()).isEqualTo(2);
            assertThat(pumpingThreads()).isEqualTo(2);

            first.close();
            second.close();

            awaitNoStreams(served);
            assertThat(pumpingThreads()).as("no thread is still following the journal").isZero();
        }
    }

    @Test
    void stoppingTheServerEndsOpenStreams() throws Exception {
        ServedCluster served = new ServedCluster(home, "srv-stop");
        try (SseClient client = SseClient.get(served.url("/api/agui/events"), served.token, "0")) {
            client.next(1);
            served.close();
            client.untilEnd();
            assertThat(served.server.openStreams()).isZero();
            assertThat(pumpingThreads()).isZero();
        }
    }

    static void awaitNoStreams(ServedCluster served) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (served.server.openStreams() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(served.server.openStreams()).as("streams still open 10 s after their clients left").isZero();
    }

    /** Threads anywhere in this JVM running the server's journal-following loop. */
    static long pumpingThreads() {
        return Thread.getAllStackTraces().values().stream().filter(stack -> java.util.Arrays.stream(stack)
                .anyMatch(f -> f.getClassName().equals(JournalPump.class.getName()))).count();
    }
}

package com.sikifanso.server;

import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.OperationRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * For bench/events.sh: the journal through {@code sikifanso serve}'s SSE endpoint to a client, in one JVM (server and
 * client on loopback). {@code N RUNS}: N events replayed with Last-Event-ID and N appended while a client follows
 * (events/s), then RUNS operation runs recorded as an invocation's end records them, each timed from the start of
 * its append (the batch ending in RUN_FINISHED) to the client receiving RUN_FINISHED (p50/p95).
 */
public final class SseBenchMain {
    private SseBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        Path home = Files.createTempDirectory("sse-bench");
        try (ServedCluster served = new ServedCluster(home, "bench")) {
            ActivityJournal journal = served.journal();
            String url = served.url("/api/agui/events?cluster=bench");
            long before = journal.lastSequence();
            for (int i = 0; i < n; i += 500) {
                List<AguiEvent> batch = new ArrayList<>();
                for (int j = i; j < Math.min(n, i + 500); j++) {
                    batch.add(event(j));
                }
                journal.append("replay", batch);
            }
            long start = System.nanoTime();
            try (SseClient client = SseClient.get(url, served.token, Long.toString(before))) {
                client.next(n);
                print("journal -> SSE, replayed (Last-Event-ID)", n, System.nanoTime() - start);
            }

            try (SseClient client = SseClient.get(url, served.token, Long.toString(journal.lastSequence()))) {
                start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    journal.append("live", event(i));
                }
                client.next(n);
                print("journal -> SSE, live (one append each)", n, System.nanoTime() - start);
            }

            try (SseClient client = SseClient.get(url, served.token, Long.toString(journal.lastSequence()))) {
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    OperationRun.record(journal, "bench", new OperationRun.Caller("cli", null), "catalog_enable",
                            AguiJson.MAPPER.valueToTree(Map.of("cluster", "bench", "names", List.of("qdrant"))),
                            Optional.of(AguiJson.MAPPER.valueToTree(Map.of("changed", List.of("qdrant")))),
                            Optional.empty(), Duration.ofMillis(5), Optional.of("0123abcd"));
                    SseClient.Frame finished = client.next(6).get(5);
                    millis.add((finished.receivedNanos() - t0) / 1e6);
                    Thread.sleep(5);
                }
                Collections.sort(millis);
                System.out.printf("%-40s %12d %10s %12s%n", "operation end -> SSE client (runs)", runs, "", "");
                System.out.printf("%-40s %12.2f ms p50 %8.2f ms p95 %8.2f ms max%n", "  latency", percentile(millis, 50),
                        percentile(millis, 95), millis.get(millis.size() - 1));
            }
        }
    }

    private static AguiEvent event(int i) {
        return new AguiEvent.Custom("bench", AguiJson.MAPPER.valueToTree(Map.of("n", i, "pad", "lorem ipsum ".repeat(16))),
                System.currentTimeMillis());
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void print(String measure, int events, long nanos) {
        System.out.printf("%-40s %12d %10.2f %12.0f%n", measure, events, nanos / 1e9, events / (nanos / 1e9));
    }
}

package com.sikifanso.agui.journal;

import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.AguiRun;
import com.sikifanso.agui.SseEncoder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * For bench/events.sh: {@code DIR N} appends N events in runs of 10 (RUN_STARTED, a step, a tool call with
 * arguments and result, RUN_FINISHED) from one thread, reads them all back, encodes them as SSE, and prints the
 * rates. Figures only.
 */
public final class JournalBenchMain {
    private JournalBenchMain() {
    }

    public static void main(String[] args) {
        ActivityJournal journal = new ActivityJournal(Path.of(args[0]), JournalOptions.DEFAULTS);
        int n = Integer.parseInt(args[1]);
        long start = System.nanoTime();
        for (int r = 0; journal.lastSequence() < n; r++) {
            String runId = "run-" + r;
            AguiRun run = AguiRun.start("bench", runId, null, journal.sink(runId));
            try (AguiRun.Step step = run.step("apply")) {
                AguiRun.ToolCall call = run.toolCall("app_enable").args("{\"names\":[\"qdrant\"]}");
                call.end().result("{\"enabled\":[\"qdrant\"],\"commit\":\"abc1234\"}");
                run.custom("progress", AguiJson.MAPPER.valueToTree(Map.of("app", "qdrant", "phase", "Synced")));
                run.stateSnapshot(AguiJson.MAPPER.valueToTree(Map.of("apps", Map.of("qdrant", "Healthy"))));
            }
            run.finish();
        }
        double appendSeconds = (System.nanoTime() - start) / 1e9;
        long written = journal.lastSequence();

        start = System.nanoTime();
        List<JournalEntry> all = journal.readSince(0);
        double readSeconds = (System.nanoTime() - start) / 1e9;

        start = System.nanoTime();
        long bytes = 0;
        for (JournalEntry e : all) {
            bytes += SseEncoder.encode(e.event(), e.sequence()).length();
        }
        double sseSeconds = (System.nanoTime() - start) / 1e9;
        row("append (1 thread, sink of AguiRun)", written, appendSeconds);
        row("read back (readSince 0)", all.size(), readSeconds);
        row("SSE encode of what was read", all.size(), sseSeconds);
        System.out.printf("%-40s %12d%n", "SSE bytes", bytes);
    }

    private static void row(String what, long events, double seconds) {
        System.out.printf("%-40s %12d %10.2f %12.0f%n", what, events, seconds, events / seconds);
    }
}

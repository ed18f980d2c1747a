package com.sikifanso.cli;

import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.TestHome;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.NodeAguiCheck;
import com.sikifanso.agui.SampleRuns;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.agui.journal.OperationRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sikifanso events -f} in its own JVM while this test, another process, appends to the cluster's journal
 * (as any other sikifanso or MCP server would); Ctrl-C (SIGINT) ends it.
 */
class EventsFollowTest {
    @TempDir
    Path tmp;

    private ActivityJournal journal;

    @BeforeEach
    void clusterWithAJournal() {
        TestHome home = TestHome.withCluster(tmp);
        journal = new ActivityJournal(home.clusterDir(CLUSTER), JournalOptions.DEFAULTS);
    }

    @Test
    void followPrintsWhatAnotherProcessAppendsAsRawEventsUntilCtrlC() throws Exception {
        journal.append("before", new AguiEvent.Custom("before", SampleRuns.json(Map.of("n", 0)), null));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = new SikifansoProcess(tmp).start(Map.of(), out, err, "-c", CLUSTER, "events", "-f", "-o", "json");
        try {
            awaitFollowing(p, out, err);
            String run = OperationRun.record(journal, CLUSTER, new OperationRun.Caller("mcp", "claude"), "app_enable",
                    SampleRuns.json(Map.of("names", List.of("qdrant"))),
                    Optional.of(SampleRuns.json(Map.of("enabled", List.of("qdrant")))), Optional.empty(),
                    Duration.ofMillis(5), Optional.of("abc1234"));
            awaitOutput(p, out, err, text -> text.contains("RUN_FINISHED"));

            int code = interrupt(p);

            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            assertThat(code).as(Files.readString(err)).isEqualTo(130);
            assertThat(lines).as("history before -f started is not repeated").noneMatch(l -> l.contains("before"));
            List<AguiEvent> runEvents = lines.stream().filter(l -> !l.contains("\"name\":\"ping\""))
                    .map(AguiJson::read).toList();
            assertThat(runEvents).extracting(e -> e.eventType().name()).containsExactly("RUN_STARTED",
                    "TOOL_CALL_START", "TOOL_CALL_ARGS", "TOOL_CALL_END", "TOOL_CALL_RESULT", "RUN_FINISHED");
            assertThat(((AguiEvent.RunStarted) runEvents.get(0)).runId()).isEqualTo(run);
            JsonNode checked = new NodeAguiCheck().stream("followed", runEvents).run().at("/streams/0");
            assertThat(checked.path("schemaErrors")).as(checked.toPrettyString()).isEmpty();
            assertThat(checked.path("verifyError").isNull()).as(checked.toPrettyString()).isTrue();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void followWithSinceShowsRecentHistoryThenNewEventsAsPlainLinesWhenPiped() throws Exception {
        OperationRun.record(journal, CLUSTER, new OperationRun.Caller("cli", null), "snapshot_list",
                SampleRuns.json(Map.of()), Optional.of(SampleRuns.json(Map.of("snapshots", List.of()))),
                Optional.empty(), Duration.ofMillis(5), Optional.empty());
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = new SikifansoProcess(tmp).start(Map.of(), out, err, "-c", CLUSTER, "events", "-f", "--since",
                "1h");
        try {
            awaitOutput(p, out, err, text -> text.contains("✔ snapshot_list done"));
            OperationRun.record(journal, CLUSTER, new OperationRun.Caller("cli", null), "app_disable",
                    SampleRuns.json(Map.of("names", List.of("qdrant"))), Optional.empty(),
                    Optional.of("qdrant is not enabled\nTo fix: see `sikifanso app list`"), Duration.ofMillis(5),
                    Optional.empty());
            awaitOutput(p, out, err, text -> text.contains("fix: see"));

            int code = interrupt(p);

            String text = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(code).isEqualTo(130);
            assertThat(text).doesNotContain("\u001b[").doesNotContain("\r")
                    .contains("▶ snapshot_list from cli on lab", "▶ app_disable from cli on lab",
                            "✘ app_disable failed: qdrant is not enabled", "  fix: see `sikifanso app list`");
        } finally {
            p.destroyForcibly();
        }
    }

    /** Appends pings until one is printed: from then on -f is reading the journal. */
    private void awaitFollowing(Process p, Path out, Path err) throws Exception {
        for (int i = 0; !Files.readString(out).contains("\"ping\""); i++) {
            journal.append("ping", new AguiEvent.Custom("ping", SampleRuns.json(Map.of("n", i)), null));
            awaitOutput(p, out, err, text -> text.contains("\"ping\""), Duration.ofMillis(300));
        }
    }

    static void awaitOutput(Process p, Path out, Path err, Predicate<String> done) throws Exception {
        if (!awaitOutput(p, out, err, done, Duration.ofSeconds(60))) {
            throw new AssertionError("events -f never printed what was expected:\n" + Files.readString(out)
                    + "\n--- stderr\n" + Files.readString(err));
        }
    }

    private static boolean awaitOutput(Process p, Path out, Path err, Predicate<String> done, Duration limit)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.test(Files.readString(out, StandardCharsets.UTF_8))) {
                return true;
            }
            if (!p.isAlive()) {
                throw new AssertionError("events -f ended (exit " + p.exitValue() + "):\n" + Files.readString(err));
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Ctrl-C: SIGINT to the process, and its exit code. */
    static int interrupt(Process p) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).inheritIO().start().waitFor();
        if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("events -f did not stop on SIGINT");
        }
        return p.exitValue();
    }
}

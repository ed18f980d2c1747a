package com.sikifanso.agui.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiEvent.Role;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.AguiRun;
import com.sikifanso.agui.SampleRuns;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.agui.journal.OperationRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventRendererTest {
    private static final String ESC = "\u001b[";
    private static final OperationRun.Caller CLI = new OperationRun.Caller("cli", null);

    /** Renders {@code events} into text, as {@code events} does into stdout. */
    private static String rendered(boolean terminal, boolean color, Consumer<EventRenderer> events) {
        StringWriter text = new StringWriter();
        try (EventRenderer renderer = new EventRenderer(new PrintWriter(text), terminal, color)) {
            events.accept(renderer);
        }
        return text.toString();
    }

    private static String renderedEvents(boolean terminal, boolean color, List<AguiEvent> events) {
        return rendered(terminal, color, r -> events.forEach(r::render));
    }

    private static String clock(long millis) {
        return DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault())
                .format(Instant.ofEpochMilli(millis));
    }

    @Test
    void pipedEveryEventTypeIsPlainLinesWithTheEventsTime() {
        String text = renderedEvents(false, false, SampleRuns.everyEventType());

        assertThat(text).doesNotContain(ESC).doesNotContain("\r");
        String t = clock(SampleRuns.MILLIS) + " ";
        assertThat(text.lines()).allSatisfy(line -> assertThat(line).startsWith(t));
        assertThat(text.lines().map(line -> line.substring(t.length()))).containsSubsequence(
                "▶ run run-all from cli (test) on lab1",
                "  → pull",
                "  ✓ pull (0 ms)",
                "  assistant: Enabling qdrant",
                "  assistant: streamed text",
                "  tool app_enable (0 ms)",
                "    args   {\"names\":[\"qdrant\"]}",
                "    result enabled=[qdrant] commit=abc1234",
                "  ⋯ reasoned (26 characters, collapsed)",
                "  messages snapshot: 3 messages",
                "  custom sikifanso.commit: {\"sha\":\"abc1234\"}",
                "  ⤷ subagent helper — looks things up",
                "  ⤶ subagent done: found=true",
                "  ⤶ subagent failed: no route [E_NET]",
                "  tool app_list",
                "    args   {\"all\":true}",
                "    result (no result)",
                "  ⋯ reasoned (15 characters, collapsed)",
                "✔ run run-all done: ok=true",
                "▶ run run-err from cli (test) on lab1",
                "  → preflight",
                "  ✘ preflight (unfinished)",
                "✘ run run-err failed: docker is not running [PREFLIGHT]");
        assertThat(text).as("reasoning is collapsed, never shown").doesNotContain("qdrant has no dependencies")
                .doesNotContain("opaque-blob").contains("  raw argocd: {\"");
        // SampleRuns builds these with Map.of, whose order differs from one JVM to the next.
        assertThat(text).containsPattern("  state (apps: 1 · nodes: 1|nodes: 1 · apps: 1)\n");
        assertThat(text).contains("  state apps/qdrant/sync: OutOfSync → Synced\n",
                "  state apps/qdrant/health: + Healthy\n", "  state nodes: 1 → 2\n");
        assertThat(text.lines().filter(l -> l.contains("  … pull: "))).hasSize(3)
                .anySatisfy(l -> assertThat(l).contains("bytes=1024", "done=true"))
                .anySatisfy(l -> assertThat(l).contains("bytes=2048", "image=k3s").doesNotContain("done"));
    }

    @Test
    void colourWithoutATerminalPaintsButNeverRedraws() {
        String text = renderedEvents(false, true, SampleRuns.everyEventType());

        assertThat(text).contains(ESC + "32m✔ run run-all done" + ESC + "0m")
                .contains(ESC + "31m✘ run run-err failed: docker is not running" + ESC + "0m")
                .contains(ESC + "36mapp_enable" + ESC + "0m")
                .doesNotContain("\r").doesNotContain(ESC + "K");
    }

    @Test
    void onATerminalARunningStepSpinsOnTheStatusLineAndStaysBehindWhenDone() {
        List<AguiEvent> events = new java.util.ArrayList<>();
        AguiRun run = SampleRuns.start("run-t", events::add);
        AguiRun.Step pull = run.step("pull images");
        run.activity("pull", SampleRuns.object(Map.of("bytes", 1024)));
        List<AguiEvent> running = List.copyOf(events);
        pull.finish();
        run.finish();

        String whileRunning = renderedEvents(true, false, running);
        assertThat(whileRunning).as("the step is on the status line, redrawn in place, not a line of its own")
                .containsPattern("\r" + java.util.regex.Pattern.quote(ESC) + "K[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] pull images \\(")
                .contains(" · pull: bytes=1024")
                .doesNotContain("→ pull images").doesNotContain("… pull:");

        String done = renderedEvents(true, false, events);
        String clear = "\r" + java.util.regex.Pattern.quote(ESC) + "K";
        String plain = done.replaceAll(clear + "[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏][^\r\n]*", "").replaceAll(clear, "");
        assertThat(plain.lines().filter(l -> !l.isEmpty()).map(l -> l.substring(9))).containsExactly(
                "▶ run run-t from cli (test) on lab1",
                "  ✓ pull images (0 ms)", "✔ run run-t done");
    }

    @Test
    void interleavedRunsKeepTheirOwnTextAndToolCalls() {
        long t0 = SampleRuns.MILLIS;
        List<JournalEntry> entries = List.of(
                entry(1, "run-aaaa1", new AguiEvent.RunStarted("lab1", "run-aaaa1", null, null, null, t0)),
                entry(2, "run-bbbb2", new AguiEvent.RunStarted("lab1", "run-bbbb2", null, null, null, t0)),
                entry(3, "run-aaaa1", new AguiEvent.ToolCallStart("tc-a", "app_status", null, t0)),
                entry(4, "run-bbbb2", new AguiEvent.ToolCallStart("tc-b", "doctor", null, t0 + 100)),
                entry(5, "run-aaaa1", new AguiEvent.ToolCallArgs("tc-a", "{\"name\":", t0)),
                entry(6, "run-bbbb2", new AguiEvent.ToolCallArgs("tc-b", "{}", t0)),
                entry(7, "run-aaaa1", new AguiEvent.ToolCallArgs("tc-a", "\"qdrant\"}", t0)),
                entry(8, "run-aaaa1", new AguiEvent.TextMessageStart("m-a", Role.assistant, null, t0)),
                entry(9, "run-aaaa1", new AguiEvent.TextMessageContent("m-a", "Hello ", t0)),
                entry(10, "run-aaaa1", new AguiEvent.TextMessageContent("m-a", "there", t0)),
                entry(11, "run-bbbb2", new AguiEvent.TextMessageChunk("m-b", Role.user, "Other", null, t0)),
                entry(12, "run-aaaa1", new AguiEvent.TextMessageContent("m-a", ", again", t0)),
                entry(13, "run-aaaa1", new AguiEvent.TextMessageEnd("m-a", t0)),
                entry(14, "run-bbbb2", new AguiEvent.ToolCallResult("r-b", "tc-b", "all checks pass", "tool",
                        t0 + 2600)),
                entry(15, "run-aaaa1", new AguiEvent.ToolCallResult("r-a", "tc-a", "{\"health\":\"Healthy\"}", null,
                        t0 + 1500)),
                entry(16, "run-aaaa1", new AguiEvent.RunFinished("lab1", "run-aaaa1", null, null, null, t0)),
                entry(17, "run-bbbb2", new AguiEvent.RunError("boom", null, t0)));

        String text = rendered(false, false, r -> entries.forEach(r::render));

        String t = clock(t0) + " ";
        assertThat(text.lines()).containsExactly(
                t + "#1 run-aaaa ▶ run run-aaaa on lab1",
                t + "#2 run-bbbb ▶ run run-bbbb on lab1",
                t + "#9 run-aaaa   assistant: Hello there",
                t + "#11 run-bbbb   user: Other",
                t + "#12 run-aaaa   assistant: , again",
                clock(t0 + 2600) + " #14 run-bbbb   tool doctor (2.5s)",
                clock(t0 + 2600) + " #14 run-bbbb     args   {}",
                clock(t0 + 2600) + " #14 run-bbbb     result all checks pass",
                clock(t0 + 1500) + " #15 run-aaaa   tool app_status (1.5s)",
                clock(t0 + 1500) + " #15 run-aaaa     args   {\"name\":\"qdrant\"}",
                clock(t0 + 1500) + " #15 run-aaaa     result health=Healthy",
                t + "#16 run-aaaa ✔ run run-aaaa done",
                t + "#17 run-bbbb ✘ run run-bbbb failed: boom");
    }

    @Test
    void anOperationsRunShowsItsCallerCallDurationCommitAndTheFixOfAFailure(@TempDir Path dir) {
        ActivityJournal journal = new ActivityJournal(dir, JournalOptions.DEFAULTS);
        OperationRun.record(journal, "lab1", CLI, "app_enable", SampleRuns.json(Map.of("names", List.of("qdrant"))),
                Optional.of(SampleRuns.json(Map.of("enabled", List.of("qdrant")))), Optional.empty(),
                Duration.ofMillis(1412), Optional.of("abc1234"));
        OperationRun.record(journal, "lab1", new OperationRun.Caller("mcp", "claude"), "app_enable",
                SampleRuns.json(Map.of("names", List.of("nope"))), Optional.empty(),
                Optional.of("no app named nope in the catalog\nTo fix: see `sikifanso app list --all`"),
                Duration.ofMillis(3), Optional.empty());

        String text = rendered(false, false, r -> journal.readSince(0).forEach(r::render));

        assertThat(text.lines().map(l -> l.replaceFirst("^\\d\\d:\\d\\d:\\d\\d #\\d+ \\S+ ", ""))).containsExactly(
                "▶ app_enable from cli on lab1",
                "  tool app_enable (1.4s)",
                "    args   {\"names\":[\"qdrant\"]}",
                "    result enabled=[qdrant]",
                "✔ app_enable done in 1.4s · commit abc1234",
                "▶ app_enable from mcp (claude) on lab1",
                "  tool app_enable",
                "    args   {\"names\":[\"nope\"]}",
                "    result (no result)",
                "✘ app_enable failed: no app named nope in the catalog",
                "  fix: see `sikifanso app list --all`");
    }

    @Test
    void stateChangesShowAsShortDiffsAgainstTheLastStateOfTheCluster() {
        JsonNode progressing = SampleRuns.json(Map.of("apps", Map.of("langfuse", Map.of("health", "Progressing"))));
        JsonNode healthy = SampleRuns.json(Map.of("apps", Map.of("langfuse", Map.of("health", "Healthy")),
                "nodes", 1));
        List<AguiEvent> events = List.of(
                new AguiEvent.RunStarted("lab1", "feed-1", null, null, null, null),
                new AguiEvent.StateSnapshot(progressing, null),
                new AguiEvent.RunFinished("lab1", "feed-1", null, null, null, null),
                new AguiEvent.RunStarted("lab1", "feed-2", null, null, null, null),
                new AguiEvent.StateSnapshot(healthy, null),
                new AguiEvent.StateDelta((com.fasterxml.jackson.databind.node.ArrayNode) AguiJson.MAPPER.valueToTree(
                        List.of(Map.of("op", "remove", "path", "/apps/langfuse"),
                                Map.of("op", "add", "path", "/apps/qdrant", "value", Map.of("health", "Healthy")))),
                        null),
                new AguiEvent.RunFinished("lab1", "feed-2", null, null, null, null));

        String text = renderedEvents(false, false, events);

        assertThat(text.lines().filter(l -> l.contains("state"))).containsExactly(
                "  state apps: 1",
                "  state apps/langfuse/health: Progressing → Healthy",
                "  state nodes: + 1",
                "  state apps/langfuse: removed (was {\"health\":\"Healthy\"})",
                "  state apps/qdrant: + {\"health\":\"Healthy\"}");
    }

    @Test
    void aDeltaWithNoSnapshotBeforeItStillShowsTheNewValues() {
        String text = renderedEvents(false, false, List.of(new AguiEvent.StateDelta(
                (com.fasterxml.jackson.databind.node.ArrayNode) AguiJson.MAPPER.valueToTree(List.of(Map.of(
                        "op", "replace", "path", "/apps/langfuse/sync", "value", "Synced"))), null)));

        assertThat(text).isEqualTo("  state apps/langfuse/sync: → Synced\n");
    }

    private static JournalEntry entry(long seq, String runId, AguiEvent event) {
        return new JournalEntry(seq, Instant.ofEpochMilli(event.timestamp()), runId, event);
    }
}

package com.sikifanso.agui.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.JsonPatches;
import com.sikifanso.agui.RunOutcome;
import com.sikifanso.agui.journal.JournalEntry;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * AG-UI events as terminal text, for {@code events}, {@code agent watch} and whatever else streams a run: text
 * messages streamed into one line as their chunks arrive, tool calls as compact panels (name, arguments, result
 * summary, duration), run start, finish and error lines, steps (a spinner on a terminal, plain lines elsewhere),
 * activities as a progress line, state changes as short diffs, reasoning collapsed to one line, raw and custom
 * events as one line each. Several runs may interleave in one stream: what is open is kept per run, tool call and
 * message. Colour only when asked ({@code color}); in-place redrawing only on a {@code terminal}. Thread-safe.
 */
public final class EventRenderer implements AutoCloseable {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final String INDENT = "  ";

    private final boolean terminal;
    private final boolean color;
    private final StreamScreen screen;
    private final Map<String, RunView> runs = new LinkedHashMap<>();
    private final Map<String, ToolCallView> toolCalls = new HashMap<>();
    private final Map<String, MessageView> messages = new HashMap<>();
    /** The last whole state seen per thread (cluster), so a new snapshot shows as what changed. */
    private final Map<String, JsonNode> threadStates = new HashMap<>();
    private String currentRun = "";
    private String prefix = "";
    private long now;

    public EventRenderer(PrintWriter out, boolean terminal, boolean color) {
        this.terminal = terminal;
        this.color = color;
        this.screen = new StreamScreen(out, terminal, this, this::status);
    }

    /** Renders an event of one stream (an agent's own); its timestamp, when present, leads its lines. */
    public synchronized void render(AguiEvent event) {
        if (event instanceof AguiEvent.RunStarted started && started.runId() != null) {
            currentRun = started.runId();
        }
        now = event.timestamp() != null ? event.timestamp() : System.currentTimeMillis();
        prefix = event.timestamp() != null ? dim(clock(event.timestamp())) + " " : "";
        dispatch(currentRun, event);
        screen.refresh();
    }

    /** Renders a journal entry: its time, sequence number and run lead its lines. */
    public synchronized void render(JournalEntry entry) {
        AguiEvent event = entry.event();
        now = event.timestamp() != null ? event.timestamp() : entry.time().toEpochMilli();
        prefix = dim(clock(now) + " #" + entry.sequence() + " " + shortId(entry.runId())) + " ";
        dispatch(entry.runId(), event);
        screen.refresh();
    }

    /** Stops the spinner and ends any open line. */
    @Override
    public synchronized void close() {
        screen.close();
    }

    private void dispatch(String runId, AguiEvent event) {
        RunView run = runs.computeIfAbsent(runId, RunView::new);
        switch (event) {
            case AguiEvent.RunStarted e -> runStarted(run, e);
            case AguiEvent.RunFinished e -> runFinished(run, e);
            case AguiEvent.RunError e -> runError(run, e);
            case AguiEvent.StepStarted e -> stepStarted(run, e.stepName());
            case AguiEvent.StepFinished e -> stepFinished(run, e.stepName());
            case AguiEvent.TextMessageStart e -> messages.put(e.messageId(),
                    new MessageView(run.runId, roleOf(e.role())));
            case AguiEvent.TextMessageContent e -> text(e.messageId(), e.delta());
            case AguiEvent.TextMessageEnd e -> textEnded(e.messageId());
            case AguiEvent.TextMessageChunk e -> textChunk(run, e);
            case AguiEvent.ToolCallStart e -> toolCallStarted(run, e.toolCallId(), e.toolCallName());
            case AguiEvent.ToolCallArgs e -> toolArgs(e.toolCallId(), e.delta());
            case AguiEvent.ToolCallEnd e -> { }
            case AguiEvent.ToolCallChunk e -> toolChunk(run, e);
            case AguiEvent.ToolCallResult e -> toolResult(run, e.toolCallId(), e.content());
            case AguiEvent.StateSnapshot e -> stateSnapshot(run, e.snapshot());
            case AguiEvent.StateDelta e -> stateDelta(run, e);
            case AguiEvent.MessagesSnapshot e -> line(INDENT + dim("messages snapshot: " + e.messages().size()
                    + " message" + (e.messages().size() == 1 ? "" : "s")));
            case AguiEvent.ActivitySnapshot e -> activity(run, e.messageId(), e.activityType(),
                    Boolean.FALSE.equals(e.replace()) && run.activities.containsKey(e.messageId())
                            ? run.activities.get(e.messageId()).content : e.content());
            case AguiEvent.ActivityDelta e -> activityDelta(run, e);
            case AguiEvent.Raw e -> line(INDENT + dim("raw" + (e.source() == null ? "" : " " + e.source()) + ": ")
                    + JsonSummaries.value(e.event(), JsonSummaries.LINE_WIDTH));
            case AguiEvent.Custom e -> line(INDENT + dim("custom " + e.name() + ": ")
                    + JsonSummaries.value(e.value(), JsonSummaries.LINE_WIDTH));
            case AguiEvent.ReasoningStart e -> run.reasoningChars = 0;
            case AguiEvent.ReasoningMessageStart e -> { }
            case AguiEvent.ReasoningMessageContent e -> run.reason(e.delta());
            case AguiEvent.ReasoningMessageChunk e -> run.reason(e.delta());
            case AguiEvent.ReasoningMessageEnd e -> { }
            case AguiEvent.ReasoningEnd e -> reasoningEnded(run);
            case AguiEvent.ReasoningEncryptedValue e -> { }   // opaque by design: nothing a person can read
            case AguiEvent.SubagentStarted e -> line(INDENT + "⤷ subagent " + bold(e.name())
                    + (e.description() == null ? "" : dim(" — " + e.description())));
            case AguiEvent.SubagentFinished e -> line(INDENT + green("⤶ subagent done")
                    + suffix(JsonSummaries.summary(e.result())));
            case AguiEvent.SubagentError e -> line(INDENT + red("⤶ subagent failed: " + e.message())
                    + (e.code() == null ? "" : dim(" [" + e.code() + "]")));
        }
    }

    // ---- runs

    private void runStarted(RunView run, AguiEvent.RunStarted e) {
        run.threadId = e.threadId();
        JsonNode props = e.input() == null ? null : e.input().forwardedProps();
        if (props != null) {
            run.operation = props.path("operation").asText(null);
            run.surface = props.path("surface").asText(null);
            run.caller = props.path("caller").asText(null);
        }
        StringBuilder s = new StringBuilder(bold("▶ " + run.title()));
        if (run.surface != null) {
            s.append(dim(" from " + run.surface + (run.caller == null ? "" : " (" + run.caller + ")")));
        }
        if (e.threadId() != null) {
            s.append(dim(" on " + e.threadId()));
        }
        if (e.parentRunId() != null) {
            s.append(dim(" after run " + shortId(e.parentRunId())));
        }
        line(s.toString());
    }

    private void runFinished(RunView run, AguiEvent.RunFinished e) {
        JsonNode result = e.result();
        Long took = result != null && result.has("durationMs") ? result.path("durationMs").asLong() : null;
        if (run.operation == null && result != null && result.hasNonNull("operation")) {
            run.operation = result.path("operation").asText();   // its start came before what is shown
        }
        endRun(run, false, took);
        StringBuilder s = new StringBuilder(green("✔ " + run.title() + " done"));
        if (took != null) {
            s.append(" in ").append(duration(took));
        }
        if (result != null && result.hasNonNull("commit")) {
            s.append(dim(" · commit ")).append(result.path("commit").asText());
        }
        if (result != null && !result.has("operation")) {
            s.append(suffix(JsonSummaries.summary(result)));
        }
        switch (e.outcome()) {
            case RunOutcome.Interrupted i -> s.append(yellow(" (interrupted: " + i.interrupts().size()
                    + " waiting for an answer)"));
            case RunOutcome.Cancelled c -> s.append(yellow(" (cancelled)"));
            case null, default -> { }
        }
        line(s.toString());
    }

    private void runError(RunView run, AguiEvent.RunError e) {
        endRun(run, true, null);
        String[] parts = String.valueOf(e.message()).split("\nTo fix: ", 2);
        line(red("✘ " + run.title() + " failed: " + parts[0].strip().replace("\n", "\n" + INDENT))
                + (e.code() == null ? "" : dim(" [" + e.code() + "]")));
        if (parts.length > 1) {
            line(INDENT + yellow("fix: ") + parts[1].strip().replace("\n", "\n" + INDENT));
        }
    }

    /**
     * What a run leaves open ends with it: unfinished steps, reasoning, and tool calls, the operation's own with its
     * result and the run's measured duration ({@code tookMillis}, null when unknown).
     */
    private void endRun(RunView run, boolean failed, Long tookMillis) {
        if (failed) {
            run.steps.keySet().forEach(step -> line(INDENT + red("✘ " + step) + dim(" (unfinished)")));
        }
        run.steps.clear();
        run.activities.clear();
        idsOfRun(toolCalls, c -> c.runId, run.runId).forEach(id -> {
            ToolCallView call = toolCalls.remove(id);
            boolean measured = call.result != null && tookMillis != null;
            toolPanel(call, call.result, measured ? tookMillis : now - call.startMillis);
        });
        reasoningEnded(run);
        idsOfRun(messages, MessageView::runId, run.runId).forEach(this::textEnded);
        runs.remove(run.runId);
    }

    private static <V> List<String> idsOfRun(Map<String, V> open, Function<V, String> runOf, String runId) {
        List<String> ids = new ArrayList<>();
        open.forEach((id, v) -> {
            if (runOf.apply(v).equals(runId)) {
                ids.add(id);
            }
        });
        return ids;
    }

    // ---- steps and activities

    private void stepStarted(RunView run, String step) {
        run.steps.put(step, now);
        if (!terminal) {
            line(INDENT + "→ " + step);
        }
    }

    private void stepFinished(RunView run, String step) {
        Long started = run.steps.remove(step);
        line(INDENT + green("✓ ") + step + (started == null ? "" : dim(" (" + duration(now - started) + ")")));
    }

    private void activityDelta(RunView run, AguiEvent.ActivityDelta e) {
        Activity known = run.activities.get(e.messageId());
        JsonNode content;
        try {
            content = known == null ? null : JsonPatches.apply(e.patch(), known.content);
        } catch (RuntimeException ex) {
            content = null;
        }
        if (content instanceof ObjectNode object) {
            activity(run, e.messageId(), e.activityType(), object);
        } else {
            line(INDENT + dim(e.activityType() + ": ") + JsonSummaries.value(e.patch(), JsonSummaries.LINE_WIDTH));
        }
    }

    /** On a terminal the status line shows the latest progress; elsewhere each change is a line. */
    private void activity(RunView run, String messageId, String type, ObjectNode content) {
        Activity next = new Activity(type, content, JsonSummaries.summary(content));
        Activity last = run.activities.put(messageId, next);
        if (!terminal && (last == null || !last.summary.equals(next.summary))) {
            line(INDENT + dim("… " + type + ": ") + next.summary);
        }
    }

    /** The status line: the latest running step of any run, with its time and progress, and how many more run. */
    private String status() {
        RunView latest = null;
        String step = null;
        long since = Long.MAX_VALUE;
        int running = 0;
        for (RunView run : runs.values()) {
            for (Map.Entry<String, Long> s : run.steps.entrySet()) {
                running++;
                if (latest == null || s.getValue() >= since) {
                    latest = run;
                    step = s.getKey();
                    since = s.getValue();
                }
            }
        }
        if (latest == null) {
            return null;
        }
        StringBuilder s = new StringBuilder(step).append(" (")
                .append(duration(Math.max(0, System.currentTimeMillis() - since))).append(")");
        latest.activities.values().stream().reduce((a, b) -> b)
                .ifPresent(a -> s.append(" · ").append(a.type).append(": ").append(a.summary));
        if (running > 1) {
            s.append(" +").append(running - 1).append(" more");
        }
        return s.toString();
    }

    // ---- text

    private void text(String messageId, String delta) {
        MessageView message = messages.get(messageId);
        String role = message == null ? "assistant" : message.role();
        screen.stream(messageId, prefix + INDENT + cyan(role + ": "), delta == null ? "" : delta,
                INDENT + INDENT + "  ");
    }

    private void textChunk(RunView run, AguiEvent.TextMessageChunk e) {
        String id = e.messageId() != null ? e.messageId() : run.lastChunkMessage;
        if (id == null) {
            id = run.runId + "/text";
        }
        run.lastChunkMessage = id;
        if (e.role() != null || !messages.containsKey(id)) {
            messages.put(id, new MessageView(run.runId, roleOf(e.role())));
        }
        text(id, e.delta());
    }

    private void textEnded(String messageId) {
        messages.remove(messageId);
        screen.endLine(messageId);
    }

    private static String roleOf(AguiEvent.Role role) {
        return role == null ? "assistant" : role.name();
    }

    // ---- tool calls

    private void toolCallStarted(RunView run, String id, String name) {
        toolCalls.put(id, new ToolCallView(run.runId, name, now));
    }

    private void toolArgs(String id, String delta) {
        ToolCallView call = toolCalls.get(id);
        if (call != null && delta != null) {
            call.args.append(delta);
        }
    }

    private void toolChunk(RunView run, AguiEvent.ToolCallChunk e) {
        String id = e.toolCallId() != null ? e.toolCallId() : run.lastChunkTool;
        if (id == null) {
            return;
        }
        run.lastChunkTool = id;
        if (!toolCalls.containsKey(id)) {
            toolCallStarted(run, id, e.toolCallName() == null ? "tool" : e.toolCallName());
        }
        toolArgs(id, e.delta());
    }

    private void toolResult(RunView run, String id, String content) {
        ToolCallView call = toolCalls.get(id);
        String result = content == null ? "" : content;
        if (call != null && call.name.equals(run.operation)) {
            // An operation's run is journalled in one batch, so its events' times say nothing of how long it took;
            // RUN_FINISHED carries the measured duration: the panel waits for it.
            call.result = result;
            return;
        }
        toolCalls.remove(id);
        if (call == null) {   // its start came before what is shown (--since, a limit): no name, no duration
            toolPanel(new ToolCallView(run.runId, "call " + shortId(id), now), result, -1);
            return;
        }
        toolPanel(call, result, now - call.startMillis);
    }

    /** The call as a compact panel: name and duration, arguments, result (or that none came). */
    private void toolPanel(ToolCallView call, String result, long tookMillis) {
        String top = terminal ? "┌ " : "";
        String mid = terminal ? "│ " : INDENT;
        String bottom = terminal ? "└ " : INDENT;
        String took = result == null || tookMillis < 0 ? "" : dim(" (" + duration(tookMillis) + ")");
        line(INDENT + top + "tool " + cyan(call.name) + took);
        String args = call.args.isEmpty() ? "" : JsonSummaries.arguments(call.args.toString());
        if (!args.isEmpty()) {
            line(INDENT + mid + dim("args   ") + args);
        }
        String summary = result == null ? dim("(no result)") : JsonSummaries.summary(result);
        line(INDENT + bottom + dim("result ") + (summary.isEmpty() ? dim("(empty)") : summary));
    }

    // ---- state

    private void stateSnapshot(RunView run, JsonNode snapshot) {
        run.state = snapshot;
        JsonNode previous = threadStates.put(run.thread(), snapshot);
        if (previous == null) {
            line(INDENT + yellow("state ") + JsonSummaries.stateOutline(snapshot));
            return;
        }
        List<String> changes = JsonSummaries.diff(previous, JsonPatches.diff(previous, snapshot)).lines();
        if (changes.isEmpty()) {
            line(INDENT + yellow("state ") + dim("unchanged"));
        }
        changes.forEach(c -> line(INDENT + yellow("state ") + c));
    }

    private void stateDelta(RunView run, AguiEvent.StateDelta e) {
        JsonSummaries.Diff diff = JsonSummaries.diff(run.state, e.delta());
        run.state = diff.after();
        if (diff.after() != null) {
            threadStates.put(run.thread(), diff.after());
        }
        diff.lines().forEach(c -> line(INDENT + yellow("state ") + c));
    }

    // ---- reasoning: one line when it ends, never its text

    private void reasoningEnded(RunView run) {
        if (run.reasoningChars >= 0) {
            line(INDENT + dim("⋯ reasoned (" + run.reasoningChars + " characters, collapsed)"));
            run.reasoningChars = -1;
        }
    }

    // ---- lines and colours

    private void line(String text) {
        screen.line(prefix + text);
    }

    private static String suffix(String summary) {
        return summary.isEmpty() ? "" : ": " + summary;
    }

    private static String clock(long epochMillis) {
        return CLOCK.format(Instant.ofEpochMilli(epochMillis));
    }

    static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        return (millis / 60_000) + "m" + String.format(Locale.ROOT, "%02d", (millis / 1000) % 60) + "s";
    }

    private static String shortId(String id) {
        return id == null ? "-" : id.length() <= 8 ? id : id.substring(0, 8);
    }

    private String dim(String s) {
        return paint("2", s);
    }

    private String bold(String s) {
        return paint("1", s);
    }

    private String green(String s) {
        return paint("32", s);
    }

    private String red(String s) {
        return paint("31", s);
    }

    private String yellow(String s) {
        return paint("33", s);
    }

    private String cyan(String s) {
        return paint("36", s);
    }

    private String paint(String code, String s) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    // ---- what is kept per run, message and tool call

    private static final class RunView {
        final String runId;
        final Map<String, Long> steps = new LinkedHashMap<>();
        final Map<String, Activity> activities = new LinkedHashMap<>();
        String threadId;
        String operation;
        String surface;
        String caller;
        JsonNode state;
        String lastChunkMessage;
        String lastChunkTool;
        /** Characters of reasoning since it began, -1 when none is open. */
        int reasoningChars = -1;

        RunView(String runId) {
            this.runId = runId;
        }

        void reason(String delta) {
            reasoningChars = Math.max(reasoningChars, 0) + (delta == null ? 0 : delta.length());
        }

        String title() {
            return operation != null ? operation : "run " + shortId(runId);
        }

        /** State belongs to the thread (the cluster) when the run said which; else to the run alone. */
        String thread() {
            return threadId != null ? threadId : "run:" + runId;
        }
    }

    private record MessageView(String runId, String role) {
    }

    private record Activity(String type, ObjectNode content, String summary) {
    }

    private static final class ToolCallView {
        final String runId;
        final String name;
        final long startMillis;
        final StringBuilder args = new StringBuilder();
        String result;

        ToolCallView(String runId, String name, long startMillis) {
            this.runId = runId;
            this.name = name;
            this.startMillis = startMillis;
        }
    }
}

package com.sikifanso.ops;

import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.ClusterJournals;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.agui.journal.JournalQueries;
import com.sikifanso.agui.journal.JournalWindow;
import com.sikifanso.agui.render.EventRenderer;
import com.sikifanso.core.TextStyle;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * The cluster's activity journal, read: what every surface did to it, as the AG-UI events it was recorded as
 * (already redacted when written). Following it live ({@code sikifanso events -f}) is CLI-only streaming on top of
 * the journal, not an operation: a stream has no one result to return, record or render.
 */
public final class EventsOps {
    /** More than this many events would swamp a model's context; narrow with since or run instead. */
    static final int MAX_LIMIT = 5000;

    private EventsOps() {
    }

    public record EventsInput(
            @Param(Param.CLUSTER) String cluster,
            @Param(value = "Only events since then: a duration back from now (30s, 10m, 1h) or an RFC 3339 time",
                    optional = true) String since,
            @Param(value = "Only the events of this run: its id, or the start of it", optional = true) String run,
            @Param(value = "Most recent events to return", defaultValue = "200", max = MAX_LIMIT) int limit)
            implements ClusterScoped {
    }

    /** One event as the journal keeps it; {@code event} is the AG-UI event object as {@code @ag-ui/core} reads it. */
    public record JournalLine(long sequence, Instant time, String runId, JsonNode event) {
        public static JournalLine of(JournalEntry e) {
            return new JournalLine(e.sequence(), e.time(), e.runId(), AguiJson.tree(e.event()));
        }

        JournalEntry entry() {
            return new JournalEntry(sequence, time, runId, AguiJson.read(event));
        }
    }

    /**
     * @param recorded whether anything was ever journalled for the cluster
     * @param omitted how many earlier events in the window were left out to keep within the limit
     */
    public record ActivityList(String cluster, boolean recorded, List<JournalLine> events, long omitted) {
    }

    public static final Operation<EventsInput, ActivityList> LIST = Operation.of("events_list",
            "Recent activity on a cluster as AG-UI events, oldest first: each operation any surface ran (who "
                    + "called, arguments, result or error with its fix), steps, progress, state changes; secrets "
                    + "redacted. Narrow with since or run.",
            Toolset.cluster, Safety.READ, EventsInput.class, ActivityList.class,
            (in, ctx) -> list(new ClusterJournals(ctx.services().sessions(), JournalOptions.DEFAULTS), in),
            EventsOps::text);

    static List<Operation<?, ?>> all() {
        return List.of(LIST);
    }

    static ActivityList list(ClusterJournals journals, EventsInput in) {
        ActivityJournal journal = journals.of(in.clusterName());
        Instant from = in.since() == null ? null : JournalWindow.start(in.since(), Instant.now())
                .orElseThrow(() -> new InvalidArguments("since \"" + in.since() + "\" is not "
                        + JournalWindow.FORMS));
        if (!ClusterJournals.written(journal)) {
            return new ActivityList(in.cluster(), false, List.of(), 0);
        }
        String run = in.run() == null ? null : JournalQueries.run(journal, in.cluster(), in.run());
        Predicate<JournalEntry> wanted = e -> (from == null || !e.time().isBefore(from))
                && (run == null || e.runId().equals(run));
        JournalQueries.Excerpt excerpt = JournalQueries.last(journal, wanted,
                Math.max(1, Math.min(in.limit(), MAX_LIMIT)));
        return new ActivityList(in.cluster(), true, excerpt.entries().stream().map(JournalLine::of).toList(),
                excerpt.omitted());
    }

    /** The events as the terminal renderer draws them, as plain lines (coloured when the style is). */
    static String text(ActivityList list, TextStyle style) {
        if (!list.recorded()) {
            return notYetRecorded(list.cluster());   // following is the terminal's: no tool streams
        }
        StringWriter text = new StringWriter();
        if (list.omitted() > 0) {
            text.append(omitted(list.omitted(), style)).append('\n');
        }
        boolean color = !style.bold("x").equals("x");
        try (EventRenderer renderer = new EventRenderer(new PrintWriter(text), false, color)) {
            list.events().forEach(line -> renderer.render(line.entry()));
        }
        if (list.events().isEmpty()) {
            text.append("No events in that window.\n");
        }
        return text.toString();
    }

    public static String notYetRecorded(String cluster) {
        return "No activity recorded for cluster \"" + cluster + "\" yet: every operation on it (from the CLI, MCP or "
                + "the dashboard) appears here as it runs; follow them live with: sikifanso events -f";
    }

    public static String omitted(long count) {
        return omitted(count, TextStyle.PLAIN);
    }

    /** How to see the events left out, in the reader's words ({@code --since}, or {@code since} for a model). */
    static String omitted(long count, TextStyle style) {
        Suggestion events = Suggestion.of("events").tool("events_list");
        return style.hint("… " + count + " earlier event" + (count == 1 ? "" : "s") + " left out: narrow with ",
                events.option("since", "10m").mentionFlag(), " or ", events.option("run", "RUN").mentionFlag(),
                ", or raise ", events.option("limit", MAX_LIMIT).mentionFlag(), " (at most " + MAX_LIMIT + ")");
    }
}

package com.sikifanso.cli;

import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.ClusterJournals;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.agui.state.ClusterStateFeed;
import com.sikifanso.agui.journal.JournalQueries;
import com.sikifanso.agui.journal.JournalTail;
import com.sikifanso.agui.journal.JournalWindow;
import com.sikifanso.agui.render.EventRenderer;
import com.sikifanso.cli.render.OutputFormat;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.ops.EventsOps;
import com.sikifanso.ops.Invocations;
import com.sikifanso.ops.StructuredResults;
import com.sikifanso.ops.Surface;
import com.sikifanso.ops.WaitPolicy;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "events", description = {
    "Show what happened on a cluster, as its activity journal recorded it.",
    "",
    "Every operation run on the cluster from the CLI, MCP or the dashboard is recorded as AG-UI",
    "events (secrets redacted).",
    "Runs show who started them, the operation as a tool call with its arguments and result,",
    "its steps and progress, state changes, and how it ended (with the fix when it failed).",
    "",
    "Without -f: the journal's events, oldest first (the last --limit of them).",
    "With -f: new events as they are recorded, until Ctrl-C, like docker events; add --since",
    "to start with recent history.",
    "",
    "-o json prints the raw AG-UI events, one per line (JSON Lines), exactly the objects",
    "@ag-ui/core's schemas describe, for other tools to consume. For each event's journal",
    "sequence number, time and run id too, use -o yaml (the events_list MCP tool's result)."},
        footer = {"", "Examples:",
            "  sikifanso events                          everything recorded on the cluster",
            "  sikifanso events --since 10m              the last ten minutes",
            "  sikifanso events --since 2026-11-30T07:00:00Z --cluster lab",
            "  sikifanso events --run 3f2a9c1b           one run (an id, or its first characters as shown)",
            "  sikifanso events -f                       follow live, until Ctrl-C",
            "  sikifanso events -f -o json | jq -c 'select(.type == \"RUN_ERROR\")'",
            "",
            "Each line starts with the time, the journal's sequence number and the run's short id."})
final class EventsCommand extends BaseCommand {
    /** How long one wait for new events lasts before the follow loop looks again. */
    private static final Duration POLL = Duration.ofSeconds(1);

    @Option(names = {"-f", "--follow"}, description = "Keep printing events as they are recorded, until Ctrl-C.")
    boolean follow;

    @Option(names = "--state", description = "With -f: also keep the cluster's state (apps' sync and health, agents, "
            + "nodes, the doctor's verdicts) flowing as STATE_SNAPSHOT then STATE_DELTA while following; one follower "
            + "at a time feeds it, read from the API server.")
    boolean state;

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Only events since then: a duration back from now (30s, 10m, 1h30m) or an RFC 3339 time.")
    String since;

    @Option(names = "--run", paramLabel = "ID", completionCandidates = Candidates.Runs.class,
            description = "Only the events of this run: its id, or the first characters of it.")
    String run;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "Without -f, at most the last N events (default: ${DEFAULT-VALUE}, at most 5000).")
    int limit;

    @Override
    int run() {
        Instant from = since == null ? null : JournalWindow.start(since, Instant.now()).orElseThrow(() ->
                SikifansoException.usage("--since \"" + since + "\" is not " + JournalWindow.FORMS,
                        "e.g. --since 10m"));
        if (limit < 1 || limit > 5000) {
            throw SikifansoException.usage("--limit must be between 1 and 5000, not " + limit,
                    "narrow with --since or --run, or follow everything with -f --since");
        }
        if (state && !follow) {
            throw SikifansoException.usage("--state only works with -f: the state is fed while someone follows",
                    "sikifanso events -f --state");
        }
        return follow ? follow(from) : list();
    }

    /** The journal read once: the events_list operation, the same for the CLI and MCP. */
    private int list() {
        EventsOps.EventsInput input = new EventsOps.EventsInput(cluster(), since, run, limit);
        services().invocations().invoke(EventsOps.LIST, input, new Invocations.Caller(Surface.cli,
                msg -> out().info(msg), WaitPolicy.PROGRAM, result -> print((EventsOps.ActivityList) result)));
        return 0;
    }

    private void print(EventsOps.ActivityList list) {
        if (out().format() != OutputFormat.json) {
            out().result(StructuredResults.of(list), () -> EventsOps.LIST.render(list, out()));
            return;
        }
        if (!list.recorded()) {
            out().info(EventsOps.notYetRecorded(list.cluster()));
        } else if (list.omitted() > 0) {
            out().info(EventsOps.omitted(list.omitted()));
        }
        PrintWriter stdout = stdout();
        list.events().forEach(line -> stdout.println(line.event().toString()));
        stdout.flush();
    }

    /** New events as they are recorded, until Ctrl-C; CLI-only streaming on top of the journal. */
    private int follow(Instant from) {
        ActivityJournal journal = new ClusterJournals(services().sessions(), JournalOptions.DEFAULTS).of(clusterName());
        String runId = run == null ? null : JournalQueries.run(journal, cluster(), run);
        if (!ClusterJournals.written(journal)) {
            out().info(EventsOps.notYetRecorded(cluster()) + "\nWaiting for the first events (Ctrl-C to stop).");
        }
        // History first only when asked for (--since, --run); otherwise, like docker events, from now on.
        long after = from != null || runId != null ? 0 : journal.lastSequence();
        Predicate<JournalEntry> wanted = e -> (from == null || !e.time().isBefore(from))
                && (runId == null || e.runId().equals(runId));
        PrintWriter stdout = stdout();
        EventRenderer renderer = out().format() == OutputFormat.table
                ? new EventRenderer(stdout, root().terminal(), out().color()) : null;
        // Ctrl-C ends the JVM (exit 130) through its shutdown hooks: leave the terminal on a fresh line.
        Thread restore = new Thread(() -> {
            if (renderer != null) {
                renderer.close();
            }
            stdout.flush();
        }, "events-restore");
        Runtime.getRuntime().addShutdownHook(restore);
        // A null resource is skipped at close: the feed runs only with --state.
        try (ClusterStateFeed feed = state ? ClusterStateFeed.whileListening(services(), clusterName()) : null;
             JournalTail tail = journal.follow(after)) {
            while (!stdout.checkError()) {
                for (JournalEntry entry : tail.poll(POLL)) {
                    if (wanted.test(entry)) {
                        print(entry, renderer, stdout);
                    }
                }
                stdout.flush();
            }
            return 0;   // the reader went away (a closed pipe): nothing left to show
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (UncheckedIOException e) {
            throw SikifansoException.failure("cannot read the activity journal of cluster \"" + cluster() + "\": "
                    + e.getMessage(), "check the permissions of " + journal.directory(), e);
        } finally {
            if (renderer != null) {
                renderer.close();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(restore);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it closes the renderer itself
            }
        }
    }

    private void print(JournalEntry entry, EventRenderer renderer, PrintWriter stdout) {
        switch (out().format()) {
            case table -> renderer.render(entry);
            case json -> stdout.println(AguiJson.write(entry.event()));
            case yaml -> stdout.print(yaml(entry));
        }
    }

    private static String yaml(JournalEntry entry) {
        try {
            return Mappers.YAML.writeValueAsString(StructuredResults.of(EventsOps.JournalLine.of(entry)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("journal lines always serialise", e);
        }
    }

    /** Where results go (stdout), as the root command was given it. */
    private PrintWriter stdout() {
        return spec.commandLine().getOut();
    }
}

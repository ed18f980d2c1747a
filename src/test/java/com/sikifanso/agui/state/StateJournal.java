package com.sikifanso.agui.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.EventType;
import com.sikifanso.agui.JsonPatches;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.agui.journal.JournalOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** The state feed's runs as a listener reads them from the cluster's activity journal. */
final class StateJournal {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private final ActivityJournal journal;

    StateJournal(Path clusterDir) {
        this.journal = new ActivityJournal(clusterDir, JournalOptions.DEFAULTS);
    }

    /** Every event of the state feed's runs, in journal order. */
    List<JournalEntry> entries() {
        return journal.readSince(0).stream().filter(e -> e.runId().startsWith("state-")).toList();
    }

    List<JournalEntry> run(String runId) {
        return journal.readRun(runId);
    }

    List<AguiEvent> events(String runId) {
        return run(runId).stream().map(JournalEntry::event).toList();
    }

    /** Waits until {@code wanted} holds for the state entries, failing after a minute. */
    List<JournalEntry> await(String what, Predicate<List<JournalEntry>> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<JournalEntry> now = entries();
        while (!wanted.test(now)) {
            assertThat(System.nanoTime()).as("waited a minute for " + what + "; journal: " + now).isLessThan(deadline);
            Thread.sleep(20);
            now = entries();
        }
        return now;
    }

    /** Waits until there are more than {@code count} events of type {@code type}; returns the last of them. */
    JournalEntry awaitMore(EventType type, long count) throws InterruptedException {
        List<JournalEntry> all = await("event " + (count + 1) + " of type " + type,
                es -> ofType(es, type).size() > count);
        List<JournalEntry> typed = ofType(all, type);
        assertThat(typed).as("one " + type + " at a time").hasSize((int) count + 1);
        return typed.get(typed.size() - 1);
    }

    static List<JournalEntry> ofType(List<JournalEntry> entries, EventType type) {
        return entries.stream().filter(e -> e.event().eventType() == type).toList();
    }

    /** The state a consumer holds after {@code events}: the snapshot with every later delta applied. */
    static JsonNode applied(List<AguiEvent> events) {
        JsonNode state = null;
        for (AguiEvent e : events) {
            if (e instanceof AguiEvent.StateSnapshot s) {
                state = s.snapshot();
            } else if (e instanceof AguiEvent.StateDelta d) {
                state = JsonPatches.apply(d.delta(), state);
            }
        }
        return state;
    }
}

package com.sikifanso.agui.journal;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.SikifansoException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Reads of a journal that keep only what they return: the last entries of a window, the runs it holds. */
public final class JournalQueries {
    private JournalQueries() {
    }

    /** The last {@code limit} wanted entries, oldest first, and how many wanted ones came before them. */
    public record Excerpt(List<JournalEntry> entries, long omitted) {
    }

    public static Excerpt last(ActivityJournal journal, Predicate<JournalEntry> wanted, int limit) {
        ArrayDeque<JournalEntry> kept = new ArrayDeque<>(Math.min(limit, 1024));
        long omitted = 0;
        try (JournalTail tail = journal.follow(0)) {
            for (List<JournalEntry> batch = tail.poll(); !batch.isEmpty(); batch = tail.poll()) {
                for (JournalEntry e : batch) {
                    if (wanted.test(e)) {
                        kept.addLast(e);
                        if (kept.size() > limit) {
                            kept.removeFirst();
                            omitted++;
                        }
                    }
                }
            }
        }
        return new Excerpt(new ArrayList<>(kept), omitted);
    }

    /** The ids of the runs in the journal, newest first. */
    public static List<String> runIds(ActivityJournal journal) {
        Set<String> ids = new LinkedHashSet<>();
        try (JournalTail tail = journal.follow(0)) {
            for (List<JournalEntry> batch = tail.poll(); !batch.isEmpty(); batch = tail.poll()) {
                batch.forEach(e -> ids.add(e.runId()));
            }
        }
        List<String> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /**
     * The run {@code idOrPrefix} names: its whole id or the start of exactly one run's id (the short form the
     * terminal shows). Refuses a run the journal of {@code cluster} does not hold, or a prefix of several.
     */
    public static String run(ActivityJournal journal, String cluster, String idOrPrefix) {
        List<String> matches = runIds(journal).stream().filter(id -> id.startsWith(idOrPrefix)).toList();
        if (matches.contains(idOrPrefix)) {
            return idOrPrefix;
        }
        if (matches.isEmpty()) {
            throw SikifansoException.failure("no run \"" + idOrPrefix + "\" in the activity journal of cluster \""
                    + cluster + "\"", "see the runs with: ", Suggestion.of("events").option("cluster", cluster),
                    " (the run id follows each line's sequence number)");
        }
        if (matches.size() > 1) {
            throw SikifansoException.failure("run \"" + idOrPrefix + "\" is the start of " + matches.size()
                    + " runs' ids (" + String.join(", ", matches.subList(0, Math.min(3, matches.size())))
                    + (matches.size() > 3 ? ", …" : "") + ")", "give more of the run id");
        }
        return matches.get(0);
    }
}

package com.sikifanso.ops;

import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.agui.journal.RunAppender;
import com.sikifanso.core.ClusterName;
import com.sikifanso.session.SikifansoHome;
import java.util.Optional;

/**
 * Where every invocation of an operation on a cluster, from any surface, is journalled: that cluster's activity
 * journal, written by a {@link RunAppender} (in one batch at the end, or live once the run starts a step). A
 * cluster whose directory does not exist (not created yet, or just deleted) gets none: the journal never brings a
 * cluster's directory back. Failing to write is logged and never fails the operation.
 */
public final class InvocationJournal {
    private final SikifansoHome home;
    private final JournalOptions options;

    public InvocationJournal(SikifansoHome home, JournalOptions options) {
        this.home = home;
        this.options = options;
    }

    /** The writer for run {@code runId} of {@code operation}, when its input names a cluster. */
    Optional<RunAppender> appender(String operation, Record input, String runId) {
        if (operation.equals(EventsOps.LIST.name())) {
            return Optional.empty();   // reading the journal is not activity: each read would carry the last one
        }
        // A name that is no cluster name (refused by the operation itself) names no directory either.
        return clusterOf(input).map(c -> new RunAppender(home.clusterDir(c), options, runId));
    }

    /** The cluster an input acts on, when it names a valid one: a bad name was refused and wrote nothing. */
    public static Optional<ClusterName> clusterOf(Record input) {
        return input instanceof ClusterScoped scoped ? ClusterName.ifValid(scoped.cluster()) : Optional.empty();
    }
}

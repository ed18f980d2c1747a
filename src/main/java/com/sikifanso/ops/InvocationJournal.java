package com.sikifanso.ops;

import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.agui.journal.RunAppender;
import com.sikifanso.session.SikifansoHome;
import java.lang.reflect.RecordComponent;
import java.util.List;
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
        return clusterOf(operation, input).filter(com.sikifanso.core.Names::isLabel)
                .map(c -> new RunAppender(home.clusterDir(c), options, runId));
    }

    /**
     * The cluster an input names: its {@code cluster} field, or for a cluster_* operation its {@code name} (the
     * cluster it creates or deletes) when it has one.
     */
    public static Optional<String> clusterOf(String operation, Record input) {
        List<String> fields = operation.startsWith("cluster_") ? List.of("name", "cluster") : List.of("cluster");
        for (String field : fields) {
            for (RecordComponent c : input.getClass().getRecordComponents()) {
                if (c.getName().equals(field) && c.getType() == String.class) {
                    try {
                        return Optional.ofNullable((String) c.getAccessor().invoke(input));
                    } catch (ReflectiveOperationException e) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }
}

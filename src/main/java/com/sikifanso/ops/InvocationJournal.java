package com.sikifanso.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.agui.journal.OperationRun;
import com.sikifanso.session.SikifansoHome;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every finished invocation of an operation on a cluster, from any surface, into that cluster's
 * activity journal as one AG-UI run. A cluster whose directory does not exist (not created yet, or just
 * deleted) gets none: the journal never brings a cluster's directory back. Failing to write is logged and
 * never fails the operation.
 */
public final class InvocationJournal implements Invocation.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(InvocationJournal.class);

    private final SikifansoHome home;
    private final JournalOptions options;

    public InvocationJournal(SikifansoHome home, JournalOptions options) {
        this.home = home;
        this.options = options;
    }

    @Override
    public void finished(Invocation invocation) {
        if (invocation.operation().equals(EventsOps.LIST.name())) {
            return;   // reading the journal is not activity: each read would carry the last one in its result
        }
        Optional<String> cluster = clusterOf(invocation.operation(), invocation.input());
        if (cluster.isEmpty()) {
            return;
        }
        Path dir = home.clusterDir(cluster.get());
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            Optional<JsonNode> output = invocation.output().map(o -> AguiJson.MAPPER.valueToTree(StructuredResults.of(o)));
            OperationRun.record(new ActivityJournal(dir, options), cluster.get(),
                    new OperationRun.Caller(invocation.surface().name(), invocation.who()), invocation.operation(),
                    AguiJson.MAPPER.valueToTree(invocation.input()), output, invocation.error(),
                    invocation.duration(), invocation.commit(), invocation.runId());
        } catch (RuntimeException e) {
            LOG.warn("could not write {} to the activity journal of {}: {}", invocation.operation(), cluster.get(),
                    e.toString(), e);
        }
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

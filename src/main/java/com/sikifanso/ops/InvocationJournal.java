package com.sikifanso.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.agui.journal.OperationRun;
import com.sikifanso.core.ClusterName;
import com.sikifanso.session.SikifansoHome;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Optional<String> cluster = clusterOf(invocation.input()).map(ClusterName::value);
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
                    new OperationRun.Caller(invocation.surface().name(), null), invocation.operation(),
                    AguiJson.MAPPER.valueToTree(invocation.input()), output, invocation.error(),
                    invocation.duration(), invocation.commit());
        } catch (RuntimeException e) {
            LOG.warn("could not write {} to the activity journal of {}: {}", invocation.operation(), cluster.get(),
                    e.toString(), e);
        }
    }

    /** The cluster an input acts on, when it names a valid one: a bad name was refused and wrote nothing. */
    static Optional<ClusterName> clusterOf(Record input) {
        return input instanceof ClusterScoped scoped ? ClusterName.ifValid(scoped.cluster()) : Optional.empty();
    }
}

package com.sikifanso.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.ProgressText;
import com.sikifanso.agui.RunProgress;
import com.sikifanso.agui.journal.OperationRun;
import com.sikifanso.agui.journal.RunAppender;
import com.sikifanso.core.Progress;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One invocation as it runs: its AG-UI run (the operation as a tool call, then the steps and activities its code
 * reports through {@link #progress()}, then its result or error), whose events go to the caller's progress lines
 * (rendered by {@link ProgressText}) and to the cluster's journal, when it has one.
 */
final class InvocationRun {
    /** The thread of a run on no cluster (such runs are not journalled; only their progress is shown). */
    private static final String NO_CLUSTER = "sikifanso";

    private final OperationRun run;
    private final RunProgress progress;
    private final Optional<RunAppender> journal;

    private InvocationRun(OperationRun run, Optional<RunAppender> journal) {
        this.run = run;
        this.progress = new RunProgress(run.run());
        this.journal = journal;
    }

    static InvocationRun start(Optional<InvocationJournal> journals, Invocations.Caller caller,
                               Operation<?, ?> operation, Record input) {
        String runId = caller.runId() != null ? caller.runId() : UUID.randomUUID().toString();
        Optional<RunAppender> journal = caller.recordsItsOwnRun() ? Optional.empty()
                : journals.flatMap(j -> j.appender(operation.name(), input, runId));
        ProgressText text = new ProgressText(caller.progress());
        Consumer<AguiEvent> sink = journal.<Consumer<AguiEvent>>map(j -> j.andThen(text)).orElse(text);
        String cluster = InvocationJournal.clusterOf(input).map(com.sikifanso.core.ClusterName::value)
                .orElse(NO_CLUSTER);
        OperationRun run = OperationRun.start(sink, runId, cluster, new OperationRun.Caller(caller.surface().name(), caller.who()),
                operation.name(), AguiJson.MAPPER.valueToTree(input));
        return new InvocationRun(run, journal);
    }

    /** The run id the journal records the call under, and its commits carry. */
    String runId() {
        return run.runId();
    }

    Progress progress() {
        return progress;
    }

    /**
     * Ends the run with the operation's result ({@code shown} empty when it reveals secrets: the journal must never
     * keep them). A run nobody journals carries no result: only its progress was of use.
     */
    void succeeded(Optional<Object> shown, Optional<String> commit) {
        progress.finishStep();
        JsonNode output = journal.isEmpty() ? null
                : shown.map(o -> (JsonNode) AguiJson.MAPPER.valueToTree(StructuredResults.of(o))).orElse(null);
        run.succeeded(output, commit);
        journal.ifPresent(RunAppender::close);
    }

    /** Ends the run with {@code RUN_ERROR}: the failure's message and fix. */
    void failed(String error) {
        if (!run.run().ended()) {
            run.failed(error, null);
        }
        journal.ifPresent(RunAppender::close);
    }
}

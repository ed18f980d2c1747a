package com.sikifanso.ops;

import com.sikifanso.core.CommitId;
import com.sikifanso.Services;
import com.sikifanso.core.Progress;
import com.sikifanso.core.CallProgress;
import com.sikifanso.gitops.CommitTrailers;
import com.sikifanso.gitops.PendingSync;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one way into an operation, whichever surface calls: runs it, waits for its change to converge when
 * asked to, and tells the listeners (the activity journal) what happened.
 */
public final class Invocations {
    private final Services services;
    private final List<Invocation.Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile Optional<InvocationJournal> journal = Optional.empty();

    public Invocations(Services services) {
        this.services = services;
    }

    public void listen(Invocation.Listener listener) {
        listeners.add(listener);
    }

    /** Journals every invocation on a cluster as an AG-UI run in that cluster's activity journal. */
    public void journal(InvocationJournal journal) {
        this.journal = Optional.of(journal);
    }

    /**
     * What a surface brings to a call.
     *
     * @param progress where the run's progress events are shown, as lines ({@link com.sikifanso.agui.ProgressText});
     *        updates in place too when it is a {@link com.sikifanso.core.UpdatingProgress}
     * @param beforeWait sees the result as soon as the change is made, before waiting for it to converge, so a
     *        timeout never hides the commit from the user
     * @param who who called through that surface, as the journal records it (null when unknown), e.g. the agent an
     *        {@code mcp serve --agent NAME} server serves
     * @param runId the AG-UI run id the journal records the call under, so a caller can find its run there (the
     *        AG-UI server streams it back); null for a new one
     */
    public record Caller(Surface surface, Consumer<String> progress, WaitPolicy waitPolicy,
                         Consumer<Object> beforeWait, String who, String runId, boolean recordsItsOwnRun) {
        public Caller(Surface surface, Consumer<String> progress, WaitPolicy waitPolicy, Consumer<Object> beforeWait,
                      String who, String runId) {
            this(surface, progress, waitPolicy, beforeWait, who, runId, false);
        }

        public Caller(Surface surface, Consumer<String> progress, WaitPolicy waitPolicy, Consumer<Object> beforeWait) {
            this(surface, progress, waitPolicy, beforeWait, null, null);
        }

        public static Caller program(Surface surface, Consumer<String> progress) {
            return new Caller(surface, progress, WaitPolicy.PROGRAM, out -> { });
        }

        /** The same caller, acting for {@code who}. */
        public Caller as(String who) {
            return new Caller(surface, progress, waitPolicy, beforeWait, who, runId, recordsItsOwnRun);
        }

        /** The same caller, journalled under the run id {@code runId}. */
        public Caller underRun(String runId) {
            return new Caller(surface, progress, waitPolicy, beforeWait, who, runId, recordsItsOwnRun);
        }

        /**
         * The same caller, recording each call in an AG-UI run of its own (the AI operator's tool calls inside its
         * run): the journal starts no second run under the same id, which AG-UI clients would refuse as out of order;
         * listeners still hear every call and its commits still name {@code runId}.
         */
        public Caller recordingItsOwnRun() {
            return new Caller(surface, progress, waitPolicy, beforeWait, who, runId, true);
        }
    }

    public <I extends Record, O extends Record> O invoke(Operation<I, O> operation, I input, Caller caller) {
        long start = System.nanoTime();
        InvocationRun run = InvocationRun.start(journal, caller, operation, input);
        O output = null;
        try {
            OperationContext context = new OperationContext(services, run.progress(), caller.waitPolicy());
            // Every commit the call makes says which run made it, so `ai undo` can find the run's commits again;
            // what a service notices on the side (a GitOps remote out of reach) is told to this call's caller.
            output = CommitTrailers.during(Map.of(CommitTrailers.RUN, run.runId(),
                    CommitTrailers.SURFACE, caller.surface().name()),
                    () -> CallProgress.during(run.progress(), () -> operation.call(input, context)));
            caller.beforeWait().accept(output);
            awaitIfAsked(input, output, caller, run.progress());
            run.succeeded(shown(operation, output), commitOf(output));
            finished(caller, operation, input, output, Optional.empty(), start);
            return output;
        } catch (RuntimeException e) {
            RuntimeException failure = makesItsCluster(operation) ? e : inItsCluster(e, input, caller.surface());
            String error = describe(failure);
            run.failed(error);
            finished(caller, operation, input, output, Optional.of(error), start);
            throw failure;
        }
    }

    /**
     * A failure of a call on a cluster, its suggested commands given that cluster: services write their fixes
     * without the cluster (the same words serve every caller), and a command left without one acts on the default
     * cluster at a terminal or, for a model, on none. At a terminal, the default cluster is left implied.
     */
    private static RuntimeException inItsCluster(RuntimeException e, Record input, Surface surface) {
        if (!(e instanceof com.sikifanso.core.SikifansoException failure) || !(input instanceof ClusterScoped scoped)
                || scoped.cluster() == null
                || surface == Surface.cli && scoped.cluster().equals(ClusterOps.DEFAULT_NAME)) {
            return e;
        }
        return failure.inCluster(scoped.cluster(), Invocations::actsOnACluster);
    }

    /**
     * A call that makes the cluster it names: its fixes are about where it came from (a lock, a snapshot, another
     * cluster) or name it themselves, not next steps on a cluster that is not there.
     */
    private static boolean makesItsCluster(Operation<?, ?> operation) {
        return operation == ClusterOps.CLUSTER_CREATE || operation == AttachOps.ATTACH;
    }

    /** The suggested command's operation takes a {@code cluster} argument. */
    private static boolean actsOnACluster(com.sikifanso.core.Suggestion suggestion) {
        return Registry.ALL.find(suggestion.tool())
                .map(op -> JsonSchemas.input(op.input()).get("properties") instanceof Map<?, ?> properties
                        && properties.containsKey("cluster"))
                .orElse(false);
    }

    /** Built on the first failure that needs it: loading every operation costs a short command's start-up. */
    private static final class Registry {
        static final OperationRegistry ALL = new OperationRegistry();
    }

    /**
     * What {@code operation} would do with {@code input}, without doing it: for an operation whose change is a GitOps
     * commit, the files and diff it would commit, computed by running it on a throwaway copy ({@link Rehearsal});
     * for the others, what it would do in one sentence. Nothing is committed, journalled or waited for; a failure the
     * call would hit (an unknown app, a bad agent spec) fails the plan with the same message. {@code caller} is
     * accepted for symmetry with {@link #invoke} (who asked is not recorded: a plan is no activity).
     */
    public <I extends Record, O extends Record> Plan plan(Operation<I, O> operation, I input, Caller caller) {
        return Plans.of(services, operation, input);
    }

    /** {@link #plan} for callers holding the operation untyped. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Plan planUntyped(Operation<?, ?> operation, Object input, Caller caller) {
        return plan((Operation) operation, (Record) input, caller);
    }

    /** For callers holding the operation untyped (the MCP adapter, the AI operator's tool calls). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object invokeUntyped(Operation<?, ?> operation, Object input, Caller caller) {
        return invoke((Operation) operation, (Record) input, caller);
    }

    /** A failure as the journal keeps it: the message, and the fix when there is one. */
    private static String describe(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        return e instanceof com.sikifanso.core.SikifansoException s && s.hint() != null
                ? message + "\nTo fix: " + s.hint() : message;
    }

    private void awaitIfAsked(Record input, Record output, Caller caller, Progress progress) {
        if (input instanceof WaitInput w && w.waitForSync() && output instanceof PendingSync.Carrier carrier) {
            carrier.pendingSync().ifPresent(p -> services.convergence()
                    .awaitAll(p.cluster(), p.targets(), caller.waitPolicy().timeout(), progress)
                    .requireConverged(caller.waitPolicy().longerHint()));
        }
    }

    private void finished(Caller caller, Operation<?, ?> operation, Record input, Record output,
                          Optional<String> error, long start) {
        if (listeners.isEmpty()) {
            return;
        }
        Invocation done = new Invocation(caller.surface(), caller.who(), operation.name(), input,
                shown(operation, output), error, Duration.ofNanos(System.nanoTime() - start), commitOf(output),
                caller.runId());
        listeners.forEach(l -> l.finished(done));
    }

    /** A result holding secret values (app_credentials) is never handed on: the journal must not keep it. */
    private static Optional<Object> shown(Operation<?, ?> operation, Record output) {
        return operation.revealsSecrets() ? Optional.empty() : Optional.ofNullable(output);
    }

    private static Optional<String> commitOf(Record output) {
        return output instanceof PendingSync.Carrier c ? c.pendingSync().map(p -> p.commit().value()) : Optional.empty();
    }
}

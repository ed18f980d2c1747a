package com.sikifanso.ops;

import java.time.Duration;
import java.util.Optional;

/**
 * One finished call of an operation, as the activity journal will record it.
 *
 * @param who who called through that surface (null when unknown), see {@link Invocations.Caller#who()}
 * @param error the failure's message, empty when it succeeded
 * @param commit the GitOps commit it made, if any
 * @param runId the run id its caller chose for the journal, or null for a new one
 */
public record Invocation(Surface surface, String who, String operation, Record input, Optional<Object> output,
                        Optional<String> error, Duration duration, Optional<String> commit, String runId) {

    public boolean succeeded() {
        return error.isEmpty();
    }

    /** Told of every invocation, from every surface, after it ended. */
    @FunctionalInterface
    public interface Listener {
        void finished(Invocation invocation);
    }
}

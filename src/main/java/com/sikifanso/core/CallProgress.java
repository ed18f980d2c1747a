package com.sikifanso.core;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The progress of the operation call running on this thread, for what a shared service notices on the side of its
 * work (a GitOps remote it could not reach, a push that failed): told there, the note reaches the caller in its own
 * words (the terminal's command, a model's tool in MCP's progress notifications and log) and the call's AG-UI run.
 *
 * <p>A call's context, not state, as {@code gitops/CommitTrailers} is: set around one invocation on the thread that
 * runs its handler and cleared when it ends, because a service such as {@code gitops/ClusterRepos} is built once per
 * process and serves every call, some at the same time.
 */
public final class CallProgress {
    private static final ThreadLocal<Progress> CURRENT = new ThreadLocal<>();

    private CallProgress() {
    }

    /** Runs {@code call} with its notes going to {@code progress}. */
    public static <T> T during(Progress progress, Supplier<T> call) {
        Progress outer = CURRENT.get();
        CURRENT.set(progress);
        try {
            return call.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /**
     * Tells the current call's progress; outside a call, {@code otherwise} (a process's own sink: the terminal, a
     * server's log) in its reader's words ({@link HintedLines}).
     */
    public static void note(Hint hint, Consumer<String> otherwise) {
        Progress progress = CURRENT.get();
        if (progress != null) {
            progress.note(hint);
        } else {
            otherwise.accept(hint.render(HintedLines.rendererOf(otherwise)));
        }
    }
}

package com.sikifanso.ops;

import com.sikifanso.argocd.SyncOrchestrator;
import java.time.Duration;

/**
 * How long a surface waits for a change to converge, and how its user asks for longer when it timed out
 * (the CLI's {@code --timeout}, a model's later call).
 */
public record WaitPolicy(Duration timeout, String longerHint) {
    /** For a program calling in: the default timeout; a later call sees the rest. */
    public static final WaitPolicy PROGRAM = new WaitPolicy(SyncOrchestrator.DEFAULT_TIMEOUT,
            "a later call (the change keeps converging)");
}

package com.sikifanso.ops;

import com.sikifanso.Services;
import java.util.function.Consumer;

/**
 * What a handler may use: the shared services, a sink for progress messages, and how long its caller waits
 * for what does not go through {@link com.sikifanso.gitops.PendingSync} (a restart after a rotation).
 */
public record OperationContext(Services services, Consumer<String> progress, WaitPolicy waitPolicy) {

    public OperationContext(Services services, Consumer<String> progress) {
        this(services, progress, WaitPolicy.PROGRAM);
    }
}

package com.sikifanso.ops;

import com.sikifanso.Services;
import com.sikifanso.agui.RunProgress;
import com.sikifanso.core.Progress;
import java.util.function.Consumer;

/**
 * What a handler may use: the shared services, where it reports its steps and progress (inside an invocation, the
 * invocation's AG-UI run), and how long its caller waits for what does not go through
 * {@link com.sikifanso.gitops.PendingSync} (a restart after a rotation).
 */
public record OperationContext(Services services, Progress progress, WaitPolicy waitPolicy) {

    /** For a caller holding a plain line sink: the progress is shown there as lines. */
    public OperationContext(Services services, Consumer<String> progress, WaitPolicy waitPolicy) {
        this(services, progress instanceof Progress p ? p : RunProgress.toLines(progress), waitPolicy);
    }

    public OperationContext(Services services, Consumer<String> progress) {
        this(services, progress, WaitPolicy.PROGRAM);
    }
}

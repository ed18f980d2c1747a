package com.sikifanso.cli;

import com.sikifanso.argocd.SyncOrchestrator;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --no-wait} and {@code --timeout}, shared by every command that changes the cluster. */
final class WaitOptions {
    @Option(names = "--no-wait", description = "Return at once; do not wait for Argo CD to apply the change.")
    boolean noWait;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "5m", description = "How long to wait for the change to converge (default: ${DEFAULT-VALUE}).")
    Duration timeout = SyncOrchestrator.DEFAULT_TIMEOUT;

    /** The {@code wait} of an operation's input. */
    boolean waitForSync() {
        return !noWait;
    }
}

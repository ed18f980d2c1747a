package com.sikifanso.argocd;

import com.sikifanso.core.SikifansoException;
import java.util.List;

/** How waiting for the cluster ended. */
public sealed interface SyncOutcome {

    record Converged(List<String> apps) implements SyncOutcome {
    }

    record Failed(String app, String reason) implements SyncOutcome {
    }

    record TimedOut(List<String> pending) implements SyncOutcome {
    }

    /** Converged is fine; the others become the user-facing error with exit code 1 or 3. */
    default void requireConverged(String timeoutFlagHint) {
        switch (this) {
            case Converged c -> { }
            case Failed f -> throw SikifansoException.failure("Argo CD could not bring " + f.app()
                    + " up: " + f.reason(), "see what failed with: sikifanso app status " + f.app());
            case TimedOut t -> throw new SikifansoException("timed out waiting for: " + String.join("; ", t.pending()),
                    "the change is committed and Argo CD keeps working on it; check with: sikifanso app status, "
                            + "or wait longer with " + timeoutFlagHint, SikifansoException.TIMEOUT, null);
        }
    }
}

package com.sikifanso.argocd;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.SikifansoException;
import java.util.List;

/** How waiting for the cluster ended. */
public sealed interface SyncOutcome {

    record Converged(List<String> apps) implements SyncOutcome {
    }

    record Failed(String app, String reason) implements SyncOutcome {
    }

    /** {@code heldBack}: the earlier-tier app the catalog's RollingSync is waiting on, or null. */
    record TimedOut(List<String> pending, CatalogRollout.Blocker heldBack) implements SyncOutcome {
        public TimedOut(List<String> pending) {
            this(pending, null);
        }
    }

    /** Converged is fine; the others become the user-facing error with exit code 1 or 3. */
    default void requireConverged(String timeoutFlagHint) {
        switch (this) {
            case Converged c -> { }
            case Failed f -> throw SikifansoException.failure("Argo CD could not bring "
                    + com.sikifanso.catalog.SourceNames.shown(f.app()) + " up: " + f.reason(), "see what failed with: ",
                    Suggestion.of("app", "status").arg("name", com.sikifanso.catalog.SourceNames.shown(f.app())));
            case TimedOut t when t.heldBack() != null -> throw SikifansoException.timeout("timed out waiting for: "
                    + String.join("; ", t.pending()) + "; " + t.heldBack().describe(), "the change is committed; ",
                    t.heldBack().fix(null));
            case TimedOut t -> throw SikifansoException.timeout("timed out waiting for: "
                    + String.join("; ", t.pending()), "the change is committed and Argo CD keeps working on it; check "
                    + "with: ", Suggestion.of("app", "status"), ", or wait longer with " + timeoutFlagHint);
        }
    }
}

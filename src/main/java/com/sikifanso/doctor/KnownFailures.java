package com.sikifanso.doctor;

import com.sikifanso.core.Hint;
import com.sikifanso.catalog.Diagnostics;
import com.sikifanso.catalog.FixText;

/**
 * Puts a catalog app's own knowledge of its failures (its {@code diagnostics}) into the doctor's row for it when it is
 * not healthy: the failure mode whose signals the row's message and cause carry, its cause after the observed one and
 * its fix first. A row no failure mode explains stays as it was: listing every known failure there would bury the
 * observed cause (the AI operator reads them all through {@link Diagnostics}).
 */
final class KnownFailures {
    private KnownFailures() {
    }

    static CheckResult explain(String app, Diagnostics diagnostics, CheckResult row) {
        if (row.status() == Verdict.PASS || diagnostics.failureModes().isEmpty()) {
            return row;
        }
        String observed = row.message() + "\n" + row.cause();
        return diagnostics.matching(observed)
                .map(m -> new CheckResult(row.name(), row.status(), row.message(),
                        Hint.of(row.cause(), row.cause() == null ? null : " — ", "known failure of " + app + ": ",
                                FixText.hint(m.cause())),
                        Hint.of(FixText.hint(m.fix()), row.fix() == null ? null : "; otherwise: ", row.fix())))
                .orElse(row);
    }
}

package com.sikifanso.agui.journal;

import java.time.Clock;

/**
 * How big the journal may grow and what it does to events before they are stored.
 *
 * @param maxFileBytes the size at which the current file is rotated
 * @param keptFiles how many rotated files are kept besides the current one; older ones are deleted, so the journal
 *        never holds much more than {@code maxFileBytes * (keptFiles + 1)}
 * @param redactor applied to every event before it is written
 */
public record JournalOptions(long maxFileBytes, int keptFiles, EventRedactor redactor, Clock clock) {
    public static final long MIN_FILE_BYTES = 4096;
    public static final JournalOptions DEFAULTS = new JournalOptions(8L << 20, 4, new SecretRedactor(),
            Clock.systemUTC());

    public JournalOptions {
        if (maxFileBytes < MIN_FILE_BYTES) {
            throw new IllegalArgumentException("the activity journal's file size limit must be at least "
                    + MIN_FILE_BYTES + " bytes, not " + maxFileBytes + ": raise it");
        }
        if (keptFiles < 1) {
            throw new IllegalArgumentException("the activity journal must keep at least 1 rotated file, not "
                    + keptFiles);
        }
    }

    public JournalOptions withLimit(long maxFileBytes, int keptFiles) {
        return new JournalOptions(maxFileBytes, keptFiles, redactor, clock);
    }

    public JournalOptions withRedactor(EventRedactor redactor) {
        return new JournalOptions(maxFileBytes, keptFiles, redactor, clock);
    }

    public JournalOptions withClock(Clock clock) {
        return new JournalOptions(maxFileBytes, keptFiles, redactor, clock);
    }
}

package com.sikifanso.agui.journal;

import com.sikifanso.core.GoDurations;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Where a look at the journal starts: {@code --since 10m} (back from now) or an RFC 3339 time, one syntax for all. */
public final class JournalWindow {
    public static final String FORMS = "a duration back from now like 30s, 10m or 1h30m, or an RFC 3339 time like "
            + "2026-11-30T07:00:00Z";

    private JournalWindow() {
    }

    /** The instant {@code since} names, measured back from {@code now}; empty when it is neither form. */
    public static Optional<Instant> start(String since, Instant now) {
        if (since == null || since.isBlank()) {
            return Optional.empty();
        }
        Optional<Instant> back = GoDurations.parse(since).map(now::minus);
        if (back.isPresent()) {
            return back;
        }
        try {
            return Optional.of(OffsetDateTime.parse(since).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

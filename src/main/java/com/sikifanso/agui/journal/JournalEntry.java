package com.sikifanso.agui.journal;

import com.sikifanso.agui.AguiEvent;
import java.time.Instant;

/**
 * One line of the activity journal: the event as stored (redacted), its place in the journal and when it was
 * written.
 *
 * @param sequence increases by one with every line, across processes and rotations; the SSE {@code id}
 * @param runId the AG-UI run the event belongs to
 */
public record JournalEntry(long sequence, Instant time, String runId, AguiEvent event) {
}

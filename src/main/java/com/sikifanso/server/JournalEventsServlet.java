package com.sikifanso.server;

import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalTail;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /api/agui/events?cluster=NAME}: the cluster's activity journal as Server-Sent Events, each with its
 * sequence number as {@code id:}. With {@code Last-Event-ID: N} it sends every event after N, then follows live;
 * without it, only what is appended from now on. Ends when the client goes away or the server stops.
 */
final class JournalEventsServlet extends HttpServlet {
    static final String PATH = "/api/agui/events";

    private final ClusterJournals journals;
    private final ServeOptions options;
    private final JournalPump pump;
    private final AtomicInteger open;

    JournalEventsServlet(ClusterJournals journals, ServeOptions options, JournalPump pump, AtomicInteger open) {
        this.journals = journals;
        this.options = options;
        this.pump = pump;
        this.open = open;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String cluster = journals.name(request.getParameter("cluster"));
            ActivityJournal journal = journals.of(cluster);
            long after = resumeAfter(request.getHeader("Last-Event-ID"), journal);
            stream(journal, after, response);
        } catch (Refusal r) {
            r.send(response);
        }
    }

    private void stream(ActivityJournal journal, long after, HttpServletResponse response) throws IOException {
        open.incrementAndGet();
        try (JournalTail tail = journal.follow(after)) {
            SseResponse sse = SseResponse.open(response, options.retry());
            // merge: ClusterStateFeed.whileListening(services, cluster) opens here, closed with the tail, so the
            // cluster's state events reach the journal while someone listens.
            pump.pump(tail, sse, e -> true, e -> false, () -> false);
        } finally {
            open.decrementAndGet();
        }
    }

    /** The sequence to send events after: the client's {@code Last-Event-ID}, else the journal's end (live only). */
    private static long resumeAfter(String lastEventId, ActivityJournal journal) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return journal.lastSequence();
        }
        try {
            long seq = Long.parseLong(lastEventId.strip());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Refusal.badRequest("Last-Event-ID " + com.sikifanso.http.PlainResponses.printable(lastEventId)
                + " is not a journal sequence number; send the id: of the last event received, or none to start live");
    }
}

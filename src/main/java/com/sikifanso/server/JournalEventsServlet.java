package com.sikifanso.server;

import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.state.ClusterStateFeed;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /api/agui/events?cluster=NAME[&state=1]}: the cluster's activity journal as Server-Sent Events, each
 * with its sequence number as {@code id:} and, as the journal interleaves runs, the run it belongs to in its
 * {@code metadata.runId} (AG-UI's open metadata: TOOL_CALL_* and STEP_* events carry no run id); with {@code state=1} the cluster's state feed runs while the client listens. With {@code Last-Event-ID: N} (or, on a
 * first connection, {@code after=N}) it sends every event after N, then follows live;
 * without it, only what is appended from now on. Ends when the client goes away or the server stops.
 */
final class JournalEventsServlet extends HttpServlet {
    static final String PATH = "/api/agui/events";

    private final ClusterJournals journals;
    private final JournalPump pump;
    private final StateFeeds stateFeeds;

    /** Opens a cluster's state feed for as long as a client asks for it ({@code &state=1}). */
    interface StateFeeds {
        ClusterStateFeed open(String cluster);
    }

    JournalEventsServlet(ClusterJournals journals, JournalPump pump, StateFeeds stateFeeds) {
        this.journals = journals;
        this.pump = pump;
        this.stateFeeds = stateFeeds;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod())) {
            response.setHeader("Allow", "GET");
            com.sikifanso.http.PlainResponses.send(response, 405, "GET " + PATH + "?cluster=NAME for the journal's events");
            return;
        }
        doGet(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String cluster = journals.name(request.getParameter("cluster"));
            ActivityJournal journal = journals.of(cluster);
            // An EventSource cannot send Last-Event-ID on its first connection: ?after=N says the same.
            String lastEventId = request.getHeader("Last-Event-ID");
            long after = lastEventId != null ? resumeAfter("Last-Event-ID", lastEventId, journal)
                    : resumeAfter("?after=", request.getParameter("after"), journal);
            // With state=1 the cluster's state (STATE_SNAPSHOT, then deltas) reaches the journal while this client
            // listens; one listener in any process feeds it.
            boolean withState = withState(request.getParameter("state"));
            try (ClusterStateFeed feed = withState ? stateFeeds.open(cluster) : null) {
                pump.streamJournal(response, journal.follow(after));
            }
        } catch (Refusal r) {
            r.send(response);
        }
    }

    /**
     * The sequence to send events after: what the client sent ({@code given}, its header or query parameter, named
     * as it sent it in a refusal), else the journal's end (live only).
     */
    private static long resumeAfter(String given, String lastEventId, ActivityJournal journal) {
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
        throw Refusal.badRequest(given + (given.endsWith("=") ? "" : " ")
                + com.sikifanso.http.PlainResponses.printable(lastEventId) + " is not a journal sequence number; send "
                + "the id: of the last event received, or none to start live");
    }

    /** {@code state=1} or {@code true} runs the state feed, {@code 0}, {@code false} or none does not; else refused. */
    private static boolean withState(String state) {
        if (state == null || state.equals("0") || state.equals("false")) {
            return false;
        }
        if (state.equals("1") || state.equals("true")) {
            return true;
        }
        throw Refusal.badRequest("state=" + com.sikifanso.http.PlainResponses.printable(state) + " is neither 1 "
                + "(with the cluster's state feed) nor 0; leave it out for the journal alone");
    }
}

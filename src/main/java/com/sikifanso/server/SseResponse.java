package com.sikifanso.server;

import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.SseEncoder;
import com.sikifanso.agui.journal.JournalEntry;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * An open Server-Sent Events response: journal entries as AG-UI events with their sequence as {@code id:}, comment
 * heartbeats. A write to a client that has gone away throws {@link IOException}: that is how a stream learns to end.
 */
final class SseResponse {
    /** The key in an event's {@code metadata} naming the run it belongs to. */
    static final String RUN_ID = "runId";

    private final ServletOutputStream out;

    private SseResponse(ServletOutputStream out) {
        this.out = out;
    }

    /** Sends the headers and the {@code retry:} hint at once, so the client sees the stream open before any event. */
    static SseResponse open(HttpServletResponse response, Duration retry) throws IOException {
        response.setStatus(200);
        response.setContentType(SseEncoder.CONTENT_TYPE + "; charset=utf-8");
        response.setHeader("Cache-Control", "no-cache, no-store");
        // nginx and similar proxies buffer responses unless told not to; an event stream must pass at once.
        response.setHeader("X-Accel-Buffering", "no");
        SseResponse sse = new SseResponse(response.getOutputStream());
        sse.write(SseEncoder.retry(retry));
        sse.flush();
        return sse;
    }

    /** An entry of one run's stream: the run is the one the client asked for. */
    void event(JournalEntry entry) throws IOException {
        write(SseEncoder.encode(entry.event(), entry.sequence()));
    }

    /** An entry of the whole journal, which interleaves runs: its run in the event's {@code metadata.runId}. */
    void eventOfItsRun(JournalEntry entry) throws IOException {
        Map<String, String> metadata = new java.util.HashMap<>();
        metadata.put(RUN_ID, entry.runId());
        write("id: " + entry.sequence() + "\n" + SseEncoder.encode(entry.event(), metadata));
    }

    void event(AguiEvent event, Map<String, String> metadata) throws IOException {
        write(SseEncoder.encode(event, metadata));
    }

    void heartbeat() throws IOException {
        write(SseEncoder.keepAlive());
        flush();
    }

    void flush() throws IOException {
        out.flush();
    }

    private void write(String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
    }
}

package com.sikifanso.agui;

import java.util.OptionalLong;

/**
 * Server-Sent Events framing of AG-UI events, as {@code @ag-ui/encoder}'s {@code EventEncoder.encodeSSE} writes it
 * ({@code data: <json>\n\n}), with an {@code id:} line before it carrying the journal's sequence number so a client
 * can resume with {@code Last-Event-ID}. The JSON is one line, so one {@code data:} line always suffices.
 */
public final class SseEncoder {
    public static final String CONTENT_TYPE = "text/event-stream";

    private SseEncoder() {
    }

    public static String encode(AguiEvent event) {
        return "data: " + AguiJson.write(event) + "\n\n";
    }

    public static String encode(AguiEvent event, OptionalLong sequence) {
        return sequence.isPresent() ? encode(event, sequence.getAsLong()) : encode(event);
    }

    public static String encode(AguiEvent event, long sequence) {
        return "id: " + sequence + "\n" + encode(event);
    }

    /** Tells an EventSource how long to wait before reconnecting (it then sends {@code Last-Event-ID}). */
    public static String retry(java.time.Duration delay) {
        return "retry: " + delay.toMillis() + "\n\n";
    }

    /** A comment frame: keeps proxies from closing an idle stream; clients ignore it. */
    public static String keepAlive() {
        return ": keep-alive\n\n";
    }
}

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

    /**
     * The event with AG-UI's open {@code metadata} object (BaseEventSchema: any keys, {@code ag-ui} reserved) holding
     * {@code metadata}: what a stream that mixes runs or agents says about each event, e.g. the run it belongs to,
     * which TOOL_CALL_* and STEP_* events do not carry themselves. Null values are left out.
     */
    public static String encode(AguiEvent event, java.util.Map<String, String> metadata) {
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
                AguiJson.tree(event);
        com.fasterxml.jackson.databind.node.ObjectNode meta = json.putObject("metadata");
        metadata.forEach((key, value) -> {
            if (value != null) {
                meta.put(key, value);
            }
        });
        return "data: " + json + "\n\n";
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

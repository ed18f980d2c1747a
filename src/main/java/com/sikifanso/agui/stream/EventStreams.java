package com.sikifanso.agui.stream;

import java.io.IOException;
import java.io.InputStream;

/** What an AG-UI endpoint must answer: 200 with a {@code text/event-stream} body. */
public final class EventStreams {
    private EventStreams() {
    }

    public static InputStream require(int status, String contentType, InputStream body) throws IOException {
        if (status != 200) {
            body.close();
            throw new IOException("answered HTTP " + status + ", not 200 with text/event-stream");
        }
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream")) {
            body.close();
            throw new IOException("answered Content-Type " + contentType + ", not text/event-stream");
        }
        return body;
    }
}

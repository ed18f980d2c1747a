package com.sikifanso.agui.stream;

import java.io.IOException;
import java.io.InputStream;

/** Where an AG-UI event stream is opened from; opened again after every end, so it may find a new address. */
public interface AguiEndpointConnection {
    /** Opens the stream (a {@code text/event-stream} body), or says in the exception why it cannot. */
    InputStream open() throws IOException, InterruptedException;

    /** The endpoint in the user's words, for the notices (e.g. the URL, or the Service and the proxy path). */
    String describe();
}

package com.sikifanso.agui.stream;

import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** An AG-UI endpoint given by URL ({@code agent watch --url}): a GET answered with {@code text/event-stream}. */
public final class UrlConnection implements AguiEndpointConnection {
    private final URI uri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private UrlConnection(URI uri) {
        this.uri = uri;
    }

    /** Refuses anything but an absolute http(s) URL, before anything is opened. */
    public static UrlConnection of(String url) {
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return new UrlConnection(uri);
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw SikifansoException.usage("--url " + url + " is not an http(s) URL",
                "give the agent's AG-UI endpoint, e.g. --url http://127.0.0.1:8000/agui");
    }

    @Override
    public InputStream open() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        return EventStreams.require(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body());
    }

    @Override
    public String describe() {
        return uri.toString();
    }
}

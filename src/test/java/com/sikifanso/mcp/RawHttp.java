package com.sikifanso.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Raw POSTs to a running {@link HttpMcpServer}, with the token and whatever headers a test gives. */
final class RawHttp {
    private final HttpClient http = HttpClient.newHttpClient();
    private final HttpMcpServer server;

    RawHttp(HttpMcpServer server) {
        this.server = server;
    }

    record Answer(int status, Map<String, String> headers, String body) {
        JsonNode json() throws IOException {
            return RawStdio.JSON.readTree(body.startsWith("event:") || body.startsWith("data:") || body.startsWith("id:")
                    ? lastData(body) : body);
        }

        private static String lastData(String sse) {
            String data = null;
            for (String line : sse.split("\n")) {
                if (line.startsWith("data:")) {
                    data = line.substring(5).strip();
                }
            }
            return data;
        }
    }

    /** POSTs {@code body} with the bearer token, JSON/SSE accept header and {@code headers} (name, value, ...). */
    Answer post(String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + server.token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> h = new LinkedHashMap<>();
        response.headers().map().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
        return new Answer(response.statusCode(), h, response.body());
    }

    /** initialize at {@code version} and notifications/initialized; returns the session id. */
    String initialize(String version) throws IOException, InterruptedException {
        Answer init = post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + version + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
        String session = init.headers().get("mcp-session-id");
        post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", "Mcp-Session-Id", session,
                "MCP-Protocol-Version", version);
        return session;
    }
}

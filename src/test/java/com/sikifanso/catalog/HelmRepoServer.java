package com.sikifanso.catalog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A Helm chart repository on 127.0.0.1 (the JDK's HTTP server): an {@code index.yaml} as {@code helm repo index}
 * writes one, listing each chart's versions with the URL of its package, and those packages. No public chart
 * repository is reachable here.
 */
public final class HelmRepoServer implements AutoCloseable {
    private final HttpServer server;

    private HelmRepoServer(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code charts}: chart name to its versions. */
    public static HelmRepoServer start(Map<String, List<String>> charts) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        StringBuilder index = new StringBuilder("apiVersion: v1\nentries:\n");
        charts.forEach((chart, versions) -> {
            index.append("  ").append(chart).append(":\n");
            for (String version : versions) {
                String tgz = chart + "-" + version + ".tgz";
                index.append("    - name: ").append(chart).append("\n      version: ").append(version)
                        .append("\n      urls: [").append(tgz).append("]\n");
                server.createContext("/" + tgz, ex -> answer(ex, 200, "not a real chart package"));
            }
        });
        index.append("generated: \"2026-11-30T00:00:00Z\"\n");
        server.createContext("/index.yaml", ex -> answer(ex, 200, index.toString()));
        server.start();
        return new HelmRepoServer(server);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

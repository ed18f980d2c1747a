package com.sikifanso.cluster;

import com.marcnuri.helm.Helm;
import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.Mappers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A Helm chart repository over HTTP on 127.0.0.1 (index.yaml and chart archives, as helm.cilium.io
 * and argoproj.github.io serve them), holding the stand-in charts of src/test/resources/helm-standin
 * packaged by Helm itself under the names and versions sikifanso pins.
 */
final class LocalHelmRepository implements AutoCloseable {
    private final Path served;
    private final HttpServer http;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Object> entries = new LinkedHashMap<>();

    LocalHelmRepository(Path dir) throws IOException {
        this.served = Files.createDirectories(dir.resolve("served"));
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            String name = exchange.getRequestURI().getPath().replaceFirst("^/+", "");
            requests.add(exchange.getRequestMethod() + " /" + name);
            Path file = served.resolve(name).normalize();
            boolean found = !name.isEmpty() && file.startsWith(served) && Files.isRegularFile(file);
            byte[] body = found ? Files.readAllBytes(file) : "not found\n".getBytes();
            exchange.sendResponseHeaders(found ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    }

    /** What Helm asked for, e.g. "GET /index.yaml", "GET /cilium-1.19.6.tgz". */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** Packages the stand-in chart {@code name} as version {@code version} and lists it in index.yaml. */
    LocalHelmRepository publish(String name, String version, Path work) throws IOException {
        return publish(name, name, version, work);
    }

    /** Packages the stand-in chart {@code source} under the name {@code name}, version {@code version}. */
    LocalHelmRepository publish(String source, String name, String version, Path work) throws IOException {
        Path chart = work.resolve("charts").resolve(name);
        copyTree(standInSource(source), chart);
        Files.writeString(chart.resolve("Chart.yaml"), """
                apiVersion: v2
                name: %s
                version: %s
                appVersion: v%s
                description: Stand-in for the upstream %s chart in sikifanso's tests (see helm-standin/README.md)
                """.formatted(name, version, version, name));
        new Helm(chart).packageIt().withDestination(served).call();
        String archive = name + "-" + version + ".tgz";
        entries.put(name, List.of(Map.of("apiVersion", "v2", "name", name, "version", version,
                "appVersion", "v" + version, "created", Instant.now().toString(),
                "digest", sha256(served.resolve(archive)), "urls", List.of(url() + archive))));
        Files.write(served.resolve("index.yaml"), Mappers.YAML.writeValueAsBytes(Map.of("apiVersion", "v1",
                "entries", entries, "generated", Instant.now().toString())));
        return this;
    }

    private static Path standInSource(String name) throws IOException {
        try {
            return Path.of(LocalHelmRepository.class.getResource("/helm-standin/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("no stand-in chart " + name + " in src/test/resources/helm-standin", e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            LocalFiles.deleteRecursively(to);
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path out = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(out);
                } else {
                    Files.copy(p, out);
                }
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}

package com.sikifanso.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code app add --verify} against a Helm repository and an OCI registry served on this machine by
 * the JDK's HTTP server (no public repository is reachable here): an index.yaml as Helm writes one,
 * and the registry API's manifest and tags endpoints behind an anonymous bearer-token challenge, as
 * ghcr.io and Docker Hub answer.
 */
class ChartAvailabilityTest {
    private static final String INDEX = """
            apiVersion: v1
            entries:
              podinfo:
                - name: podinfo
                  version: 6.10.1
                  urls: [podinfo-6.10.1.tgz]
                - name: podinfo
                  version: 6.9.0
                  urls: [podinfo-6.9.0.tgz]
              redis:
                - name: redis
                  version: 1.0.0
            generated: "2026-01-01T00:00:00Z"
            """;

    private HttpServer server;
    private String base;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final ChartAvailability availability = new ChartAvailability();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/charts/index.yaml", ex -> answer(ex, 200, INDEX));
        server.createContext("/token", ex -> answer(ex, 200, "{\"token\":\"anon\"}"));
        server.createContext("/v2/", this::registry);
        server.start();
        base = "127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void registry(HttpExchange ex) throws IOException {
        requests.add(ex.getRequestURI().getPath() + " " + ex.getRequestHeaders().getFirst("Authorization"));
        if (!"Bearer anon".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"http://" + base
                    + "/token\",service=\"local\",scope=\"repository:charts/podinfo:pull\"");
            answer(ex, 401, "{}");
            return;
        }
        switch (ex.getRequestURI().getPath()) {
            case "/v2/charts/podinfo/manifests/6.10.1" -> answer(ex, 200, "{\"schemaVersion\":2}");
            case "/v2/charts/podinfo/tags/list" -> answer(ex, 200, "{\"tags\":[\"6.10.1\",\"6.9.0\"]}");
            default -> answer(ex, 404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}");
        }
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static CustomApp app(String repo, String chart, String version) {
        return new CustomApp("podinfo", repo, chart, version, "podinfo");
    }

    @Test
    void aChartAndVersionInTheIndexAreFound() {
        assertThat(availability.check(app("http://" + base + "/charts/", "podinfo", "6.10.1")))
                .isEqualTo("found podinfo 6.10.1 in http://" + base + "/charts/");
    }

    @Test
    void aVersionTheIndexDoesNotListIsRefusedWithTheVersionsThere() {
        assertThatThrownBy(() -> availability.check(app("http://" + base + "/charts", "podinfo", "6.11.0")))
                .hasMessage("chart \"podinfo\" in http://" + base + "/charts has no version 6.11.0")
                .extracting(e -> ((com.sikifanso.core.SikifansoException) e).hint())
                .isEqualTo("versions there: 6.10.1, 6.9.0");
    }

    @Test
    void aChartTheIndexDoesNotListIsRefusedWithTheChartsThere() {
        assertThatThrownBy(() -> availability.check(app("http://" + base + "/charts", "podinf", "6.10.1")))
                .hasMessage("there is no chart \"podinf\" in http://" + base + "/charts")
                .extracting(e -> ((com.sikifanso.core.SikifansoException) e).hint())
                .isEqualTo("charts there: podinfo, redis");
    }

    @Test
    void aUrlWithoutAnIndexIsNotAHelmRepository() {
        assertThatThrownBy(() -> availability.check(app("http://" + base + "/nothing", "podinfo", "6.10.1")))
                .hasMessage("http://" + base + "/nothing is not a Helm repository: http://" + base
                        + "/nothing/index.yaml answered HTTP 404");
    }

    @Test
    void aRangeListsTheVersionsArgoCdWillChooseFrom() {
        assertThat(availability.check(app("http://" + base + "/charts", "podinfo", "^6.0")))
                .isEqualTo("found podinfo in http://" + base + "/charts (range ^6.0; versions there: 6.10.1, 6.9.0)");
    }

    @Test
    void anOciManifestIsFetchedWithTheAnonymousTokenTheChallengeNames() {
        assertThat(availability.check(app("oci://" + base + "/charts", "podinfo", "6.10.1")))
                .isEqualTo("found podinfo 6.10.1 at oci://" + base + "/charts");
        assertThat(requests).containsExactly("/v2/charts/podinfo/manifests/6.10.1 null",
                "/v2/charts/podinfo/manifests/6.10.1 Bearer anon");
    }

    @Test
    void anOciTagThatIsNotThereIsRefused() {
        assertThatThrownBy(() -> availability.check(app("oci://" + base + "/charts", "podinfo", "9.9.9")))
                .hasMessage("there is no chart podinfo 9.9.9 at oci://" + base + "/charts (registry answered HTTP 404)");
    }

    @Test
    void anOciRangeListsTheTags() {
        assertThat(availability.check(app("oci://" + base + "/charts", "podinfo", "6.*")))
                .isEqualTo("found podinfo at oci://" + base + "/charts (range 6.*; versions there: 6.10.1, 6.9.0)");
    }

    @Test
    void appAddWithVerifyRefusesAMissingVersionAndWritesNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        com.sikifanso.TestHome home = com.sikifanso.TestHome.withCluster(tmp);
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        String[] add = {"-c", "lab", "app", "add", "podinfo", "--repo", "http://" + base + "/charts", "--chart",
            "podinfo", "--version", "6.11.0", "--verify", "--no-wait"};

        int code = com.sikifanso.cli.CommandLines.run(add, java.util.Map.of("SIKIFANSO_HOME", home.root().toString()),
                new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), false);

        assertThat(code).as(err.toString()).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("Error: chart \"podinfo\" in http://" + base + "/charts has no version "
                + "6.11.0\n  versions there: 6.10.1, 6.9.0\n");
        assertThat(home.git().subjects()).hasSize(1);

        add[10] = "6.10.1";
        assertThat(com.sikifanso.cli.CommandLines.run(add, java.util.Map.of("SIKIFANSO_HOME", home.root().toString()),
                new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), false)).isZero();
        assertThat(home.git().subjects()).hasSize(2);
    }
}

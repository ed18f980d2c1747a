package com.sikifanso.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.core.SikifansoException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Preflight against a scripted Docker Engine API on loopback: the engines this machine does not have. */
class PreflightTest {
    private HttpServer engine;
    private final List<String> progress = new ArrayList<>();

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop(0);
        }
    }

    @Test
    void anEngineOlderThanDocker2010IsRefusedWithTheUpgrade() throws IOException {
        Preflight preflight = preflightAgainst("19.03.15", "1.40", 8L << 30, "1");

        assertThatThrownBy(() -> preflight.check(com.sikifanso.agui.RunProgress.toLines(progress::add)))
                .hasMessage("Docker 19.03.15 (API 1.40) is too old: sikifanso needs Docker 20.10 (API 1.41) or newer")
                .extracting(e -> ((SikifansoException) e).hint()).asString().contains("upgrade Docker");
    }

    @Test
    void tooLittleMemoryIsRefusedWithWhereToGiveMore() throws IOException {
        Preflight preflight = preflightAgainst("27.3.1", "1.47", 1L << 30, "2");

        assertThatThrownBy(() -> preflight.check(com.sikifanso.agui.RunProgress.toLines(progress::add)))
                .hasMessage("Docker has 1.0 GiB of memory; a cluster needs at least 2.0 GiB")
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .contains("Settings > Resources > Memory");
    }

    @Test
    void aGoodEngineReportsItsCgroupVersionForTheNodeLayout() throws IOException {
        Preflight.EngineFacts facts = preflightAgainst("27.3.1", "1.47", 16L << 30, "2").check(com.sikifanso.agui.RunProgress.toLines(progress::add));

        assertThat(facts.cgroupV2()).isTrue();
        assertThat(facts.version()).isEqualTo("27.3.1");
        assertThat(progress).contains("Docker 27.3.1 (API 1.47, cgroup v2, 16.0 GiB)");
    }

    private Preflight preflightAgainst(String version, String api, long memory, String cgroup) throws IOException {
        engine = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> answers = Map.of(
                "/_ping", "OK",
                "/version", "{\"Version\":\"" + version + "\",\"ApiVersion\":\"" + api + "\",\"Os\":\"linux\"}",
                "/info", "{\"MemTotal\":" + memory + ",\"CgroupVersion\":\"" + cgroup + "\",\"ServerVersion\":\""
                        + version + "\"}");
        engine.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath().replaceFirst("^/v[0-9.]+", "");
            byte[] body = answers.getOrDefault(path, "{\"message\":\"page not found\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type",
                    path.equals("/_ping") ? "text/plain" : "application/json");
            exchange.getResponseHeaders().add("Api-Version", api);
            exchange.sendResponseHeaders(answers.containsKey(path) ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        engine.start();
        DockerEngine docker = new DockerEngine(Map.of("DOCKER_HOST",
                "tcp://127.0.0.1:" + engine.getAddress().getPort()));
        return new Preflight(docker, Preflight.MINIMUM_MEMORY);
    }
}

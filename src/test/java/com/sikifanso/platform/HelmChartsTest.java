package com.sikifanso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.sikifanso.LabKubeconfig;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.infra.ChartCoordinates;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Helm engine (helm-java) as far as this machine allows: a chart repository served
 * locally (the public ones cannot be reached), and an API server that is not there, since no
 * kube-apiserver can run here. The install must find the chart through sikifanso's own repositories
 * file, download it, and then fail on the cluster's own API server, not on some other context.
 */
class HelmChartsTest {
    @TempDir
    Path tmp;

    private HttpServer repository;
    private final List<String> served = new CopyOnWriteArrayList<>();
    private ChartCoordinates demo;
    private int deadApiPort;

    @BeforeEach
    void aChartRepositoryWithOneChart() throws Exception {
        Path charts = Files.createDirectories(tmp.resolve("repo"));
        Helm.create().withName("demo").withDir(tmp).call();
        new Helm(tmp.resolve("demo")).packageIt().withDestination(charts).call();
        Files.writeString(charts.resolve("index.yaml"), """
                apiVersion: v1
                entries:
                  demo:
                  - apiVersion: v2
                    name: demo
                    version: 0.1.0
                    urls: [demo-0.1.0.tgz]
                generated: "2026-01-01T00:00:00Z"
                """);
        repository = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        repository.createContext("/", exchange -> {
            served.add(exchange.getRequestURI().getPath());
            Path file = charts.resolve(exchange.getRequestURI().getPath().substring(1));
            byte[] body = Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
            exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        repository.start();
        demo = new ChartCoordinates("http://127.0.0.1:" + repository.getAddress().getPort() + "/", "demo", "0.1.0",
                "demo-ns", "demo");
        try (ServerSocket s = new ServerSocket(0)) {
            deadApiPort = s.getLocalPort();
        }
    }

    @AfterEach
    void stop() {
        repository.stop(0);
    }

    private String kubeconfig() {
        return LabKubeconfig.pointingAt("https://127.0.0.1:" + deadApiPort);
    }

    @Test
    void theChartIsFetchedFromItsRepositoryAndInstalledAgainstTheClustersOwnApiServer() throws Exception {
        HelmCharts helm = new HelmCharts(tmp.resolve("home/helm/repositories.yaml"));

        assertThatThrownBy(() -> helm.install(demo, "0.1.0", TestInfra.yaml("{replicaCount: 2}"), kubeconfig(),
                Duration.ofSeconds(5))).isInstanceOfSatisfying(SikifansoException.class, e -> {
                    assertThat(e.getMessage()).startsWith("installing demo 0.1.0 failed: ")
                            .contains("127.0.0.1:" + deadApiPort);
                    assertThat(e.hint()).contains("kubectl get pods");
                });

        assertThat(served).contains("/index.yaml", "/demo-0.1.0.tgz");
        assertThat(Files.readString(tmp.resolve("home/helm/repositories.yaml")))
                .contains("name: sikifanso-demo").contains("url: " + demo.repoURL());
    }

    @Test
    void aVersionTheRepositoryDoesNotHaveFailsBeforeTheClusterIsTouched() {
        HelmCharts helm = new HelmCharts(tmp.resolve("home/helm/repositories.yaml"));

        assertThatThrownBy(() -> helm.install(demo, "9.9.9", TestInfra.yaml("{}"), kubeconfig(),
                Duration.ofSeconds(5))).isInstanceOf(SikifansoException.class)
                .hasMessageStartingWith("installing demo 9.9.9 failed: ").hasMessageContaining("9.9.9")
                .message().doesNotContain(String.valueOf(deadApiPort));
        assertThat(served).doesNotContain("/demo-0.1.0.tgz");
    }

    @Test
    void anUnreachableRepositoryIsNamedWithTheFileToFix() {
        HelmCharts helm = new HelmCharts(tmp.resolve("home/helm/repositories.yaml"));
        ChartCoordinates unreachable = new ChartCoordinates("http://127.0.0.1:" + deadApiPort + "/", "cilium",
                "1.19.6", "kube-system", "cilium");

        assertThatThrownBy(() -> helm.install(unreachable, "1.19.6", TestInfra.yaml("{}"), kubeconfig(),
                Duration.ofSeconds(5))).isInstanceOfSatisfying(SikifansoException.class, e -> {
                    assertThat(e.getMessage()).startsWith("cannot reach the Helm repository http://127.0.0.1:"
                            + deadApiPort + "/: ");
                    assertThat(e.hint()).isEqualTo("check the network, or repoURL in infra/cilium.yaml");
                });
    }

    @Test
    void helmReportsTheChartAsNameDashVersion() {
        assertThat(HelmCharts.chartVersion(demo, "demo-0.1.0")).isEqualTo("0.1.0");
        assertThat(HelmCharts.chartVersion(new ChartCoordinates("u", "argo-cd", "10.2.1", "argocd", "argocd"),
                "argo-cd-10.2.1")).isEqualTo("10.2.1");
    }
}

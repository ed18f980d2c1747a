package com.sikifanso.cluster;

import com.sikifanso.core.K3dNames;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.cli.SikifansoProcess;
import com.sikifanso.core.Mappers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sikifanso cluster create} as a user runs it on a machine without the node image: one
 * process per command (the main class from the test classpath in its own JVM, as the other CLI
 * tests run it; the distribution is packaged after the tests), the node image pulled for real from
 * Debian's docker-registry on 127.0.0.1, nodes in the real Docker engine.
 *
 * <p>What this cannot prove: the stand-in node (busybox, see src/test/resources/k3s-standin) is no
 * k3s and serves no Kubernetes API, so these runs use --skip-bootstrap and --no-wait: the Cilium and
 * Argo CD installs, the root ApplicationSets and app status are covered in-process against
 * fabric8's mock API server (PlatformBootstrapTest), not through this process. No real k3s,
 * Cilium datapath or Argo CD reconciliation runs here.
 */
class ClusterCreateProcessTest {
    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    private static LocalRegistry registry;
    private static String image;
    private final java.util.List<String> made = new java.util.ArrayList<>();

    @BeforeAll
    static void registryWithTheNodeImage() throws Exception {
        RealDocker.require();
        registry = LocalRegistry.start(shared.resolve("registry"));
        image = registry.publishStandIn("rancher/k3s", "e2e-" + ProcessHandle.current().pid());
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        if (registry != null) {
            LocalRegistry.removeFromEngine(image);
            registry.close();
        }
    }

    @AfterEach
    void removeClusters() {
        NodeRuntime nodes = new NodeRuntime(RealDocker.engine());
        for (String name : made) {
            try {
                nodes.remove(new K3dNames(name));
            } catch (RuntimeException ignored) {
                // Best effort: the test reported what went wrong.
            }
        }
    }

    private String name(String base) {
        String n = base + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
        made.add(n);
        return n;
    }

    private SikifansoProcess.Result sikifanso(String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("KUBECONFIG", tmp.resolve("kube/config").toString());
        env.put("HOME", tmp.toString());
        return new SikifansoProcess(tmp.resolve("home")).run(env, args);
    }

    @Test
    void theFirstCreatePullsTheNodeImageWithProgressTheSecondDoesNotAndTheClusterLivesAndGoes() throws Exception {
        LocalRegistry.removeFromEngine(image);
        String first = name("e2e");
        SikifansoProcess.Result created = sikifanso("cluster", "create", first, "--image", image, "--skip-bootstrap",
                "-o", "json");

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.stderr()).contains("] pulling " + image + "\n")
                .containsPattern("] pulled \\Q" + image + "\\E \\(1 layer, \\d+\\.\\d MB in \\d+\\.\\ds\\)");
        assertThat(created.stdout().strip()).as("-o json: one JSON object, nothing else").startsWith("{").endsWith("}");
        JsonNode session = Mappers.JSON.readTree(created.stdout()).path("session");
        assertThat(session.path("clusterName").asText()).isEqualTo(first);
        assertThat(session.at("/k3dConfig/image").asText()).isEqualTo(image);
        assertThat(session.path("state").asText()).isEqualTo("running");
        JsonNode kubeconfig = Mappers.YAML.readTree(tmp.resolve("kube/config").toFile());
        assertThat(kubeconfig.path("current-context").asText()).isEqualTo("k3d-" + first);

        String second = name("e2e");
        SikifansoProcess.Result again = sikifanso("cluster", "create", second, "--image", image, "--skip-bootstrap");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stderr()).doesNotContain("pulling");
        assertThat(again.stdout()).contains(second);

        SikifansoProcess.Result info = sikifanso("cluster", "info", first, "-o", "json");
        assertThat(info.exitCode()).as(info.toString()).isZero();
        assertThat(Mappers.JSON.readTree(info.stdout()).at("/session/clusterName").asText()).isEqualTo(first);

        assertThat(sikifanso("cluster", "stop", first).exitCode()).isZero();
        SikifansoProcess.Result started = sikifanso("cluster", "start", first, "--no-wait");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        assertThat(started.stderr()).doesNotContain("pulling");

        for (String n : new String[] {first, second}) {
            SikifansoProcess.Result deleted = sikifanso("cluster", "delete", n, "--yes");
            assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
            assertThat(new NodeRuntime(RealDocker.engine()).leftovers(new K3dNames(n))).isEmpty();
        }
        assertThat(Mappers.YAML.readTree(tmp.resolve("kube/config").toFile()).toString()).doesNotContain("k3d-e2e");
    }

    @Test
    void pullNeverWithoutTheImageFailsInOneLineAndLeavesNothingInDocker() {
        LocalRegistry.removeFromEngine(image);
        String n = name("never");

        SikifansoProcess.Result r = sikifanso("cluster", "create", n, "--image", image, "--skip-bootstrap",
                "--pull", "never");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).contains("the node image " + image + " is not in Docker, and --pull never forbids"
                + " pulling it").contains("docker pull " + image);
        assertThat(new NodeRuntime(RealDocker.engine()).leftovers(new K3dNames(n))).isEmpty();
    }

    @Test
    void anUnknownTagFailsNamingTheRegistrysAnswerAndLeavesNothingInDocker() {
        String n = name("notag");
        String missing = registry.host + "/rancher/k3s:no-such-tag";

        SikifansoProcess.Result r = sikifanso("cluster", "create", n, "--image", missing, "--skip-bootstrap");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).contains("cannot pull " + missing + ": " + registry.host + " answered \"")
                .contains("manifest unknown").contains("(no such image or tag)");
        assertThat(new NodeRuntime(RealDocker.engine()).leftovers(new K3dNames(n))).isEmpty();
        assertThat(Files.exists(tmp.resolve("kube/config"))
                && Files.isRegularFile(tmp.resolve("kube/config"))).as("no kubeconfig entry was written").isFalse();
    }
}

package com.sikifanso.cluster;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.K3dNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.ClusterState;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Creates that go wrong, on the real engine: each says why, and leaves nothing behind in Docker. */
class ClusterCreateFailuresTest {
    @TempDir
    Path tmp;

    @RegisterExtension
    final DockerClusters engine = new DockerClusters();

    @Test
    void anApiServerThatNeverAnswersTimesOutWithTheUrlAndEverythingMadeIsRemoved() {
        engine.clusters().withBootstrap(new ApiServerWait(Clock.systemUTC()));
        String name = engine.clusters().name("slow");
        ClusterService.CreateRequest r = engine.clusters().request(name);

        assertThatThrownBy(() -> engine.clusters().service().create(new ClusterService.CreateRequest(ClusterName.of(name), r.template(), null,
                null, r.image(), true, false, Duration.ofSeconds(3), false, PullPolicy.MISSING, null),
                com.sikifanso.agui.RunProgress.toLines(engine.clusters().progress::add)))
                .isInstanceOf(SikifansoException.class)
                .hasMessageMatching("the API server did not answer within 3s on https://127\\.0\\.0\\.1:\\d+ .*")
                .satisfies(e -> {
                    SikifansoException s = (SikifansoException) e;
                    assertThat(s.exitCode()).isEqualTo(SikifansoException.TIMEOUT);
                    assertThat(s.hint()).contains("--timeout")
                            .contains("removed the nodes, network and kubeconfig entries made so far (their logs "
                                    + "with them: add --keep-on-failure to keep them for docker logs)")
                            .contains("the GitOps repo is kept at " + engine.clusters().gitOps(name));
                });

        assertNothingInDocker(name);
        assertThat(engine.clusters().progress).anyMatch(l -> l.startsWith("waiting for the API server at https://127.0.0.1:"));
        assertThat(engine.clusters().gitOps(name).resolve(".git")).isDirectory();
        assertThat(engine.clusters().service().info(ClusterName.of(name)).state()).isEqualTo(ClusterState.NOT_CREATED);
        assertThat(engine.clusters().kubeconfig).content().doesNotContain("k3d-" + name);
    }

    @Test
    void aMissingImageWithPullNeverIsRefusedBeforeAnythingIsCreatedAndKeepsTheRepo() {
        String name = engine.clusters().name("noimage");
        ClusterService.CreateRequest r = engine.clusters().request(name);

        assertThatThrownBy(() -> engine.clusters().service().create(new ClusterService.CreateRequest(ClusterName.of(name), r.template(), null,
                null, "sikifanso/no-such-image:never", true, false, r.timeout(), false, PullPolicy.NEVER, null),
                com.sikifanso.agui.RunProgress.toLines(engine.clusters().progress::add)))
                .hasMessage("the node image sikifanso/no-such-image:never is not in Docker, and --pull never forbids"
                        + " pulling it")
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .contains("docker pull sikifanso/no-such-image:never");

        assertNothingInDocker(name);
        assertThat(engine.clusters().gitOps(name).resolve(".git")).isDirectory();
    }

    @Test
    void aServerThatExitsIsReportedWithItsLastLogLines() throws IOException {
        String name = engine.clusters().name("crash");
        engine.clusters().service().prepare(ClusterName.of(name), new TemplateSource.Embedded(), null);
        writeOverride(name, "k3sArgs:\n  - --stand-in-exit\n");

        assertThatThrownBy(() -> engine.clusters().create(name))
                .hasMessageContaining("the k3s server k3d-" + name + "-server-0 stopped")
                .hasMessageContaining("exiting as asked by --stand-in-exit");
        assertNothingInDocker(name);
    }

    @Test
    void keepOnFailureLeavesTheNodesForInspectionAndDeleteRemovesThem() {
        engine.clusters().withBootstrap(new ApiServerWait(Clock.systemUTC()));
        String name = engine.clusters().name("keep");
        ClusterService.CreateRequest r = engine.clusters().request(name);

        assertThatThrownBy(() -> engine.clusters().service().create(new ClusterService.CreateRequest(ClusterName.of(name), r.template(), null,
                null, r.image(), true, true, Duration.ofSeconds(1), false, PullPolicy.MISSING, null),
                com.sikifanso.agui.RunProgress.toLines(engine.clusters().progress::add)))
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .contains("kept for inspection").contains("sikifanso cluster delete " + name);
        assertThat(engine.clusters().nodes().nodes(ClusterName.of(name))).hasSize(1);
        // The doctor's session row says the nodes are left (where it told to create them, which the name refuses).
        com.sikifanso.doctor.CheckResult session = new com.sikifanso.Services(new com.sikifanso.core.BuildInfo("test",
                "none"), new com.sikifanso.session.SikifansoHome(engine.clusters().home), Duration.ofSeconds(5),
                com.sikifanso.core.Progress.NONE, engine.clusters().env).doctor().examine(ClusterName.of(name),
                new com.sikifanso.doctor.Doctor.Options(Duration.ofSeconds(3), true)).checks().stream()
                .filter(c -> c.name().equals("Session")).findFirst().orElseThrow();
        assertThat(session.message()).isEqualTo("state not-created, nodes left");
        assertThat(session.cause().cli()).startsWith("a create of cluster \"" + name + "\" did not finish and left "
                + "container k3d-" + name + "-server-0");
        assertThat(session.fix().cli()).contains("docker logs k3d-" + name + "-server-0")
                .contains("sikifanso cluster delete " + name).doesNotContain("cluster create");

        engine.clusters().service().delete(ClusterName.of(name), com.sikifanso.agui.RunProgress.toLines(engine.clusters().progress::add));
        assertNothingInDocker(name);
    }

    @Test
    void ctrlCWhileWaitingForTheApiServerRemovesWhatWasMadeAsAFailureDoes() throws Exception {
        // Before: the JVM halted after Ctrl+C with no failure path run, leaving nodes, network, volume and context.
        String name = engine.clusters().name("ctrlc");
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process create = new com.sikifanso.cli.SikifansoProcess(engine.clusters().home).start(engine.clusters().env,
                out, err, "cluster", "create", name, "--image", RealDocker.STAND_IN_IMAGE, "--pull", "never",
                "--timeout", "5m");
        try {
            // The stand-in node serves no API: the create waits for it until stopped.
            java.time.Instant until = java.time.Instant.now().plusSeconds(90);
            while (!java.nio.file.Files.readString(err).contains("waiting for the API server")) {
                assertThat(create.isAlive()).as(java.nio.file.Files.readString(err)).isTrue();
                assertThat(java.time.Instant.now()).as("the create reaching its API wait").isBefore(until);
                Thread.sleep(200);
            }
            assertThat(engine.clusters().nodes().nodes(ClusterName.of(name))).hasSize(1);

            create.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl+C's SIGINT
            assertThat(create.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            create.destroyForcibly();
        }

        assertNothingInDocker(name);
        assertThat(engine.clusters().kubeconfig).content().doesNotContain("k3d-" + name);
        assertThat(java.nio.file.Files.readString(err)).contains("removing what was created for " + name);
        assertThat(engine.clusters().gitOps(name).resolve(".git")).as("the repo is kept, as after a failure")
                .isDirectory();
    }

    @Test
    void aNameTakenInDockerIsRefusedBeforeAnythingIsWritten() {
        String name = engine.clusters().name("taken");
        engine.docker().createNetworkCmd().withName("k3d-" + name).withLabels(Map.of("app", "k3d")).exec();
        try {
            assertThatThrownBy(() -> engine.clusters().create(name))
                    .hasMessage("the name \"" + name + "\" is taken in Docker: network k3d-" + name
                            + " already exists");
            assertThat(engine.clusters().home.resolve("clusters").resolve(name)).doesNotExist();
        } finally {
            engine.docker().removeNetworkCmd("k3d-" + name).exec();
        }
    }

    @Test
    void aRunningClusterOfTheSameNameIsRefused() {
        String name = engine.clusters().name("twice");
        engine.clusters().create(name);

        assertThatThrownBy(() -> engine.clusters().create(name))
                .hasMessage("cluster \"" + name + "\" already exists (running)");
        assertThat(engine.clusters().nodes().nodes(ClusterName.of(name))).hasSize(1);
    }

    @Test
    void aPortInUseMovesEveryPortToFreeOnes() throws IOException {
        try (ServerSocket busy = new ServerSocket()) {
            busy.setReuseAddress(false);
            try {
                busy.bind(new InetSocketAddress(8443));
            } catch (IOException alreadyTaken) {
                // Someone else holds it already: the create must move away all the same.
            }
            String name = engine.clusters().name("busy");
            engine.clusters().create(name);

            var ports = engine.clusters().service().info(ClusterName.of(name)).ports();
            assertThat(ports.https()).isNotEqualTo(8443);
            assertThat(ports.apiServer()).isNotEqualTo(6443);
            assertThat(ports.argocdUI()).isNotEqualTo(30080);
            assertThat(engine.clusters().progress).anyMatch(l -> l.endsWith("(defaults taken)"));
        }
    }

    @Test
    void aCorruptInfraOverrideNamesTheKeyAndFileAndCreatesNothing() throws IOException {
        String name = engine.clusters().name("corrupt");
        engine.clusters().service().prepare(ClusterName.of(name), new TemplateSource.Embedded(), null);
        Path file = writeOverride(name, "agents: 1\nnodePorts:\n  argocdUi: 30090\n");

        assertThatThrownBy(() -> engine.clusters().create(name))
                .hasMessage("unknown key \"nodePorts.argocdUi\" in " + file)
                .extracting(e -> ((SikifansoException) e).hint()).asString().contains("nodePorts.argocdUI");
        assertNothingInDocker(name);
    }

    @Test
    void anUnwritableKubeconfigIsRefusedBeforeAnyNodeIsMade() throws IOException {
        Path notADirectory = Files.writeString(tmp.resolve("plain-file"), "x");
        TestClusters clusters = engine.clustersWith(Map.of("KUBECONFIG", notADirectory.resolve("config").toString()));
        String name = clusters.name("nokube");

        assertThatThrownBy(() -> clusters.create(name))
                .hasMessage("cannot write kubeconfig " + notADirectory.resolve("config") + ": " + notADirectory
                        + " is not a directory")
                .extracting(e -> ((SikifansoException) e).hint()).asString().contains("KUBECONFIG");
        assertNothingInDocker(name);
        assertThat(clusters.home.resolve("clusters").resolve(name)).doesNotExist();
    }

    private Path writeOverride(String name, String yaml) throws IOException {
        Path file = engine.clusters().gitOps(name).resolve("infra").resolve("platform.yaml");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, yaml);
    }

    private void assertNothingInDocker(String name) {
        assertThat(engine.clusters().nodes().leftovers(new K3dNames(name))).isEmpty();
    }
}

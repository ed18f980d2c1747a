package com.sikifanso.cluster;

import com.sikifanso.core.K3dNames;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.cli.CommandLines;
import com.sikifanso.core.Mappers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster commands as a user runs them: result on stdout, progress with elapsed time on stderr. */
class ClusterCommandsTest {
    @TempDir
    Path tmp;

    private final Map<String, String> env = new HashMap<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String name;

    @BeforeEach
    void requireDocker() {
        RealDocker.require();
        env.putAll(RealDocker.env());
        env.put("SIKIFANSO_HOME", tmp.resolve("home").toString());
        env.put("KUBECONFIG", tmp.resolve("kube/config").toString());
        env.put("HOME", tmp.toString());
        env.remove("SIKIFANSO_CLUSTER");
        name = "cli-" + Long.toString(System.nanoTime() % 46656, 36);
    }

    @AfterEach
    void cleanUp() {
        if (RealDocker.available()) {
            new NodeRuntime(RealDocker.engine()).remove(new K3dNames(name));
        }
    }

    @Test
    void createWaitsForTheApiServerAndTimesOutWithExitCode3() {
        int code = run("cluster", "create", name, "--image", RealDocker.STAND_IN_IMAGE, "--timeout", "3s");

        assertThat(code).isEqualTo(3);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString())
                .containsPattern("\\[ *\\d+\\.\\ds] creating node k3d-" + name + "-server-0")
                .containsPattern("Error: the API server did not answer within 3s on https://127\\.0\\.0\\.1:\\d+")
                .contains("removed the nodes, network and kubeconfig entries made so far");
    }

    @Test
    void createStopStartInfoAndDeleteThroughTheCommands() throws Exception {
        assertThat(run("cluster", "create", name, "--image", RealDocker.STAND_IN_IMAGE, "--agents", "1",
                "--no-switch-context", "--skip-bootstrap")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Cluster:     " + name).contains("State:       running")
                .contains("Nodes:       1 server, 1 agents (" + RealDocker.STAND_IN_IMAGE + ")");

        assertThat(run("cluster", "stop", name)).isZero();
        assertThat(out.toString()).isEqualTo("Cluster " + name + " is stopped.\n");
        assertThat(err.toString()).containsPattern("\\] stopping k3d-" + name + "-agent-0");

        assertThat(run("cluster", "info")).isZero();
        assertThat(out.toString()).containsPattern(name + " +stopped +stopped +\\d+");

        // The stand-in node serves no API, so the wait after start runs out: exit 3, containers running.
        assertThat(run("cluster", "start", name, "--timeout", "2s")).isEqualTo(3);
        assertThat(err.toString()).containsPattern("\\] starting k3d-" + name + "-server-0")
                .containsPattern("Error: the API server did not answer within 2s on https://127\\.0\\.0\\.1:\\d+");
        assertThat(run("cluster", "stop", name)).isZero();
        assertThat(run("cluster", "start", name, "--no-wait")).isZero();
        assertThat(err.toString()).doesNotContain("waiting for the API server");
        assertThat(run("cluster", "info", name, "-o", "json")).isZero();
        JsonNode info = Mappers.JSON.readTree(out.toString());
        assertThat(info.at("/session/state").asText()).isEqualTo("running");
        assertThat(info.path("docker").asText()).isEqualTo("running");
        assertThat(info.at("/session/ports/apiServer").asInt()).isPositive();

        assertThat(run("cluster", "delete", name, "--yes")).isZero();
        assertThat(new NodeRuntime(RealDocker.engine()).leftovers(new K3dNames(name))).isEmpty();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return CommandLines.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true), false);
    }
}

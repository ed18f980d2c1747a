package com.sikifanso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.GitCli;
import com.sikifanso.core.Mappers;
import com.sikifanso.platform.AttachedLab;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands a user runs on a cluster after {@code cluster attach}, typed as on the command line, against fabric8's
 * mock API server shaped as EKS (no real cloud cluster runs here). Docker points at a socket nobody serves and the
 * kubeconfig has no {@code k3d-prod} context, so nothing may lean on k3d: what only k3d nodes have (start, stop,
 * image import, upgrading what attach did not install) is refused saying why and what to do, before Docker or Helm is
 * asked; the rest reaches the cluster through the context attach recorded and Argo CD through the git remote.
 */
@EnableKubernetesMockClient(crud = true)
class AttachedClusterCommandsTest {
    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path tmp;

    private AttachedLab lab;

    @BeforeEach
    void anEksClusterAttached() throws Exception {
        lab = new AttachedLab(tmp, server, client);
    }

    @AfterEach
    void stop() throws Exception {
        lab.close();
    }

    private SikifansoProcess.Result run(String... args) {
        return InProcess.run(lab.home, lab.env, false, args);
    }

    @Test
    void startStopImageImportAndUpgradingWhatAttachDidNotInstallAreRefusedWithWhatToDoInstead() {
        List<SikifansoProcess.Result> refused = new ArrayList<>();
        for (String[] args : List.of(new String[] {"cluster", "stop", "prod"}, new String[] {"cluster", "start", "prod"},
                new String[] {"-c", "prod", "image", "import", "my-agent:dev"})) {
            refused.add(run(args));
        }

        assertThat(refused.get(0).stderr()).contains("cluster \"prod\" is attached to an existing cluster (context "
                + AttachedLab.CONTEXT + ", eks): its nodes are not sikifanso's containers in Docker, so it cannot stop "
                + "them; nothing was changed", "sikifanso cluster doctor prod", "sikifanso cluster detach prod");
        assertThat(refused.get(1).stderr()).contains("so it cannot start them", "start or scale them there");
        assertThat(refused.get(2).stderr()).contains("cannot import images into them",
                "push the image to a registry its nodes pull from");
        assertThat(refused).allSatisfy(r -> {
            assertThat(r.exitCode()).as(r.stderr()).isEqualTo(1);
            assertThat(r.stderr()).as("refused before Docker is asked").doesNotContain("no-docker.sock");
        });
        SikifansoProcess.Result info = run("cluster", "info", "prod", "-o", "json");
        assertThat(info.exitCode()).as(info.stderr()).isZero();
        assertThat(info.stdout()).as("still attached and running").contains("running");

        SikifansoProcess.Result cilium = run("cluster", "upgrade", "cilium", "prod");
        assertThat(cilium.exitCode()).as(cilium.stderr()).isEqualTo(1);
        assertThat(cilium.stderr()).contains("sikifanso did not install its Cilium; nothing was changed",
                "your provider's add-ons", "sikifanso cluster doctor prod");
    }

    /** MCP and the AI operator call the same operations; their refusal names the tools to use instead. */
    @Test
    void overMcpTheRefusalNamesTheToolsToUseAndTheDoctorAnswers() {
        com.sikifanso.ops.Invocations.Caller mcp = com.sikifanso.ops.Invocations.Caller.program(
                com.sikifanso.ops.Surface.mcp, line -> { });
        com.sikifanso.mcp.ToolHints hints = new com.sikifanso.mcp.ToolHints(
                new com.sikifanso.ops.OperationRegistry().all());

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() ->
                lab.services.invocations().invoke(com.sikifanso.ops.ClusterOps.CLUSTER_STOP,
                        new com.sikifanso.ops.ClusterOps.ClusterRef("prod"), mcp));
        com.sikifanso.doctor.DoctorReport report = lab.services.invocations().invoke(com.sikifanso.ops.DoctorOps.DOCTOR,
                new com.sikifanso.ops.DoctorOps.DoctorInput("prod", "10s", null), mcp);

        assertThat(hints.error((com.sikifanso.core.SikifansoException) thrown)).contains("so it cannot stop them",
                "doctor with cluster: \"prod\"", "cluster_detach with cluster: \"prod\"");
        assertThat(report.checks()).extracting(com.sikifanso.doctor.CheckResult::name).contains("Attached cluster")
                .doesNotContain("Docker");
    }

    /** The API down (its context's server a port nobody serves): the hint is the context and login, not start. */
    @Test
    void anUnreachableAttachedApiNamesTheContextAndTheDoctorNotClusterStart() throws Exception {
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            String config = java.nio.file.Files.readString(lab.kubeconfig);
            java.nio.file.Files.writeString(lab.kubeconfig, config.replaceFirst("server: \"[^\"]+\"",
                    "server: \"https://127.0.0.1:" + closed.getLocalPort() + "\""));
        }

        SikifansoProcess.Result status = run("-c", "prod", "app", "status");

        assertThat(status.exitCode()).as(status.stderr()).isEqualTo(1);
        assertThat(status.stderr()).contains("cannot talk to the Kubernetes API of attached cluster \"prod\" (context "
                + AttachedLab.CONTEXT + " in " + lab.kubeconfig + ")", "check that context's server and credentials",
                "gcloud auth login", "sikifanso cluster doctor prod").doesNotContain("cluster start");
    }

    @Test
    void doctorAsksTheAttachedApiAndNeverDocker() throws Exception {
        SikifansoProcess.Result doctor = run("cluster", "doctor", "prod", "-o", "json");

        JsonNode checks = Mappers.JSON.readTree(doctor.stdout()).path("checks");
        List<String> names = new ArrayList<>();
        checks.forEach(c -> names.add(c.path("name").asText()));
        assertThat(names).contains("Attached cluster", "Kubernetes API", "CNI", "Argo CD server")
                .doesNotContain("Docker", "Node containers", "GitOps mount", "Pod DNS");
        checks.forEach(c -> assertThat(c.path("status").asText()).as(c.toString()).isNotEqualTo("fail"));
    }

    @Test
    void appEnableIsCommittedAndPushedForTheAttachedArgoCd_andShowsInEventsAndSnapshots() throws Exception {
        GitCli repo = new GitCli(lab.home.resolve("clusters/prod/gitops"));

        SikifansoProcess.Result enable = run("-c", "prod", "app", "enable", "qdrant", "--no-wait");
        SikifansoProcess.Result agent = run("-c", "prod", "agent", "create", "scout", "--allow", "qdrant",
                "--no-wait");
        SikifansoProcess.Result events = run("-c", "prod", "events", "-o", "json");
        SikifansoProcess.Result snapshot = run("-c", "prod", "snapshot", "capture", "--name", "before-change");

        assertThat(enable.exitCode()).as(enable.stderr()).isZero();
        assertThat(agent.exitCode()).as(agent.stderr()).isZero();
        assertThat(repo.subjects()).anyMatch(s -> s.contains("qdrant"));
        assertThat(lab.remoteHead()).as("pushed: the attached Argo CD reads the remote, not this disk")
                .isEqualTo(repo.head());
        assertThat(events.exitCode()).as(events.stderr()).isZero();
        assertThat(events.stdout()).contains("catalog_enable", "agent_create");
        assertThat(snapshot.exitCode()).as(snapshot.stderr()).isZero();
        assertThat(run("snapshot", "list").stdout()).contains("before-change");
    }
}

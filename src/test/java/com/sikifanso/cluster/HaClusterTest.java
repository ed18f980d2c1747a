package com.sikifanso.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.sikifanso.core.ClusterName;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three servers with embedded etcd behind k3d's load balancer, on the real Docker engine with the stand-in node image
 * (no k3s image can be had here, so etcd itself and the LB's nginx do not run: what is checked is what sikifanso
 * makes: the containers, their flags and env, the order they start in, the published ports and the LB's config).
 */
class HaClusterTest {
    @RegisterExtension
    final DockerClusters engine = new DockerClusters();

    @Test
    void threeServersJoinTheFirstAndTheApiIsPublishedByTheLoadBalancer() throws Exception {
        String name = engine.clusters().name("ha");
        engine.clusters().service().prepare(ClusterName.of(name), new TemplateSource.Embedded(), null);
        // The stand-in plays the load balancer too: k3d's proxy image cannot be pulled here either.
        Files.writeString(engine.clusters().gitOps(name).resolve("infra/platform.yaml"),
                "loadBalancerImage: " + RealDocker.STAND_IN_IMAGE + "\n");
        ClusterService.CreateRequest base = engine.clusters().request(name);

        engine.clusters().service().create(new ClusterService.CreateRequest(base.name(), base.template(), null, 1, base.image(),
                false, false, base.timeout(), false, PullPolicy.MISSING, null, new NodeOptions(3, null)),
                com.sikifanso.agui.RunProgress.toLines(engine.clusters().progress::add));

        String prefix = "k3d-" + name;
        InspectContainerResponse init = engine.docker().inspectContainerCmd(prefix + "-server-0").exec();
        InspectContainerResponse second = engine.docker().inspectContainerCmd(prefix + "-server-2").exec();
        InspectContainerResponse lb = engine.docker().inspectContainerCmd(prefix + "-serverlb").exec();
        Session.Ports ports = engine.clusters().service().info(ClusterName.of(name)).ports();

        assertThat(Arrays.asList(init.getArgs())).contains("server", "--cluster-init", "--tls-san", prefix + "-serverlb");
        assertThat(init.getConfig().getLabels()).containsEntry("k3d.server.init", "true");
        assertThat(init.getConfig().getEnv()).noneMatch(e -> e.startsWith("K3S_URL="));
        assertThat(Arrays.asList(second.getArgs())).doesNotContain("--cluster-init");
        assertThat(second.getConfig().getEnv()).contains("K3S_URL=https://" + prefix + "-server-0:6443");
        assertThat(second.getConfig().getLabels()).containsEntry("k3d.server.init", "false");
        assertThat(init.getHostConfig().getPortBindings().getBindings()).isEmpty();

        assertThat(lb.getConfig().getLabels()).containsEntry("app", "k3d").containsEntry("k3d.role", "loadbalancer")
                .containsEntry("k3d.cluster", name);
        assertThat(lb.getConfig().getEntrypoint()).doesNotContain(EntrypointWrapper.PATH);
        assertThat(lb.getHostConfig().getPortBindings().getBindings().get(ExposedPort.tcp(6443))[0].getHostPortSpec())
                .isEqualTo(Integer.toString(ports.apiServer()));
        assertThat(lb.getHostConfig().getPortBindings().getBindings().get(ExposedPort.tcp(30080))[0].getHostPortSpec())
                .isEqualTo(Integer.toString(ports.argocdUI()));
        String config = new String(engine.clusters().nodes().readFile(lb.getId(), ServerLoadBalancer.CONFIG_PATH).orElseThrow(),
                StandardCharsets.UTF_8);
        assertThat(config).startsWith("ports:\n  6443.tcp:\n  - " + prefix + "-server-0\n  - " + prefix
                + "-server-1\n  - " + prefix + "-server-2\n  30082.tcp:\n").contains("  - " + prefix + "-agent-0\n")
                .endsWith("settings:\n  workerConnections: 1036\n");

        // Servers in order, then the agent, then the load balancer: as k3d starts them.
        List<String> started = engine.clusters().nodes().nodes(ClusterName.of(name)).stream()
                .sorted((a, b) -> startedAt(a.id()).compareTo(startedAt(b.id()))).map(NodeRuntime.Node::name).toList();
        assertThat(started).containsExactly(prefix + "-server-0", prefix + "-server-1", prefix + "-server-2",
                prefix + "-agent-0", prefix + "-serverlb");

        engine.clusters().service().delete(ClusterName.of(name), com.sikifanso.core.Progress.NONE);
        assertThat(engine.clusters().nodes().leftovers(new com.sikifanso.core.K3dNames(name))).isEmpty();
    }

    private Instant startedAt(String id) {
        return Instant.parse(engine.docker().inspectContainerCmd(id).exec().getState().getStartedAt());
    }
}

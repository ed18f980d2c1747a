package com.sikifanso.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PushResponseItem;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.K3dNames;
import com.sikifanso.core.Mappers;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.Session;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * cluster create --registry-create on the real Docker engine with the stand-in nodes: the registry container with
 * k3d's name, labels and port, k3s' registries.yaml in every node pointing at it, an image pushed to localhost:PORT
 * from the host and listed by the registry when a node asks it by name on the cluster network, and all of it gone
 * with cluster delete. The registry is Debian's docker-registry in an image of its own (registry:2 cannot be pulled
 * here); what containerd in a real k3s node does with the mirrors cannot run here.
 */
class RegistryCreateTest {
    @RegisterExtension
    final DockerClusters engine = new DockerClusters();

    @Test
    void theRegistryIsReachableByNameInsideAndOnLocalhostOutsideAndGoesWithTheCluster() throws Exception {
        TestClusters clusters = engine.clusters();
        String name = clusters.name("reg");
        K3dNames names = new K3dNames(name);
        clusters.service().prepare(ClusterName.of(name), new TemplateSource.Embedded(), null);
        Files.writeString(clusters.gitOps(name).resolve("infra/platform.yaml"),
                "registryImage: " + RegistryStandIn.image() + "\n");
        ClusterService.CreateRequest base = clusters.request(name);

        clusters.service().create(new ClusterService.CreateRequest(base.name(), base.template(), null, 1, base.image(),
                false, false, base.timeout(), false, PullPolicy.MISSING, null, new NodeOptions(null, null, null, 0)),
                com.sikifanso.agui.RunProgress.toLines(clusters.progress::add));

        String registryName = "k3d-" + name + "-registry";
        InspectContainerResponse registry = engine.docker().inspectContainerCmd(registryName).exec();
        Ports.Binding[] bound = registry.getHostConfig().getPortBindings().getBindings().get(ExposedPort.tcp(5000));
        int port = Integer.parseInt(bound[0].getHostPortSpec());
        assertThat(bound[0].getHostIp()).isEqualTo("127.0.0.1");
        assertThat(registry.getState().getRunning()).isTrue();
        assertThat(registry.getConfig().getLabels()).containsEntry("app", "k3d").containsEntry("k3d.role", "registry")
                .containsEntry("k3d.cluster", name).containsEntry("k3s.registry.port.external", Integer.toString(port))
                .containsEntry("k3s.registry.port.internal", "5000").containsEntry("k3d.registry.hostIP", "127.0.0.1");
        assertThat(registry.getNetworkSettings().getNetworks()).containsKey(names.network());
        assertThat(clusters.service().info(ClusterName.of(name)).k3dConfig().registry())
                .isEqualTo(new Session.LocalRegistry(registryName, port));
        assertThat(clusters.progress).anyMatch(l -> l.contains("creating registry " + registryName)
                && l.contains("localhost:" + port));

        for (String node : List.of(names.server(0), names.agent(0))) {
            JsonNode yaml = Mappers.YAML.readTree(clusters.nodes().readFile(node, RegistryConfig.NODE_PATH)
                    .orElseThrow());
            for (String host : List.of(registryName + ":" + port, registryName + ":5000")) {
                assertThat(yaml.at("/mirrors").get(host).get("endpoint").get(0).asText()).as(node + " " + host)
                        .isEqualTo("http://" + registryName + ":5000");
            }
        }

        String pushed = "localhost:" + port + "/" + name + "/standin";
        engine.docker().tagImageCmd(RealDocker.STAND_IN_IMAGE, pushed, "v1").exec();
        try {
            engine.docker().pushImageCmd(pushed).withTag("v1").exec(new ResultCallback.Adapter<PushResponseItem>())
                    .awaitCompletion(60, TimeUnit.SECONDS);
        } finally {
            LocalRegistry.removeFromEngine(pushed + ":v1");
        }
        NodeRuntime.ExecResult listed = clusters.nodes().exec(names.server(0), List.of("/bin/busybox", "wget", "-qO-",
                "http://" + registryName + ":5000/v2/_catalog"), Duration.ofSeconds(30));
        assertThat(listed.output()).contains("\"" + name + "/standin\"");

        clusters.service().delete(ClusterName.of(name), com.sikifanso.core.Progress.NONE);
        assertThatThrownBy(() -> engine.docker().inspectContainerCmd(registryName).exec())
                .isInstanceOf(NotFoundException.class);
        assertThat(clusters.nodes().leftovers(names)).isEmpty();
    }

    @Test
    void aRegistryNamedAsK3dAcceptsIsMadeUnderThatNameAndMirroredByIt() throws Exception {
        TestClusters clusters = engine.clusters();
        String name = clusters.name("regname");
        String registryName = name + "-images";
        clusters.service().prepare(ClusterName.of(name), new TemplateSource.Embedded(), null);
        Files.writeString(clusters.gitOps(name).resolve("infra/platform.yaml"),
                "registryImage: " + RegistryStandIn.image() + "\n");
        ClusterService.CreateRequest base = clusters.request(name);
        RegistryRequest asked = RegistryRequest.parse(registryName);

        clusters.service().create(new ClusterService.CreateRequest(base.name(), base.template(), null, 0, base.image(),
                false, false, base.timeout(), false, PullPolicy.MISSING, null,
                new NodeOptions(null, null, null, asked.port(), asked.name())),
                com.sikifanso.agui.RunProgress.toLines(clusters.progress::add));

        InspectContainerResponse registry = engine.docker().inspectContainerCmd(registryName).exec();
        assertThat(registry.getConfig().getLabels()).containsEntry("k3d.cluster", name)
                .containsEntry("k3d.role", "registry");
        int port = clusters.service().info(ClusterName.of(name)).k3dConfig().registry().hostPort();
        assertThat(clusters.service().info(ClusterName.of(name)).k3dConfig().registry().name()).isEqualTo(registryName);
        JsonNode yaml = Mappers.YAML.readTree(clusters.nodes().readFile(names(name).server(0), RegistryConfig.NODE_PATH)
                .orElseThrow());
        assertThat(yaml.at("/mirrors").get(registryName + ":" + port).get("endpoint").get(0).asText())
                .isEqualTo("http://" + registryName + ":5000");

        clusters.service().delete(ClusterName.of(name), com.sikifanso.core.Progress.NONE);
        assertThatThrownBy(() -> engine.docker().inspectContainerCmd(registryName).exec())
                .isInstanceOf(NotFoundException.class);
    }

    private static K3dNames names(String cluster) {
        return new K3dNames(cluster);
    }

    @Test
    void theRegistryMirrorsJoinTheUsersRegistriesYaml() {
        String merged = ClusterRegistry.registriesYaml("k3d-lab-registry", 5001,
                "mirrors:\n  docker.io:\n    endpoint: [\"https://mirror.example.com\"]\n");

        assertThat(merged).isEqualTo("""
                mirrors:
                  docker.io:
                    endpoint:
                      - https://mirror.example.com
                  k3d-lab-registry:5001:
                    endpoint:
                      - http://k3d-lab-registry:5000
                  k3d-lab-registry:5000:
                    endpoint:
                      - http://k3d-lab-registry:5000
                """);
    }
}

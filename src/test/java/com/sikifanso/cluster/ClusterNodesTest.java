package com.sikifanso.cluster;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.K3dNames;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import com.sikifanso.core.Mappers;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a user sees with docker ps / docker inspect after each lifecycle step, on the real engine. */
class ClusterNodesTest {
    @RegisterExtension
    final DockerClusters engine = new DockerClusters();

    @Test
    void createdNodesCarryK3dsNamesLabelsAndSettingsAndOurEntrypoint() throws Exception {
        String name = engine.clusters().name("nodes");
        ClusterService.CreateRequest request = engine.clusters().request(name);
        engine.clusters().service().create(new ClusterService.CreateRequest(ClusterName.of(name), request.template(), null, 1,
                request.image(), true, false, request.timeout(), false, PullPolicy.MISSING, null),
                com.sikifanso.agui.RunProgress.toLines(engine.clusters().progress::add));

        InspectContainerResponse server = engine.docker().inspectContainerCmd("k3d-" + name + "-server-0").exec();
        InspectContainerResponse agent = engine.docker().inspectContainerCmd("k3d-" + name + "-agent-0").exec();
        Session session = engine.clusters().service().info(ClusterName.of(name));
        Session.Ports ports = session.ports();

        assertThat(server.getState().getRunning()).isTrue();
        assertThat(agent.getState().getRunning()).isTrue();
        assertThat(server.getConfig().getHostName()).isEqualTo("k3d-" + name + "-server-0");
        Map<String, String> labels = server.getConfig().getLabels();
        String token = labels.get("k3d.cluster.token");
        assertThat(token).hasSize(20);
        assertThat(labels).containsEntry("app", "k3d").containsEntry("k3d.role", "server")
                .containsEntry("k3d.cluster", name).containsEntry("k3d.cluster.network", "k3d-" + name)
                .containsEntry("k3d.cluster.url", "https://k3d-" + name + "-server-0:6443")
                .containsEntry("k3d.cluster.imageVolume", "k3d-" + name + "-images")
                .containsEntry("k3d.server.api.port", Integer.toString(ports.apiServer()))
                .containsEntry("k3d.server.api.host", "127.0.0.1")
                .containsKeys("k3d.version", "k3d.cluster.network.id", "k3d.cluster.network.iprange");
        assertThat(agent.getConfig().getLabels()).containsEntry("k3d.role", "agent")
                .containsEntry("k3d.cluster.token", token).doesNotContainKey("k3d.server.api.port");

        assertThat(server.getNetworkSettings().getNetworks()).containsOnlyKeys("k3d-" + name);
        assertThat(agent.getNetworkSettings().getNetworks()).containsOnlyKeys("k3d-" + name);
        String gateway = engine.docker().inspectNetworkCmd().withNetworkId("k3d-" + name).exec().getIpam().getConfig().get(0)
                .getGateway();
        assertThat(agent.getHostConfig().getExtraHosts()).containsExactly("host.k3d.internal:" + gateway);
        assertThat(server.getHostConfig().getPrivileged()).isTrue();
        assertThat(server.getHostConfig().getInit()).isTrue();
        assertThat(server.getHostConfig().getRestartPolicy().getName()).isEqualTo("unless-stopped");
        assertThat(server.getHostConfig().getTmpFs()).containsOnlyKeys("/run", "/var/run");
        assertThat(Arrays.stream(server.getHostConfig().getBinds()).map(Bind::toString))
                .contains(engine.clusters().gitOps(name) + ":/local-gitops:rw", "k3d-" + name + "-images:/k3d/images:rw");
        assertThat(Arrays.stream(agent.getHostConfig().getBinds()).map(b -> b.getVolume().getPath()))
                .contains("/local-gitops");

        assertThat(server.getConfig().getEntrypoint()).containsExactly("/bin/sikifanso-entrypoint.sh");
        // This host's upstream resolvers (loopback ones skipped) land in every node and k3s is given them.
        Optional<String> resolvConf = NodeDns.fromHost();
        List<String> dns = resolvConf.isPresent() ? List.of(NodeDns.FLAG) : List.of();
        List<String> serverCmd = new java.util.ArrayList<>(List.of("server", "--flannel-backend=none",
                "--disable-network-policy", "--disable-kube-proxy", "--disable=traefik", "--disable=servicelb",
                "--tls-san", "127.0.0.1"));
        serverCmd.addAll(dns);
        assertThat(server.getConfig().getCmd()).containsExactlyElementsOf(serverCmd);
        assertThat(agent.getConfig().getCmd()).containsExactlyElementsOf(
                java.util.stream.Stream.concat(java.util.stream.Stream.of("agent"), dns.stream()).toList());
        for (InspectContainerResponse node : List.of(server, agent)) {
            assertThat(engine.clusters().nodes().readFile(node.getId(), NodeDns.PATH).map(b -> new String(b,
                    StandardCharsets.UTF_8))).isEqualTo(resolvConf);
        }
        resolvConf.ifPresent(file -> assertThat(NodeDns.upstreams(file)).isNotEmpty()
                .noneMatch(a -> a.startsWith("127.")));
        assertThat(engine.clusters().nodes().logTail(server.getId(), 20)).as("the stand-in k3s got the flag")
                .contains(String.join(" ", serverCmd));
        assertThat(server.getConfig().getEnv()).contains("K3S_TOKEN=" + token,
                "K3S_KUBECONFIG_OUTPUT=/output/kubeconfig.yaml");
        assertThat(agent.getConfig().getEnv()).contains("K3S_TOKEN=" + token,
                "K3S_URL=https://k3d-" + name + "-server-0:6443");

        assertThat(published(server)).containsExactlyInAnyOrderEntriesOf(Map.of(
                6443, ports.apiServer(), 30082, ports.http(), 30083, ports.https(), 30080, ports.argocdUI(),
                30081, ports.hubbleUI()));
        assertThat(server.getHostConfig().getPortBindings().getBindings().get(ExposedPort.tcp(6443))[0].getHostIp())
                .isEqualTo("127.0.0.1");
        assertThat(published(agent)).isEmpty();

        // The wrapper is in the node and ran: it handed over to (stand-in) k3s with the node's command.
        assertThat(new String(engine.clusters().nodes().readFile(server.getId(), EntrypointWrapper.PATH).orElseThrow(),
                StandardCharsets.UTF_8)).isEqualTo(EntrypointWrapper.SCRIPT);
        assertThat(engine.clusters().nodes().logTail(server.getId(), 20)).contains("stand-in k3s server --flannel-backend=none")
                .doesNotContain("could not make / rshared");
        assertThat(exec(server.getId(), "cat", "/proc/self/mountinfo").lines()
                .filter(l -> l.split(" ")[4].equals("/")).findFirst().orElseThrow())
                .as("/ is a shared mount, as Cilium's bpffs and cgroup2 mounts need").contains("shared:");

        assertThat(session.state()).isEqualTo(ClusterState.RUNNING);
        assertThat(session.k3dConfig()).isEqualTo(new Session.K3dConfig(RealDocker.STAND_IN_IMAGE, 1, 1));
        assertThat(engine.clusters().bootstrapped).singleElement().satisfies(target -> {
            assertThat(target.apiUrl()).isEqualTo("https://127.0.0.1:" + ports.apiServer());
            assertThat(target.serverAddress()).isEqualTo(server.getNetworkSettings().getNetworks()
                    .get("k3d-" + name).getIpAddress());
            assertThat(target.kubeconfig()).contains("k3d-" + name);
        });

        JsonNode kubeconfig = Mappers.YAML.readTree(engine.clusters().kubeconfig.toFile());
        assertThat(kubeconfig.path("current-context").asText()).isEqualTo("k3d-" + name);
        assertThat(kubeconfig.at("/clusters/0/name").asText()).isEqualTo("k3d-" + name);
        assertThat(kubeconfig.at("/clusters/0/cluster/server").asText())
                .isEqualTo("https://127.0.0.1:" + ports.apiServer());
        assertThat(kubeconfig.at("/users/0/name").asText()).isEqualTo("k3d-" + name);
        assertThat(kubeconfig.at("/contexts/0/context/user").asText()).isEqualTo("k3d-" + name);
        assertThat(String.join("", Files.readAllLines(engine.clusters().kubeconfig))).contains("c3RhbmQtaW4gY2EK");
        assertThat(Files.getPosixFilePermissions(engine.clusters().kubeconfig)).hasSize(2);
    }

    @Test
    void theNetworkHasAFixedSubnetAndServer0AFixedAddressThatSurvivesARestart() {
        String name = engine.clusters().name("fixedip");
        ClusterService.CreateRequest request = engine.clusters().request(name);
        engine.clusters().service().create(new ClusterService.CreateRequest(ClusterName.of(name), request.template(), null, 1,
                request.image(), true, false, request.timeout(), false, PullPolicy.MISSING, null),
                com.sikifanso.agui.RunProgress.toLines(engine.clusters().progress::add));
        String server = "k3d-" + name + "-server-0";

        com.github.dockerjava.api.model.Network network = engine.docker().inspectNetworkCmd().withNetworkId("k3d-" + name)
                .exec();
        com.github.dockerjava.api.model.Network.Ipam.Config ipam = network.getIpam().getConfig().get(0);
        ClusterSubnet subnet = ClusterSubnet.parse(ipam.getSubnet()).orElseThrow();
        assertThat(ipam.getGateway()).isEqualTo(subnet.gateway());
        assertThat(ipam.getIpRange()).as("other containers get addresses from the upper half only")
                .isEqualTo(subnet.dynamicRange());
        assertThat(engine.docker().listNetworksCmd().exec()).filteredOn(n -> !n.getId().equals(network.getId()))
                .flatMap(n -> n.getIpam() == null || n.getIpam().getConfig() == null ? List.of()
                        : n.getIpam().getConfig())
                .extracting(com.github.dockerjava.api.model.Network.Ipam.Config::getSubnet)
                .as("Docker chose a subnet no other network uses").doesNotContain(ipam.getSubnet());
        assertThat(engine.docker().listNetworksCmd().withNameFilter("k3d-" + name + "-subnet-probe").exec())
                .as("the probe network is gone").isEmpty();

        InspectContainerResponse created = engine.docker().inspectContainerCmd(server).exec();
        assertThat(created.getConfig().getLabels()).containsEntry(NodeLayout.STATIC_IP_LABEL, subnet.serverAddress())
                .containsEntry("k3d.cluster.network.iprange", subnet.cidr());
        assertThat(created.getNetworkSettings().getNetworks().get("k3d-" + name).getIpamConfig().getIpv4Address())
                .isEqualTo(subnet.serverAddress());
        assertThat(address(server, name)).isEqualTo(subnet.serverAddress());
        assertThat(address("k3d-" + name + "-agent-0", name)).as("in the dynamic range")
                .startsWith(subnet.dynamicRange().substring(0, subnet.dynamicRange().lastIndexOf('.')));
        assertThat(engine.clusters().bootstrapped).singleElement()
                .satisfies(t -> assertThat(t.serverAddress()).isEqualTo(subnet.serverAddress()));

        // Agents first this time: an agent starting before server-0 must not take its address.
        engine.clusters().service().stop(ClusterName.of(name), com.sikifanso.agui.RunProgress.toLines(engine.clusters().progress::add));
        engine.docker().startContainerCmd("k3d-" + name + "-agent-0").exec();
        engine.clusters().service().start(ClusterName.of(name), null, PullPolicy.MISSING, com.sikifanso.agui.RunProgress.toLines(engine.clusters().progress::add));
        assertThat(address(server, name)).isEqualTo(subnet.serverAddress());
        assertThat(engine.clusters().checkedAfterStart).as("no wait, so no API to ask").isEmpty();

        engine.clusters().service().stop(ClusterName.of(name), com.sikifanso.agui.RunProgress.toLines(engine.clusters().progress::add));
        engine.clusters().service().start(ClusterName.of(name), Duration.ofSeconds(5), PullPolicy.MISSING, com.sikifanso.agui.RunProgress.toLines(engine.clusters().progress::add));
        assertThat(engine.clusters().checkedAfterStart).as("Cilium's address is checked against server-0's")
                .containsExactly(name + " " + subnet.serverAddress());
    }

    private String address(String container, String cluster) {
        return engine.docker().inspectContainerCmd(container).exec().getNetworkSettings().getNetworks().get("k3d-" + cluster)
                .getIpAddress();
    }

    @Test
    void stopStartAndDeleteFollowTheContainersAndLeaveOtherKubeconfigEntries() throws Exception {
        Files.createDirectories(engine.clusters().kubeconfig.getParent());
        Files.writeString(engine.clusters().kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: work
                  cluster: {server: https://work.example:6443}
                contexts:
                - name: work
                  context: {cluster: work, user: me}
                users:
                - name: me
                  user: {token: abc}
                current-context: work
                """);
        String name = engine.clusters().name("life");
        engine.clusters().create(name);

        engine.clusters().service().stop(ClusterName.of(name), com.sikifanso.agui.RunProgress.toLines(engine.clusters().progress::add));
        assertThat(state(name)).isEqualTo("exited");
        assertThat(engine.clusters().service().info(ClusterName.of(name)).state()).isEqualTo(ClusterState.STOPPED);
        assertThat(engine.clusters().service().liveState(ClusterName.of(name))).contains(NodeRuntime.LiveState.STOPPED);

        engine.clusters().service().start(ClusterName.of(name), null, PullPolicy.MISSING, com.sikifanso.agui.RunProgress.toLines(engine.clusters().progress::add));
        assertThat(state(name)).isEqualTo("running");
        assertThat(engine.clusters().service().info(ClusterName.of(name)).state()).isEqualTo(ClusterState.RUNNING);
        assertThat(engine.clusters().awaitedAfterStart).as("no wait was asked for").isEmpty();

        engine.clusters().service().stop(ClusterName.of(name), com.sikifanso.agui.RunProgress.toLines(engine.clusters().progress::add));
        engine.clusters().service().start(ClusterName.of(name), Duration.ofSeconds(5), PullPolicy.MISSING, com.sikifanso.agui.RunProgress.toLines(engine.clusters().progress::add));
        assertThat(state(name)).isEqualTo("running");
        assertThat(engine.clusters().awaitedAfterStart).containsExactly("https://127.0.0.1:"
                + engine.clusters().service().info(ClusterName.of(name)).ports().apiServer());

        engine.clusters().service().delete(ClusterName.of(name), com.sikifanso.agui.RunProgress.toLines(engine.clusters().progress::add));
        assertThat(engine.docker().listContainersCmd().withShowAll(true).withLabelFilter(Map.of("k3d.cluster", name)).exec())
                .isEmpty();
        assertThat(engine.docker().listNetworksCmd().withNameFilter("k3d-" + name).exec()).isEmpty();
        assertThat(engine.docker().listVolumesCmd().exec().getVolumes()).noneMatch(v -> v.getName().contains(name));
        assertThat(engine.clusters().home.resolve("clusters").resolve(name)).doesNotExist();
        JsonNode kubeconfig = Mappers.YAML.readTree(engine.clusters().kubeconfig.toFile());
        assertThat(names(kubeconfig, "clusters")).containsExactly("work");
        assertThat(names(kubeconfig, "contexts")).containsExactly("work");
        assertThat(names(kubeconfig, "users")).containsExactly("me");
        assertThat(kubeconfig.path("current-context").asText()).isEmpty();
    }

    @Test
    void startOpensARepoLeftOwnerOnlyForArgoCdsRepoServer() throws Exception {
        String name = engine.clusters().name("modes");
        engine.clusters().create(name);
        engine.clusters().service().stop(ClusterName.of(name), com.sikifanso.agui.RunProgress.toLines(engine.clusters().progress::add));
        Path repo = engine.clusters().gitOps(name);
        // As an older sikifanso left it: a temp directory (0700) with 0600 files.
        try (var all = Files.walk(repo)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwx------" : "rw-------"));
            }
        }

        engine.clusters().service().start(ClusterName.of(name), null, PullPolicy.NEVER, com.sikifanso.agui.RunProgress.toLines(engine.clusters().progress::add));

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(repo)))
                .isEqualTo("rwxr-xr-x");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                repo.resolve("bootstrap/root-app.yaml")))).isEqualTo("rw-r--r--");
        assertThat(engine.clusters().progress).anyMatch(l -> l.matches("made \\d+ files and directories of \\Q" + repo
                + "\\E readable by Argo CD's repo-server \\(0644/0755\\)"));
    }

    @Test
    void deleteStillWorksWhenDockerHasNothingLeftOfTheCluster() {
        String name = engine.clusters().name("gone");
        engine.clusters().create(name);
        engine.clusters().nodes().remove(new K3dNames(name));

        engine.clusters().service().delete(ClusterName.of(name), com.sikifanso.agui.RunProgress.toLines(engine.clusters().progress::add));

        assertThat(engine.clusters().home.resolve("clusters").resolve(name)).doesNotExist();
    }

    @Test
    void twoClustersSideBySideGetDistinctPortsAndInfoListsBothLive() {
        String first = engine.clusters().name("left");
        String second = engine.clusters().name("right");
        engine.clusters().create(first);
        engine.clusters().create(second);

        Session.Ports a = engine.clusters().service().info(ClusterName.of(first)).ports();
        Session.Ports b = engine.clusters().service().info(ClusterName.of(second)).ports();
        List<Integer> all = List.of(a.apiServer(), a.http(), a.https(), a.argocdUI(), a.hubbleUI(), b.apiServer(),
                b.http(), b.https(), b.argocdUI(), b.hubbleUI());
        assertThat(all).doesNotHaveDuplicates();
        assertThat(engine.clusters().service().overview().clusters())
                .extracting(ClusterService.Live::name, ClusterService.Live::docker)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(first, NodeRuntime.LiveState.RUNNING),
                        org.assertj.core.groups.Tuple.tuple(second, NodeRuntime.LiveState.RUNNING));
        Map<Integer, Integer> published = published(engine.docker().inspectContainerCmd("k3d-" + second + "-server-0").exec());
        assertThat(published.get(6443)).isEqualTo(b.apiServer());
    }

    @Test
    void onCgroupV2HostsEachNodeGetsItsOwnCgroupNamespace() {
        String name = engine.clusters().name("cgns");
        K3dNames names = new K3dNames(name);
        NodeLayout.Network network = engine.clusters().nodes().createNetwork(names);
        ClusterPlan plan = new ClusterPlan(ClusterName.of(name), RealDocker.STAND_IN_IMAGE, 1, 0, List.of(), engine.clusters().gitOps(name),
                PortAllocator.DEFAULTS, new ClusterPlan.NodePorts(30082, 30083, 30080, 30081), "t0k3n", true, "test",
                RealDocker.STAND_IN_IMAGE);
        NodeSpec server = NodeLayout.nodes(plan, network).get(0);

        String v2 = engine.clusters().nodes().create(server, network, names.network(), true);

        assertThat(engine.docker().inspectContainerCmd(v2).exec().getHostConfig().getCgroupnsMode()).isEqualTo("private");
    }

    private String exec(String container, String... command) throws InterruptedException {
        String id = engine.docker().execCreateCmd(container).withCmd(command).withAttachStdout(true).withAttachStderr(true)
                .exec().getId();
        StringBuilder out = new StringBuilder();
        engine.docker().execStartCmd(id).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<
                com.github.dockerjava.api.model.Frame>() {
            @Override
            public void onNext(com.github.dockerjava.api.model.Frame frame) {
                out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
        }).awaitCompletion(10, java.util.concurrent.TimeUnit.SECONDS);
        return out.toString();
    }

    @Test
    void twoConcurrentCreatesNeverPickTheSamePort() throws Exception {
        String first = engine.clusters().name("race-a");
        String second = engine.clusters().name("race-b");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> engine.clusters().create(first));
            var b = pool.submit(() -> engine.clusters().create(second));
            Session.Ports pa = a.get(60, java.util.concurrent.TimeUnit.SECONDS).session().ports();
            Session.Ports pb = b.get(60, java.util.concurrent.TimeUnit.SECONDS).session().ports();
            assertThat(List.of(pa.apiServer(), pa.http(), pa.https(), pa.argocdUI(), pa.hubbleUI(), pb.apiServer(),
                    pb.http(), pb.https(), pb.argocdUI(), pb.hubbleUI())).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    private String state(String name) {
        return engine.docker().inspectContainerCmd("k3d-" + name + "-server-0").exec().getState().getStatus();
    }

    private static Map<Integer, Integer> published(InspectContainerResponse container) {
        Ports ports = container.getHostConfig().getPortBindings();
        return ports == null ? Map.of() : NodeRuntime.hostPorts(container);
    }

    private static List<String> names(JsonNode kubeconfig, String list) {
        return kubeconfig.path(list).findValuesAsText("name");
    }
}

package com.sikifanso.cluster;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.K3dNames;

import com.fasterxml.jackson.annotation.JsonValue;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** A cluster's node containers, network and volumes in Docker, found again by k3d's labels. */
public final class NodeRuntime {
    /** Marks the containers sikifanso made, with the version that made them. */
    public static final String SIKIFANSO_LABEL = "sikifanso.version";
    private static final int STOP_TIMEOUT_SECONDS = 10;
    private static final int SUBNET_ATTEMPTS = 5;

    private final DockerEngine engine;

    public NodeRuntime(DockerEngine engine) {
        this.engine = engine;
    }

    /** A node container as Docker reports it now. */
    public record Node(String name, String id, String role, String state) {
        public boolean running() {
            return "running".equals(state);
        }
    }

    /** The cluster's live state in Docker: every node running, none running, some, or no nodes at all. */
    public enum LiveState {
        RUNNING("running"), STOPPED("stopped"), PARTIAL("partly running"), MISSING("missing");

        private final String label;

        LiveState(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }

        @Override
        public String toString() {
            return label;
        }

        public static LiveState of(List<Node> nodes) {
            if (nodes.isEmpty()) {
                return MISSING;
            }
            long running = nodes.stream().filter(Node::running).count();
            return running == nodes.size() ? RUNNING : running == 0 ? STOPPED : PARTIAL;
        }
    }

    /**
     * The cluster network with a fixed subnet, so server-0 can have a fixed address. Docker picks a
     * free subnet for a probe network, which is removed and its subnet used, as k3d v5.9.0 does
     * (getFreeSubnetPrefix); a subnet another client takes in between is tried again.
     */
    public NodeLayout.Network createNetwork(K3dNames names) {
        return engine.call("create network " + names.network(), docker -> {
            RuntimeException last = null;
            for (int attempt = 0; attempt < SUBNET_ATTEMPTS; attempt++) {
                Optional<ClusterSubnet> subnet = ClusterSubnet.parse(freeSubnet(docker, names));
                try {
                    return network(docker, names, subnet);
                } catch (com.github.dockerjava.api.exception.DockerException e) {
                    if (subnet.isEmpty() || !String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT)
                            .contains("overlap")) {
                        throw e;
                    }
                    last = e;
                }
            }
            throw last;
        });
    }

    private static String freeSubnet(DockerClient docker, K3dNames names) {
        String probe = docker.createNetworkCmd().withName(names.network() + "-subnet-probe-" + Long.toHexString(System.nanoTime())).withDriver("bridge")
                .withLabels(Map.of("app", "k3d")).exec().getId();
        try {
            Network.Ipam ipam = docker.inspectNetworkCmd().withNetworkId(probe).exec().getIpam();
            return ipam == null || ipam.getConfig() == null || ipam.getConfig().isEmpty() ? null
                    : ipam.getConfig().get(0).getSubnet();
        } finally {
            docker.removeNetworkCmd(probe).exec();
        }
    }

    private static NodeLayout.Network network(DockerClient docker, K3dNames names, Optional<ClusterSubnet> subnet) {
        var create = docker.createNetworkCmd().withName(names.network()).withDriver("bridge")
                .withOptions(Map.of("com.docker.network.bridge.enable_ip_masquerade", "true"))
                .withLabels(Map.of("app", "k3d"))
                .withCheckDuplicate(true);
        subnet.ifPresent(s -> create.withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config()
                .withSubnet(s.cidr()).withGateway(s.gateway()).withIpRange(s.dynamicRange()))));
        String id = create.exec().getId();
        Network network = docker.inspectNetworkCmd().withNetworkId(id).exec();
        boolean noIpam = network.getIpam() == null || network.getIpam().getConfig() == null
                || network.getIpam().getConfig().isEmpty();
        String cidr = noIpam ? null : network.getIpam().getConfig().get(0).getSubnet();
        String gateway = noIpam ? null : network.getIpam().getConfig().get(0).getGateway();
        return new NodeLayout.Network(id, cidr == null ? "" : cidr, gateway,
                subnet.map(ClusterSubnet::serverAddress).orElse(null));
    }

    public void createImageVolume(K3dNames names, String sikifansoVersion) {
        engine.run("create volume " + names.imageVolume(), docker -> docker.createVolumeCmd()
                .withName(names.imageVolume()).withDriver("local")
                .withLabels(Map.of("app", "k3d", "k3d.cluster", names.cluster(), "k3d.version",
                        NodeLayout.K3D_VERSION, SIKIFANSO_LABEL, sikifansoVersion))
                .exec());
    }

    /** Creates (does not start) a node and writes the entrypoint wrapper into it. */
    public String create(NodeSpec spec, NodeLayout.Network network, String networkName, boolean cgroupV2) {
        return create(spec, network, networkName, cgroupV2, null);
    }

    /** As {@link #create(NodeSpec, NodeLayout.Network, String, boolean)}, a k3s node given {@code gpus} (or none). */
    public String create(NodeSpec spec, NodeLayout.Network network, String networkName, boolean cgroupV2,
                         Gpus gpus) {
        return engine.call("create container " + spec.name(), docker -> {
            Ports bindings = new Ports();
            List<ExposedPort> exposed = new ArrayList<>();
            spec.ports().forEach((container, host) -> {
                ExposedPort port = ExposedPort.tcp(container);
                exposed.add(port);
                bindings.bind(port, Ports.Binding.bindIpAndPort(NodeLayout.HOST_IP, host));
            });
            HostConfig host = HostConfig.newHostConfig()
                    .withPrivileged(true)
                    .withInit(true)
                    .withUsernsMode("host")
                    .withNetworkMode(networkName)
                    .withExtraHosts(network.extraHosts().toArray(String[]::new))
                    .withRestartPolicy(RestartPolicy.unlessStoppedRestart())
                    .withTmpFs(Map.of("/run", "", "/var/run", ""))
                    .withBinds(spec.binds().stream().map(Bind::parse).toList())
                    .withPortBindings(bindings);
            if (gpus != null && spec.role().k3s()) {
                host.withDeviceRequests(List.of(gpus.deviceRequest()));
            }
            if (cgroupV2) {
                // Cilium's socket load-balancing needs each node in its own cgroup namespace.
                host.withCgroupnsMode("private");
            }
            var command = docker.createContainerCmd(spec.image());
            String fixed = spec.labels().get(NodeLayout.STATIC_IP_LABEL);
            if (fixed != null) {
                command.withIpv4Address(fixed);
            }
            command.withName(spec.name()).withHostName(spec.name()).withEnv(spec.env()).withLabels(spec.labels())
                    .withExposedPorts(exposed).withHostConfig(host);
            boolean k3s = spec.role().k3s();
            if (k3s) {
                // The load balancer and the registry keep their image's entrypoint and command, as k3d leaves them.
                command.withEntrypoint(EntrypointWrapper.PATH).withCmd(spec.cmd());
            }
            String id = command.exec().getId();
            if (k3s) {
                docker.copyArchiveToContainerCmd(id).withRemotePath("/")
                        .withTarInputStream(new ByteArrayInputStream(EntrypointWrapper.tar())).exec();
            }
            return id;
        });
    }

    /** Writes one file into a created container, parent directories included. */
    public void writeFile(String container, String path, byte[] content, int mode) {
        engine.run("write " + path + " into " + container, docker -> docker.copyArchiveToContainerCmd(container)
                .withRemotePath("/").withTarInputStream(new ByteArrayInputStream(Tars.singleFile(path, content, mode)))
                .exec());
    }

    public void start(String container) {
        engine.run("start " + container, docker -> docker.startContainerCmd(container).exec());
    }

    public void stop(String container) {
        engine.run("stop " + container, docker -> {
            try {
                docker.stopContainerCmd(container).withTimeout(STOP_TIMEOUT_SECONDS).exec();
            } catch (NotModifiedException alreadyStopped) {
                // Stopping a stopped node is what the user wanted.
            }
        });
    }

    /** The cluster's nodes, servers first, then by name. */
    public List<Node> nodes(ClusterName cluster) {
        return engine.call("list containers", docker -> docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("app", "k3d", "k3d.cluster", cluster.value())).exec().stream()
                .map(NodeRuntime::node)
                .filter(n -> n.role().equals("server") || n.role().equals("agent")
                        || n.role().equals(NodeSpec.Role.LOADBALANCER.label())
                        || n.role().equals(NodeSpec.Role.REGISTRY.label()))
                .sorted(Comparator.comparing((Node n) -> !n.role().equals("server")).thenComparing(Node::name))
                .toList());
    }

    /** Every k3d-style cluster in Docker (ours and k3d's), by cluster name. */
    public Map<String, List<Node>> clusters() {
        return engine.call("list containers", docker -> {
            Map<String, List<Node>> byCluster = new TreeMap<>();
            for (Container c : docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("app", "k3d")).exec()) {
                String cluster = c.getLabels().get("k3d.cluster");
                if (cluster != null) {
                    byCluster.computeIfAbsent(cluster, k -> new ArrayList<>()).add(node(c));
                }
            }
            return byCluster;
        });
    }

    private static Node node(Container c) {
        String name = c.getNames() == null || c.getNames().length == 0 ? c.getId()
                : c.getNames()[0].replaceFirst("^/", "");
        return new Node(name, c.getId(), c.getLabels().getOrDefault("k3d.role", ""), c.getState());
    }

    /** Whether Docker holds anything of this cluster: nodes, its network or its image volume. */
    public List<String> leftovers(K3dNames names) {
        return engine.call("list cluster objects", docker -> {
            List<String> found = new ArrayList<>(nodes(ClusterName.of(names.cluster())).stream().map(n -> "container " + n.name())
                    .toList());
            if (networkId(docker, names.network()).isPresent()) {
                found.add("network " + names.network());
            }
            if (volumeExists(docker, names.imageVolume())) {
                found.add("volume " + names.imageVolume());
            }
            return found;
        });
    }

    /** Removes nodes (with their anonymous volumes), the network and the cluster's volumes; absent parts are fine. */
    public void remove(K3dNames names) {
        engine.run("remove cluster " + names.cluster(), docker -> {
            for (Node node : nodes(ClusterName.of(names.cluster()))) {
                ignoreMissing(() -> docker.removeContainerCmd(node.id()).withForce(true).withRemoveVolumes(true)
                        .exec());
            }
            networkId(docker, names.network()).ifPresent(id -> ignoreMissing(() -> docker.removeNetworkCmd(id)
                    .exec()));
            docker.listVolumesCmd().withFilter("label", List.of("k3d.cluster=" + names.cluster())).exec()
                    .getVolumes().forEach(v -> ignoreMissing(() -> docker.removeVolumeCmd(v.getName()).exec()));
            if (volumeExists(docker, names.imageVolume())) {
                ignoreMissing(() -> docker.removeVolumeCmd(names.imageVolume()).exec());
            }
        });
    }

    private static Optional<String> networkId(DockerClient docker, String name) {
        // The name filter matches substrings; keep the exact name only.
        return docker.listNetworksCmd().withNameFilter(name).exec().stream()
                .filter(n -> name.equals(n.getName())).map(Network::getId).findFirst();
    }

    private static boolean volumeExists(DockerClient docker, String name) {
        try {
            docker.inspectVolumeCmd(name).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static void ignoreMissing(Runnable removal) {
        try {
            removal.run();
        } catch (NotFoundException e) {
            // Already gone: removal is idempotent.
        }
    }

    /** A file from a container's file system, or empty while it does not exist. */
    public Optional<byte[]> readFile(String container, String path) {
        return engine.call("read " + path + " from " + container, docker -> {
            try (InputStream in = docker.copyArchiveFromContainerCmd(container, path).exec();
                 TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                TarArchiveEntry entry = tar.getNextEntry();
                if (entry == null || !entry.isFile()) {
                    return Optional.empty();
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                tar.transferTo(out);
                return Optional.of(out.toByteArray());
            } catch (NotFoundException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** What a command run in a container printed (stdout and stderr together) and its exit code. */
    public record ExecResult(long exitCode, String output) {
    }

    /** Runs a command in a running container and waits for it, at most {@code timeout}. */
    public ExecResult exec(String container, List<String> command, java.time.Duration timeout) {
        return engine.call("run " + String.join(" ", command) + " in " + container, docker -> {
            String id = docker.execCreateCmd(container).withCmd(command.toArray(String[]::new)).withAttachStdout(true)
                    .withAttachStderr(true).exec().getId();
            StringBuilder out = new StringBuilder();
            try {
                boolean done = docker.execStartCmd(id).exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    }
                }).awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!done) {
                    throw new IllegalStateException(String.join(" ", command) + " in " + container
                            + " did not finish within " + timeout.toSeconds() + "s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            Long code = docker.inspectExecCmd(id).exec().getExitCodeLong();
            return new ExecResult(code == null ? -1 : code, out.toString());
        });
    }

    public InspectContainerResponse inspect(String container) {
        return engine.call("inspect " + container, docker -> docker.inspectContainerCmd(container).exec());
    }

    /** The node's address on the cluster network, which other containers reach it by. */
    public Optional<String> address(String container, String network) {
        ContainerNetwork n = inspect(container).getNetworkSettings().getNetworks().get(network);
        return n == null || n.getIpAddress() == null || n.getIpAddress().isBlank() ? Optional.empty()
                : Optional.of(n.getIpAddress());
    }

    /** The last lines a node printed, to show why it stopped. */
    public String logTail(String container, int lines) {
        return engine.call("read logs of " + container, docker -> {
            StringBuilder text = new StringBuilder();
            try {
                docker.logContainerCmd(container).withStdOut(true).withStdErr(true).withTail(lines)
                        .exec(new ResultCallback.Adapter<Frame>() {
                            @Override
                            public void onNext(Frame frame) {
                                text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                            }
                        }).awaitCompletion(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return text.toString().strip();
        });
    }

    /**
     * Host ports Docker containers claim: published ports of running containers and the bindings of
     * every k3d-style node, stopped ones included, which need theirs back when they start.
     */
    public Set<Integer> claimedHostPorts() {
        return engine.call("list containers", docker -> {
            Set<Integer> ports = new HashSet<>();
            for (Container c : docker.listContainersCmd().exec()) {
                for (ContainerPort p : c.getPorts()) {
                    if (p.getPublicPort() != null) {
                        ports.add(p.getPublicPort());
                    }
                }
            }
            for (Container c : docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("app", "k3d"))
                    .exec()) {
                Ports bound;
                try {
                    bound = docker.inspectContainerCmd(c.getId()).exec().getHostConfig().getPortBindings();
                } catch (NotFoundException removedMeanwhile) {
                    continue; // another client removed it between the list and the inspect
                }
                if (bound != null) {
                    bound.getBindings().values().stream().filter(Objects::nonNull)
                            .flatMap(Arrays::stream)
                            .map(Ports.Binding::getHostPortSpec)
                            .filter(s -> s != null && s.matches("\\d+"))
                            .forEach(s -> ports.add(Integer.parseInt(s)));
                }
            }
            return ports;
        });
    }

    /** Host port bindings of a container, container port to host port, as inspect reports them. */
    public static Map<Integer, Integer> hostPorts(InspectContainerResponse container) {
        Map<Integer, Integer> result = new LinkedHashMap<>();
        Ports bound = container.getHostConfig().getPortBindings();
        if (bound != null) {
            bound.getBindings().forEach((exposed, bindings) -> {
                if (bindings != null && bindings.length > 0 && bindings[0].getHostPortSpec() != null) {
                    result.put(exposed.getPort(), Integer.parseInt(bindings[0].getHostPortSpec()));
                }
            });
        }
        return result;
    }
}

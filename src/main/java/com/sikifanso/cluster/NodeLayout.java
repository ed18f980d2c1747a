package com.sikifanso.cluster;

import com.sikifanso.core.K3dNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The node containers k3d v5 would create for a cluster (labels, env, command), with our own
 * entrypoint wrapper; one server publishes the host ports itself, several sit behind k3d's load
 * balancer container ({@link ServerLoadBalancer}), created last.
 */
public final class NodeLayout {
    /** The k3d release whose node layout this reproduces; k3d reads it from the labels. */
    public static final String K3D_VERSION = "v5.9.0";
    /** Published ports listen on loopback only: the Argo CD UI is insecure by design on a laptop. */
    public static final String HOST_IP = "127.0.0.1";
    public static final String KUBECONFIG_OUTPUT = "/output/kubeconfig.yaml";
    public static final String GITOPS_MOUNT = "/local-gitops";
    public static final String IMAGE_VOLUME_MOUNT = "/k3d/images";
    public static final int API_PORT = 6443;
    /** k3d's label for a node with a fixed address on the cluster network (v5.9.0 LabelNodeStaticIP). */
    public static final String STATIC_IP_LABEL = "k3d.node.staticIP";

    private NodeLayout() {
    }

    /** The name pods and nodes reach the host by, as k3d adds it to every node's /etc/hosts. */
    public static final String HOST_ALIAS = "host.k3d.internal";

    /**
     * The cluster network as Docker created it: id and subnet go into every node's labels, the
     * gateway is the host as the nodes see it, and server-0's fixed address (null on a network
     * made without a fixed subnet).
     */
    public record Network(String id, String subnet, String gateway, String serverAddress) {
        public Network(String id, String subnet, String gateway) {
            this(id, subnet, gateway, null);
        }

        /** {@code /etc/hosts} lines Docker writes into each node; none when the gateway is unknown. */
        public java.util.List<String> extraHosts() {
            return gateway == null || gateway.isBlank() ? java.util.List.of()
                    : java.util.List.of(HOST_ALIAS + ":" + gateway);
        }
    }

    public static List<NodeSpec> nodes(ClusterPlan plan, Network network) {
        List<NodeSpec> nodes = new ArrayList<>();
        for (int i = 0; i < plan.servers(); i++) {
            nodes.add(server(plan, network, i));
        }
        for (int i = 0; i < plan.agents(); i++) {
            nodes.add(agent(plan, network, i));
        }
        if (plan.highlyAvailable()) {
            nodes.add(ServerLoadBalancer.spec(plan, commonLabels(plan, network, NodeSpec.Role.LOADBALANCER),
                    hostPorts(plan)));
        }
        return nodes;
    }

    /** Host ports: the API and the NodePorts the host reaches (HTTP, HTTPS, Argo CD, Hubble), by container port. */
    private static Map<Integer, Integer> hostPorts(ClusterPlan plan) {
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        ports.put(API_PORT, plan.hostPorts().apiServer());
        ports.put(plan.nodePorts().http(), plan.hostPorts().http());
        ports.put(plan.nodePorts().https(), plan.hostPorts().https());
        ports.put(plan.nodePorts().argocdUI(), plan.hostPorts().argocdUI());
        ports.put(plan.nodePorts().hubbleUI(), plan.hostPorts().hubbleUI());
        return ports;
    }

    /** The NodePorts published besides the API, which a load balancer forwards to every node. */
    static List<Integer> publishedNodePorts(ClusterPlan plan) {
        return List.of(plan.nodePorts().http(), plan.nodePorts().https(), plan.nodePorts().argocdUI(),
                plan.nodePorts().hubbleUI());
    }

    private static NodeSpec server(ClusterPlan plan, Network network, int index) {
        K3dNames n = plan.names();
        boolean multi = plan.servers() > 1;
        List<String> cmd = new ArrayList<>();
        cmd.add("server");
        cmd.addAll(plan.k3sArgs());
        if (multi && index == 0) {
            cmd.add("--cluster-init");
        }
        cmd.addAll(List.of("--tls-san", HOST_IP));
        if (multi) {
            // As k3d: the API is reached through the load balancer, by name inside the network.
            cmd.addAll(List.of("--tls-san", ServerLoadBalancer.name(n)));
        }
        List<String> env = new ArrayList<>();
        env.add("K3S_TOKEN=" + plan.token());
        if (multi && index > 0) {
            env.add("K3S_URL=" + n.joinUrl());
        }
        env.add("K3S_KUBECONFIG_OUTPUT=" + KUBECONFIG_OUTPUT);
        Map<String, String> labels = commonLabels(plan, network, NodeSpec.Role.SERVER);
        labels.put("k3d.server.api.hostIP", HOST_IP);
        labels.put("k3d.server.api.host", HOST_IP);
        labels.put("k3d.server.api.port", Integer.toString(plan.hostPorts().apiServer()));
        if (multi) {
            labels.put("k3d.server.init", Boolean.toString(index == 0));
        }
        if (index == 0 && network.serverAddress() != null) {
            labels.put(STATIC_IP_LABEL, network.serverAddress());
        }
        // One server publishes the host ports itself; several leave that to the load balancer.
        Map<Integer, Integer> ports = index == 0 && !multi ? hostPorts(plan) : Map.of();
        return new NodeSpec(n.server(index), NodeSpec.Role.SERVER, plan.image(), cmd, env, labels, binds(plan),
                ports);
    }

    private static NodeSpec agent(ClusterPlan plan, Network network, int index) {
        K3dNames n = plan.names();
        List<String> env = List.of("K3S_TOKEN=" + plan.token(), "K3S_URL=" + n.joinUrl(),
                "K3S_KUBECONFIG_OUTPUT=" + KUBECONFIG_OUTPUT);
        // Server-only flags (--disable=..., --flannel-backend) make k3s agent refuse to start.
        return new NodeSpec(n.agent(index), NodeSpec.Role.AGENT, plan.image(), List.of("agent"), env,
                commonLabels(plan, network, NodeSpec.Role.AGENT), binds(plan), Map.of());
    }

    private static Map<String, String> commonLabels(ClusterPlan plan, Network network, NodeSpec.Role role) {
        K3dNames n = plan.names();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", "k3d");
        labels.put("k3d.version", K3D_VERSION);
        labels.put("k3d.role", role.label());
        labels.put("k3d.cluster", plan.cluster().value());
        labels.put("k3d.cluster.url", n.joinUrl());
        labels.put("k3d.cluster.token", plan.token());
        labels.put("k3d.cluster.imageVolume", n.imageVolume());
        labels.put("k3d.cluster.network", n.network());
        labels.put("k3d.cluster.network.id", network.id());
        labels.put("k3d.cluster.network.iprange", network.subnet());
        labels.put("k3d.cluster.network.external", "false");
        labels.put("k3d.server.loadbalancer", "");
        labels.put(NodeRuntime.SIKIFANSO_LABEL, plan.sikifansoVersion());
        return labels;
    }

    /**
     * The GitOps repo, the image volume, and each cached image tarball read-only in k3s' airgap images directory:
     * file by file, so a node imports what its cluster needs and not the whole cache.
     */
    private static List<String> binds(ClusterPlan plan) {
        List<String> binds = new ArrayList<>(List.of(plan.gitOps().toAbsolutePath() + ":" + GITOPS_MOUNT,
                plan.names().imageVolume() + ":" + IMAGE_VOLUME_MOUNT));
        for (java.nio.file.Path tarball : plan.preloadedImages()) {
            binds.add(tarball.toAbsolutePath() + ":" + ImageCache.NODE_DIR + "/" + tarball.getFileName() + ":ro");
        }
        return List.copyOf(binds);
    }
}

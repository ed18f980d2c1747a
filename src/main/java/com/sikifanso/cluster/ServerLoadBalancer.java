package com.sikifanso.cluster;

import com.sikifanso.core.K3dNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The container in front of the API of a cluster with several servers, as k3d v5.9.0 makes it
 * ({@code pkg/client/loadbalancer.go}, {@code cluster.go}): {@code k3d-NAME-serverlb}, role {@code loadbalancer}, its
 * image's own entrypoint (k3d-proxy: confd renders nginx's stream config from {@code /etc/confd/values.yaml}), the
 * host ports published here instead of on server-0, so a server can stop and the API stays up.
 */
public final class ServerLoadBalancer {
    /** k3d v5.9.0 {@code pkg/types/images.go} DefaultLBImageRepo, tagged with its helper version. */
    public static final String DEFAULT_IMAGE = "ghcr.io/k3d-io/k3d-proxy:5.9.0";
    public static final String CONFIG_PATH = "/etc/confd/values.yaml";
    /** k3d's DefaultLoadbalancerWorkerConnections. */
    static final int WORKER_CONNECTIONS = 1024;

    private ServerLoadBalancer() {
    }

    public static String name(K3dNames names) {
        return names.context() + "-serverlb";
    }

    /** The load balancer container; {@code labels} are the cluster's, which it shares with the nodes. */
    static NodeSpec spec(ClusterPlan plan, Map<String, String> labels, Map<Integer, Integer> ports) {
        Map<String, String> own = new LinkedHashMap<>(labels);
        own.put("k3d.role", NodeSpec.Role.LOADBALANCER.label());
        return new NodeSpec(name(plan.names()), NodeSpec.Role.LOADBALANCER, plan.loadBalancerImage(), List.of(),
                List.of(), own, List.of(plan.names().imageVolume() + ":" + NodeLayout.IMAGE_VOLUME_MOUNT), ports);
    }

    /**
     * {@code /etc/confd/values.yaml}: the API port to every server, each other published port to every node, and
     * nginx's worker connections grown by the extra ports times the servers, as LoadbalancerGenerateConfig does.
     */
    public static String config(ClusterPlan plan, List<Integer> extraPorts) {
        K3dNames n = plan.names();
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < plan.servers(); i++) {
            servers.add(n.server(i));
        }
        List<String> nodes = new ArrayList<>(servers);
        for (int i = 0; i < plan.agents(); i++) {
            nodes.add(n.agent(i));
        }
        StringBuilder yaml = new StringBuilder("ports:\n");
        yaml.append("  ").append(NodeLayout.API_PORT).append(".tcp:\n");
        servers.forEach(s -> yaml.append("  - ").append(s).append('\n'));
        for (int port : extraPorts) {
            yaml.append("  ").append(port).append(".tcp:\n");
            nodes.forEach(s -> yaml.append("  - ").append(s).append('\n'));
        }
        yaml.append("settings:\n  workerConnections: ")
                .append(WORKER_CONNECTIONS + extraPorts.size() * plan.servers()).append('\n');
        return yaml.toString();
    }
}

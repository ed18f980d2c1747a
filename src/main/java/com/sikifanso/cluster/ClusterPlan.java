package com.sikifanso.cluster;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.K3dNames;

import com.sikifanso.session.Session;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the node layout needs to know about a cluster to be created; {@code preloadedImages} are the image cache's
 * tarballs its k3s nodes import at start.
 */
public record ClusterPlan(
        ClusterName cluster,
        String image,
        int servers,
        int agents,
        List<String> k3sArgs,
        Path gitOps,
        Session.Ports hostPorts,
        NodePorts nodePorts,
        String token,
        boolean cgroupV2,
        String sikifansoVersion,
        String loadBalancerImage,
        List<Path> preloadedImages) {

    /** A plan whose nodes start with no image tarballs from the cache. */
    public ClusterPlan(ClusterName cluster, String image, int servers, int agents, List<String> k3sArgs, Path gitOps,
                       Session.Ports hostPorts, NodePorts nodePorts, String token, boolean cgroupV2,
                       String sikifansoVersion, String loadBalancerImage) {
        this(cluster, image, servers, agents, k3sArgs, gitOps, hostPorts, nodePorts, token, cgroupV2, sikifansoVersion,
                loadBalancerImage, List.of());
    }

    /** More than one server: embedded etcd, and a load balancer in front of the API. */
    public boolean highlyAvailable() {
        return servers > 1;
    }

    /** The in-cluster NodePorts that the host ports map onto. */
    public record NodePorts(int http, int https, int argocdUI, int hubbleUI) {
    }

    public K3dNames names() {
        return cluster.k3d();
    }
}

package com.sikifanso.infra;

import java.util.List;

/** {@code infra/platform.yaml}: the k3s image, node counts, in-cluster NodePorts, k3s flags and the CNI. */
public record Platform(String k3sImage, int servers, int agents, NodePorts nodePorts, List<String> k3sArgs, Cni cni,
                       String loadBalancerImage, String registryImage) {

    public Platform {
        cni = cni == null ? Cni.cilium : cni;
    }

    public Platform(String k3sImage, int servers, int agents, NodePorts nodePorts, List<String> k3sArgs) {
        this(k3sImage, servers, agents, nodePorts, k3sArgs, Cni.cilium, null);
    }

    public Platform(String k3sImage, int servers, int agents, NodePorts nodePorts, List<String> k3sArgs, Cni cni,
                    String loadBalancerImage) {
        this(k3sImage, servers, agents, nodePorts, k3sArgs, cni, loadBalancerImage, null);
    }

    /** The k3s server flags for this platform's CNI. */
    public List<String> serverArgs() {
        return cni.k3sArgs(k3sArgs);
    }

    public record NodePorts(int http, int https, int argocdUI, int hubbleUI) {
    }
}

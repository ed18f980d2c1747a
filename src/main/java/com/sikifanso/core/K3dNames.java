package com.sikifanso.core;

/** The Docker and kubeconfig names k3d gives a cluster's objects, so k3d users find ours where they expect. */
public record K3dNames(String cluster) {
    /** "k3d-" + name + "-agent-99" must stay a 63-character hostname. */
    public static final int MAX_CLUSTER_NAME = 50;

    private static final String PREFIX = "k3d-";

    public String network() {
        return context();
    }

    public String imageVolume() {
        return context() + "-images";
    }

    public String server(int index) {
        return context() + "-server-" + index;
    }

    public String agent(int index) {
        return context() + "-agent-" + index;
    }

    /** kubeconfig cluster and context name. */
    public String context() {
        return PREFIX + cluster;
    }

    /** kubeconfig user name: the same as the cluster and context, so all three entries read alike. */
    public String user() {
        return context();
    }

    /** Agents and other servers join through server-0's name on the cluster network. */
    public String joinUrl() {
        return "https://" + server(0) + ":6443";
    }
}

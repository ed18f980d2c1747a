package com.sikifanso.cluster;

/** The Docker and kubeconfig names k3d gives a cluster's objects, so k3d users find ours where they expect. */
public record K3dNames(String cluster) {
    /** "k3d-" + name + "-agent-99" must stay a 63-character hostname. */
    public static final int MAX_CLUSTER_NAME = 50;

    public String network() {
        return "k3d-" + cluster;
    }

    public String imageVolume() {
        return "k3d-" + cluster + "-images";
    }

    public String server(int index) {
        return "k3d-" + cluster + "-server-" + index;
    }

    public String agent(int index) {
        return "k3d-" + cluster + "-agent-" + index;
    }

    /** kubeconfig cluster and context name. */
    public String context() {
        return "k3d-" + cluster;
    }

    /** kubeconfig user name: the same as the cluster and context, so all three entries read alike. */
    public String user() {
        return "k3d-" + cluster;
    }

    /** Agents and other servers join through server-0's name on the cluster network. */
    public String joinUrl() {
        return "https://" + server(0) + ":6443";
    }
}

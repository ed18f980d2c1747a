package com.sikifanso.infra;

import java.util.List;

/** {@code infra/platform.yaml}: the k3s image, node counts, in-cluster NodePorts and k3s flags. */
public record Platform(String k3sImage, int servers, int agents, NodePorts nodePorts, List<String> k3sArgs) {

    public record NodePorts(int http, int https, int argocdUI, int hubbleUI) {
    }
}

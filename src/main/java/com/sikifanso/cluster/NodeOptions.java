package com.sikifanso.cluster;

import com.sikifanso.session.Session;

/**
 * What a cluster file or the newer create flags ask of the nodes beyond the image and the agents; null fields
 * take the infra settings' defaults.
 *
 * @param gpus GPUs given to every k3s node (Docker device requests, as {@code k3d --gpus}); null for none
 * @param registryPort a registry container for the cluster on this host port (0: a free one); null for none
 * @param hostPorts host ports asked for (0: any); null for the defaults, or free ones when those are taken
 * @param registryName the registry container's name ({@code --registry-create NAME}); null for k3d-CLUSTER-registry
 */
public record NodeOptions(Integer servers, Session.Ports hostPorts, Gpus gpus, Integer registryPort,
                          String registryName) {
    public static final NodeOptions DEFAULTS = new NodeOptions(null, null, null);

    public NodeOptions(Integer servers, Session.Ports hostPorts) {
        this(servers, hostPorts, null);
    }

    public NodeOptions(Integer servers, Session.Ports hostPorts, Gpus gpus) {
        this(servers, hostPorts, gpus, null);
    }

    public NodeOptions(Integer servers, Session.Ports hostPorts, Gpus gpus, Integer registryPort) {
        this(servers, hostPorts, gpus, registryPort, null);
    }
}

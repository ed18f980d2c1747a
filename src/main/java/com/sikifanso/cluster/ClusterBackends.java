package com.sikifanso.cluster;

import com.sikifanso.kube.Kubeconfigs;

import com.sikifanso.infra.InfraConfigs;

/** What {@link ClusterService} needs beyond sessions and repos to run a cluster: Docker, kubeconfig, bootstrap. */
public record ClusterBackends(
        DockerEngine engine,
        Preflight preflight,
        PortAllocator ports,
        NodeRuntime nodes,
        ImagePulls images,
        Kubeconfigs kubeconfigs,
        InfraConfigs infra,
        ClusterBootstrap bootstrap,
        String version) {

    /** The production wiring for one process environment (DOCKER_HOST, KUBECONFIG, HOME). */
    public static ClusterBackends forEnvironment(java.util.Map<String, String> env, String version,
                                                 java.time.Clock clock) {
        DockerEngine engine = new DockerEngine(env);
        NodeRuntime nodes = new NodeRuntime(engine);
        return new ClusterBackends(engine, new Preflight(engine, Preflight.MINIMUM_MEMORY),
                new PortAllocator(nodes::claimedHostPorts), nodes, new ImagePulls(engine, env), new Kubeconfigs(env), new InfraConfigs(),
                new ApiServerWait(clock), version);
    }

    public ClusterBackends withBootstrap(ClusterBootstrap other) {
        return new ClusterBackends(engine, preflight, ports, nodes, images, kubeconfigs, infra, other, version);
    }
}

package com.sikifanso.agents.probe;

import com.sikifanso.agents.AgentSandbox;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where each destination is in this cluster right now, read from the API by the CLI (never from inside the
 * sandbox): pod IPs of the allowed services, the API server's Service IP and node address, a node port, another
 * agent's pod. What cannot be found is skipped with the reason, not guessed.
 */
final class ClusterAddresses {
    /** The kubelet listens on every node, so a node without NodePort Services still has a port to try. */
    static final int KUBELET_PORT = 10250;
    private static final int ANY_POD_PORT = 8080;

    private final KubernetesClient kube;
    private final String namespace;

    ClusterAddresses(KubernetesClient kube, String agent) {
        this.kube = kube;
        this.namespace = AgentSandbox.namespace(agent);
    }

    List<ProbeTarget> resolve(List<Destination> destinations) {
        List<ProbeTarget> targets = new ArrayList<>();
        for (int i = 0; i < destinations.size(); i++) {
            targets.add(resolve(String.format("r%02d", i + 1), destinations.get(i)));
        }
        return targets;
    }

    private ProbeTarget resolve(String id, Destination d) {
        return switch (d.where()) {
            case NAME -> d.host().startsWith("*.")
                    ? ProbeTarget.skip(id, d, "a wildcard names no one host to try")
                    : ProbeTarget.at(id, d, d.host(), d.port());
            case PODS -> runningPod(d.host(), d.labels()).map(p -> ProbeTarget.at(id, d, p.getStatus().getPodIP(),
                            d.port()))
                    .orElseGet(() -> ProbeTarget.skip(id, d, "no running pod in " + d.host() + " with "
                            + d.labels() + " (is the app enabled and healthy?)"));
            case API_SERVICE -> Optional.ofNullable(kube.services().inNamespace("default").withName("kubernetes").get())
                    .map(s -> s.getSpec().getClusterIP())
                    .map(ip -> ProbeTarget.at(id, d, ip, d.port()))
                    .orElseGet(() -> ProbeTarget.skip(id, d, "no Service default/kubernetes"));
            case SERVER_NODE -> serverNodeAddress().map(ip -> ProbeTarget.at(id, d, ip, d.port()))
                    .orElseGet(() -> ProbeTarget.skip(id, d, "no node with an InternalIP"));
            case NODE_PORT -> serverNodeAddress().map(ip -> ProbeTarget.at(id, d, ip, nodePort()))
                    .orElseGet(() -> ProbeTarget.skip(id, d, "no node with an InternalIP"));
            case OTHER_AGENT_POD -> otherAgentPod().map(p -> ProbeTarget.at(id, d, p.getStatus().getPodIP(),
                            firstPort(p)))
                    .orElseGet(() -> ProbeTarget.skip(id, d, "no other agent has a running pod"));
        };
    }

    private Optional<Pod> runningPod(String ns, java.util.Map<String, String> labels) {
        return kube.pods().inNamespace(ns).withLabels(labels).list().getItems().stream()
                .filter(ClusterAddresses::running).findFirst();
    }

    private static boolean running(Pod p) {
        return p.getStatus() != null && "Running".equals(p.getStatus().getPhase()) && p.getStatus().getPodIP() != null
                && !Boolean.TRUE.equals(p.getSpec() == null ? null : p.getSpec().getHostNetwork());
    }

    /** The server's InternalIP: the node with a control-plane role, else the first node. */
    private Optional<String> serverNodeAddress() {
        List<Node> nodes = kube.nodes().list().getItems();
        return nodes.stream().filter(n -> n.getMetadata().getLabels() != null
                        && n.getMetadata().getLabels().containsKey("node-role.kubernetes.io/control-plane"))
                .findFirst().or(() -> nodes.stream().findFirst())
                .flatMap(n -> n.getStatus() == null ? Optional.empty() : n.getStatus().getAddresses().stream()
                        .filter(a -> "InternalIP".equals(a.getType())).map(NodeAddress::getAddress).findFirst());
    }

    private int nodePort() {
        return kube.services().inAnyNamespace().list().getItems().stream()
                .map(Service::getSpec).filter(Objects::nonNull)
                .flatMap(s -> s.getPorts() == null ? java.util.stream.Stream.<ServicePort>empty() : s.getPorts().stream())
                .map(ServicePort::getNodePort).filter(Objects::nonNull).findFirst().orElse(KUBELET_PORT);
    }

    private Optional<Pod> otherAgentPod() {
        return kube.namespaces().withLabel("sikifanso.io/agent", "true").list().getItems().stream()
                .map(n -> n.getMetadata().getName()).filter(n -> !n.equals(namespace)).sorted()
                .flatMap(n -> kube.pods().inNamespace(n).list().getItems().stream())
                .filter(p -> running(p) && (p.getMetadata().getLabels() == null
                        || !p.getMetadata().getLabels().containsKey(ProbePod.LABEL))).findFirst();
    }

    private static int firstPort(Pod p) {
        return p.getSpec().getContainers().stream().flatMap(c -> c.getPorts() == null
                        ? java.util.stream.Stream.empty() : c.getPorts().stream())
                .map(cp -> cp.getContainerPort()).filter(Objects::nonNull).findFirst().orElse(ANY_POD_PORT);
    }
}

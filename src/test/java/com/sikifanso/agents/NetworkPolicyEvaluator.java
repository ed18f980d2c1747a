package com.sikifanso.agents;

import com.sikifanso.agents.Traffic.Pod;
import com.sikifanso.agents.Traffic.Verdict;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;

/**
 * Decides, from a plain Kubernetes NetworkPolicy, whether traffic of the pods it selects is
 * allowed: a listed policy type is default-deny, rules only allow, and peers are pods (this
 * chart uses no ipBlock, so nothing without a pod identity is ever allowed). A namespace's only
 * label is taken to be the automatic {@code kubernetes.io/metadata.name}.
 */
final class NetworkPolicyEvaluator {
    private final NetworkPolicy policy;

    NetworkPolicyEvaluator(NetworkPolicy policy) {
        this.policy = policy;
        if (!isEmpty(policy.getSpec().getPodSelector())) {
            throw new UnsupportedOperationException("only policies selecting every pod of the namespace are modelled");
        }
    }

    Verdict egress(Traffic traffic) {
        if (!policy.getSpec().getPolicyTypes().contains("Egress")) {
            return Verdict.ALLOWED;
        }
        boolean allowed = policy.getSpec().getEgress().stream()
                .anyMatch(rule -> peersMatch(rule.getTo(), traffic) && portsMatch(rule.getPorts(), traffic));
        return allowed ? Verdict.ALLOWED : Verdict.DENIED;
    }

    Verdict ingress(Traffic traffic) {
        if (!policy.getSpec().getPolicyTypes().contains("Ingress")) {
            return Verdict.ALLOWED;
        }
        boolean allowed = policy.getSpec().getIngress().stream()
                .anyMatch(rule -> peersMatch(rule.getFrom(), traffic) && portsMatch(rule.getPorts(), traffic));
        return allowed ? Verdict.ALLOWED : Verdict.DENIED;
    }

    private boolean peersMatch(List<NetworkPolicyPeer> peers, Traffic traffic) {
        if (peers.isEmpty()) {
            return true;
        }
        return traffic.peer() instanceof Pod pod && peers.stream().anyMatch(peer -> peerMatches(peer, pod));
    }

    private boolean peerMatches(NetworkPolicyPeer peer, Pod pod) {
        if (peer.getIpBlock() != null) {
            throw new UnsupportedOperationException("ipBlock is not modelled");
        }
        boolean namespaceMatches = peer.getNamespaceSelector() == null
                ? pod.namespace().equals(policy.getMetadata().getNamespace())
                : selects(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", pod.namespace()));
        return namespaceMatches && (peer.getPodSelector() == null || selects(peer.getPodSelector(), pod.labels()));
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Traffic traffic) {
        if (ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(port -> {
            if (port.getEndPort() != null || port.getPort() == null || port.getPort().getIntVal() == null) {
                throw new UnsupportedOperationException("port ranges, named or absent ports are not modelled");
            }
            String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
            return port.getPort().getIntVal() == traffic.port() && protocol.equals(traffic.protocol());
        });
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (!selector.getMatchExpressions().isEmpty()) {
            throw new UnsupportedOperationException("matchExpressions are not modelled");
        }
        return selector.getMatchLabels().entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static boolean isEmpty(LabelSelector selector) {
        return selector != null && selector.getMatchLabels().isEmpty() && selector.getMatchExpressions().isEmpty();
    }
}

package com.sikifanso.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agents.Traffic.DnsName;
import com.sikifanso.agents.Traffic.Entity;
import com.sikifanso.agents.Traffic.Peer;
import com.sikifanso.agents.Traffic.Pod;
import com.sikifanso.agents.Traffic.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, from a rendered namespaced CiliumNetworkPolicy, whether traffic of the pods it
 * selects is allowed, following Cilium's rules: a deny rule wins over every allow; any rule in
 * a direction makes that direction default-deny; an empty endpoint selector means the policy's
 * own namespace; IPs learnt through toFQDNs are world and are learnt only when a DNS rule lets
 * Cilium's DNS proxy see the lookup. Anything it does not model it refuses, rather than guess.
 */
final class CiliumPolicyEvaluator {
    private static final String NAMESPACE_LABEL = "io.kubernetes.pod.namespace";
    private static final Set<String> CLUSTER_ENTITIES = Set.of("host", "remote-node", "kube-apiserver", "health",
            "init", "ingress", "unmanaged");
    private static final Set<String> EGRESS_PEERS = Set.of("toEndpoints", "toEntities", "toFQDNs");
    private static final Set<String> INGRESS_PEERS = Set.of("fromEndpoints", "fromEntities");

    private final JsonNode spec;
    private final String namespace;

    CiliumPolicyEvaluator(JsonNode policy) {
        if (!policy.path("kind").asText().equals("CiliumNetworkPolicy")) {
            throw new IllegalArgumentException("not a CiliumNetworkPolicy: " + policy.path("kind"));
        }
        this.spec = policy.path("spec");
        this.namespace = policy.path("metadata").path("namespace").asText();
        if (!spec.path("endpointSelector").isObject() || !spec.path("endpointSelector").isEmpty()) {
            throw new UnsupportedOperationException("only policies selecting every pod of the namespace are modelled");
        }
        if (spec.has("enableDefaultDeny") || spec.has("specs")) {
            throw new UnsupportedOperationException("enableDefaultDeny and specs are not modelled");
        }
    }

    /** Traffic from a pod of the namespace to {@code traffic.peer()}. */
    Verdict egress(Traffic traffic) {
        return decide(spec.path("egressDeny"), spec.path("egress"), traffic, EGRESS_PEERS);
    }

    /** Traffic from {@code traffic.peer()} to a pod of the namespace, on that pod's port. */
    Verdict ingress(Traffic traffic) {
        return decide(spec.path("ingressDeny"), spec.path("ingress"), traffic, INGRESS_PEERS);
    }

    /** Whether a deny rule drops the egress traffic, whatever any policy allows. */
    boolean deniesEgress(Traffic traffic) {
        return anyMatches(spec.path("egressDeny"), traffic, EGRESS_PEERS);
    }

    /** Whether a deny rule drops the ingress traffic, whatever any policy allows. */
    boolean deniesIngress(Traffic traffic) {
        return anyMatches(spec.path("ingressDeny"), traffic, INGRESS_PEERS);
    }

    private boolean anyMatches(JsonNode rules, Traffic traffic, Set<String> peerKeys) {
        for (JsonNode rule : rules) {
            if (matches(rule, traffic, peerKeys)) {
                return true;
            }
        }
        return false;
    }

    private Verdict decide(JsonNode denies, JsonNode allows, Traffic traffic, Set<String> peerKeys) {
        if (anyMatches(denies, traffic, peerKeys)) {
            return Verdict.DENIED;
        }
        if (denies.isEmpty() && allows.isEmpty()) {
            return Verdict.ALLOWED; // this direction is not enforced by the policy
        }
        return anyMatches(allows, traffic, peerKeys) ? Verdict.ALLOWED : Verdict.DENIED;
    }

    private boolean matches(JsonNode rule, Traffic traffic, Set<String> peerKeys) {
        boolean anyPeerSelector = false;
        boolean peerMatches = false;
        for (String key : (Iterable<String>) rule::fieldNames) {
            if (key.equals("toPorts")) {
                continue;
            }
            if (!peerKeys.contains(key)) {
                throw new UnsupportedOperationException("rule field " + key + " is not modelled");
            }
            anyPeerSelector = true;
            peerMatches |= switch (key) {
                case "toEndpoints", "fromEndpoints" -> anyEndpointSelectorMatches(rule.get(key), traffic.peer());
                case "toEntities", "fromEntities" -> anyEntityMatches(rule.get(key), traffic.peer());
                case "toFQDNs" -> traffic.peer() instanceof DnsName d && fqdnMatches(rule.get(key), d.host())
                        && dnsProxySees(d.host());
                default -> throw new IllegalStateException(key);
            };
        }
        // A rule with ports but no peer selector applies to every peer.
        return (!anyPeerSelector || peerMatches) && portsMatch(rule.path("toPorts"), traffic);
    }

    private boolean anyEndpointSelectorMatches(JsonNode selectors, Peer peer) {
        if (!(peer instanceof Pod pod)) {
            return false;
        }
        for (JsonNode selector : selectors) {
            if (selector.has("matchExpressions")) {
                throw new UnsupportedOperationException("matchExpressions are not modelled");
            }
            String selectedNamespace = namespace; // implicit in a namespaced policy
            boolean labelsMatch = true;
            for (var label : selector.path("matchLabels").properties()) {
                String key = label.getKey().startsWith("k8s:") ? label.getKey().substring(4) : label.getKey();
                if (key.contains(":")) {
                    throw new UnsupportedOperationException("label source of " + label.getKey() + " is not modelled");
                }
                if (key.equals(NAMESPACE_LABEL)) {
                    selectedNamespace = label.getValue().asText();
                } else {
                    labelsMatch &= label.getValue().asText().equals(pod.labels().get(key));
                }
            }
            if (labelsMatch && selectedNamespace.equals(pod.namespace())) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyEntityMatches(JsonNode entities, Peer peer) {
        for (JsonNode e : entities) {
            String entity = e.asText();
            boolean match = switch (peer) {
                case Entity(String name) -> entity.equals("all") || entity.equals(name)
                        || entity.equals("cluster") && CLUSTER_ENTITIES.contains(name);
                case Pod p -> entity.equals("all") || entity.equals("cluster");
                case DnsName d -> entity.equals("all") || entity.equals("world");
            };
            if (match) {
                return true;
            }
        }
        return false;
    }

    private static boolean fqdnMatches(JsonNode fqdns, String host) {
        for (JsonNode fqdn : fqdns) {
            if (nameMatches(fqdn, host)) {
                return true;
            }
        }
        return false;
    }

    /** A {matchName} or {matchPattern} entry, as in toFQDNs and rules.dns. */
    private static boolean nameMatches(JsonNode entry, String host) {
        return entry.has("matchName") && dnsName(entry.get("matchName").asText()).equals(dnsName(host))
                || entry.has("matchPattern") && pattern(entry.get("matchPattern").asText()).matcher(dnsName(host)).matches();
    }

    /** toFQDNs learns addresses only from lookups Cilium's DNS proxy sees: a rule with rules.dns matching the name. */
    private boolean dnsProxySees(String host) {
        for (JsonNode rule : spec.path("egress")) {
            for (JsonNode toPort : rule.path("toPorts")) {
                for (JsonNode dns : toPort.path("rules").path("dns")) {
                    boolean matches = nameMatches(dns, host);
                    boolean onPort53 = false;
                    for (JsonNode port : toPort.path("ports")) {
                        onPort53 |= port.path("port").asText().equals("53");
                    }
                    if (matches && onPort53) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean portsMatch(JsonNode toPorts, Traffic traffic) {
        if (toPorts.isMissingNode() || toPorts.isEmpty()) {
            return true;
        }
        for (JsonNode toPort : toPorts) {
            for (JsonNode port : toPort.path("ports")) {
                if (port.has("endPort") || !port.path("port").asText().matches("\\d+")) {
                    throw new UnsupportedOperationException("port ranges and named ports are not modelled: " + port);
                }
                String protocol = port.path("protocol").asText("ANY");
                if (Integer.parseInt(port.get("port").asText()) == traffic.port()
                        && (protocol.equals("ANY") || protocol.equals(traffic.protocol()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String dnsName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }

    /** Cilium's DNS wildcard: "*" matches a run of DNS characters within a label; "*" alone matches every name. */
    private static Pattern pattern(String matchPattern) {
        String p = dnsName(matchPattern);
        if (p.equals("*.")) {
            return Pattern.compile(".*");
        }
        return Pattern.compile(List.of(p.split("\\*", -1)).stream().map(Pattern::quote)
                .reduce((a, b) -> a + "[-a-z0-9_]*" + b).orElseThrow());
    }
}

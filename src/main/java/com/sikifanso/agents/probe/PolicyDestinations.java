package com.sikifanso.agents.probe;

import static com.sikifanso.agents.probe.Destination.Expect.BLOCKED;
import static com.sikifanso.agents.probe.Destination.Expect.REACH;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agents.AgentValues;
import com.sikifanso.agents.probe.Destination.Check;
import com.sikifanso.agents.probe.Destination.Where;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every destination a rendered sandbox policy speaks about, read off the CiliumNetworkPolicy itself (not off the
 * values), so an allow rule the chart adds is a row the probe tries and the probe cannot drift from the chart.
 */
public final class PolicyDestinations {
    static final String NAMESPACE_LABEL = "k8s:io.kubernetes.pod.namespace";
    static final String DNS_NAME = "kubernetes.default.svc.cluster.local";
    static final String INTERNET_IP = "1.1.1.1";
    static final int API_SERVER_PORT = 6443;
    private static final List<String> UNLISTED_HOSTS = List.of("example.com", "example.org", "example.net");

    private PolicyDestinations() {
    }

    /** A service an allow rule opens: its pods (namespace and labels) on one TCP port. */
    record AllowedPods(String namespace, Map<String, String> labels, int port) {
    }

    /**
     * @param policy the agent's rendered CiliumNetworkPolicy
     * @param values the agent's values, only to name allowed services as the user named them
     * @param others the other agents' rendered policies, by agent name
     */
    public static List<Destination> of(JsonNode policy, AgentValues values, Map<String, JsonNode> others) {
        JsonNode spec = policy.path("spec");
        Set<String> denied = new LinkedHashSet<>();
        spec.path("egressDeny").forEach(r -> r.path("toEntities").forEach(e -> denied.add(e.asText())));
        List<Destination> rows = new ArrayList<>();
        rows.add(dns(spec));
        List<AllowedPods> allowed = allowedPods(spec);
        for (AllowedPods pods : allowed) {
            String name = nameOf(pods, values);
            String rule = "egress to " + selector(pods) + " on " + pods.port() + "/TCP";
            rows.add(Destination.connect(name + " on its port " + pods.port(), Where.PODS, pods.namespace(),
                    pods.labels(), pods.port(), REACH, rule));
            int other = pods.port() == 65535 ? pods.port() - 1 : pods.port() + 1;
            rows.add(Destination.connect(name + " on another port " + other, Where.PODS, pods.namespace(),
                    pods.labels(), other, BLOCKED, "default deny: only " + pods.port() + "/TCP is allowed"));
        }
        otherAgentsServices(allowed, others).forEach((pods, agent) -> rows.add(Destination.connect(
                selector(pods) + " (allowed to agent " + agent + " only) on " + pods.port(), Where.PODS,
                pods.namespace(), pods.labels(), pods.port(), BLOCKED, "default deny: not in this agent's allow-list")));
        rows.add(Destination.connect("Kubernetes API by service IP", Where.API_SERVICE, null, Map.of(), 443, BLOCKED,
                deniedBy(denied, "kube-apiserver")));
        rows.add(Destination.connect("Kubernetes API by the server node's address", Where.SERVER_NODE, null, Map.of(),
                API_SERVER_PORT, BLOCKED, deniedBy(denied, "kube-apiserver")));
        rows.add(Destination.connect("a node port on the host", Where.NODE_PORT, null, Map.of(), 0, BLOCKED,
                deniedBy(denied, "host", "remote-node")));
        rows.add(Destination.connect("another agent's pods", Where.OTHER_AGENT_POD, null, Map.of(), 0, BLOCKED,
                "default deny (and the other sandbox admits only its own pods)"));
        rows.add(Destination.connect("the internet by IP " + INTERNET_IP, Where.NAME, INTERNET_IP, Map.of(), 443,
                BLOCKED, deniedBy(denied, "world")));
        List<String> listed = new ArrayList<>();
        for (JsonNode rule : spec.path("egress")) {
            for (JsonNode fqdn : rule.path("toFQDNs")) {
                String host = fqdn.path("matchName").asText();
                int port = tcpPorts(rule).stream().findFirst().orElse(443);
                listed.add(host);
                rows.add(Destination.connect(host + " on " + port, Where.NAME, host, Map.of(), port, REACH,
                        "toFQDNs " + host + " on " + port + "/TCP"));
            }
        }
        String unlisted = UNLISTED_HOSTS.stream().filter(h -> !listed.contains(h)).findFirst().orElseThrow();
        rows.add(Destination.connect(unlisted + " (not on the list) on 443", Where.NAME, unlisted, Map.of(), 443,
                BLOCKED, "default deny: only toFQDNs hosts are allowed"));
        return List.copyOf(rows);
    }

    /** The DNS row: allowed when a rule opens port 53 to some pods, else the default deny applies. */
    private static Destination dns(JsonNode spec) {
        for (JsonNode rule : spec.path("egress")) {
            if (rule.has("toEndpoints") && opens53(rule)) {
                String to = rule.path("toEndpoints").findValuesAsText(NAMESPACE_LABEL).stream().findFirst()
                        .orElse("its namespace");
                return new Destination("DNS: resolve " + DNS_NAME, Check.RESOLVE, Where.NAME, DNS_NAME, Map.of(), 0,
                        REACH, "egress to the DNS pods in " + to + " on 53/UDP, 53/TCP");
            }
        }
        return new Destination("DNS: resolve " + DNS_NAME, Check.RESOLVE, Where.NAME, DNS_NAME, Map.of(), 0, BLOCKED,
                "default deny: no rule opens port 53");
    }

    private static boolean opens53(JsonNode rule) {
        for (JsonNode ports : rule.path("toPorts")) {
            for (JsonNode p : ports.path("ports")) {
                if ("53".equals(p.path("port").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Allow rules to other namespaces' pods on TCP ports (DNS and the sandbox's own namespace left out). */
    static List<AllowedPods> allowedPods(JsonNode spec) {
        List<AllowedPods> pods = new ArrayList<>();
        for (JsonNode rule : spec.path("egress")) {
            if (opens53(rule)) {
                continue;
            }
            for (JsonNode endpoint : rule.path("toEndpoints")) {
                Map<String, String> labels = new LinkedHashMap<>();
                endpoint.path("matchLabels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
                String namespace = labels.remove(NAMESPACE_LABEL);
                if (namespace == null) {
                    continue; // the sandbox's own namespace
                }
                tcpPorts(rule).forEach(port -> pods.add(new AllowedPods(namespace, Map.copyOf(labels), port)));
            }
        }
        return pods;
    }

    private static List<Integer> tcpPorts(JsonNode rule) {
        List<Integer> ports = new ArrayList<>();
        for (JsonNode toPorts : rule.path("toPorts")) {
            for (JsonNode p : toPorts.path("ports")) {
                if ("TCP".equals(p.path("protocol").asText("TCP"))) {
                    ports.add(p.path("port").asInt());
                }
            }
        }
        return ports;
    }

    private static Map<AllowedPods, String> otherAgentsServices(List<AllowedPods> ours, Map<String, JsonNode> others) {
        Map<AllowedPods, String> theirs = new LinkedHashMap<>();
        others.forEach((agent, policy) -> allowedPods(policy.path("spec")).stream()
                .filter(p -> !ours.contains(p)).forEach(p -> theirs.putIfAbsent(p, agent)));
        return theirs;
    }

    private static String nameOf(AllowedPods pods, AgentValues values) {
        return values.allow().stream().filter(a -> a.namespace().equals(pods.namespace())
                        && a.podLabels().equals(pods.labels()) && a.port() == pods.port())
                .map(AgentValues.AllowedService::name).findFirst().orElse(selector(pods));
    }

    private static String selector(AllowedPods pods) {
        List<String> labels = pods.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
                .toList();
        return pods.namespace() + "/" + String.join(",", labels);
    }

    private static String deniedBy(Set<String> denied, String... entities) {
        List<String> named = List.of(entities).stream().filter(denied::contains).toList();
        return named.isEmpty() ? "default deny" : "egressDeny " + String.join(", ", named);
    }
}

package com.sikifanso.agents;

import java.util.ArrayList;
import java.util.List;

/** The sandbox's network policy in words, for {@code agent info} and for models reading it. */
public final class AgentPolicy {
    private AgentPolicy() {
    }

    public record Summary(List<String> mayReach, List<String> denied) {
    }

    public static Summary summarise(AgentValues v) {
        String ns = AgentSandbox.namespace(v.agent().name());
        List<String> reach = new ArrayList<>();
        reach.add("cluster DNS (kube-dns in kube-system) on 53/UDP and 53/TCP");
        v.allow().forEach(a -> reach.add(a.name() + " pods in namespace " + a.namespace() + " on " + a.port()
                + "/TCP only" + (v.llm() != null && a.name().equals(AgentSandbox.LLM_GATEWAY)
                ? " (allowed because the agent has an LLM budget of " + v.llm().budget() + ")" : "")));
        v.egressFQDNs().forEach(h -> reach.add(h.host() + " on " + h.port() + "/TCP (by DNS name)"));
        reach.add("other pods in its own namespace " + ns);
        List<String> denied = List.of(
                v.egressFQDNs().isEmpty() ? "the internet" : "the rest of the internet",
                "the Kubernetes API server", "the node and other nodes (host, remote-node)",
                "other agents' namespaces and every service not listed above",
                "incoming traffic from outside " + ns);
        return new Summary(reach, denied);
    }
}

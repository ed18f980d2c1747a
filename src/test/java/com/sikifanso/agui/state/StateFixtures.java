package com.sikifanso.agui.state;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Kubernetes objects as k3s and the sandbox chart make them, and fast feed options, for the state feed tests. */
public final class StateFixtures {
    static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

    private StateFixtures() {
    }

    /**
     * Quick to react and to retry, the doctor once per run; patient with the doctor and the API server on a loaded
     * machine, so the snapshot always holds the doctor's verdicts.
     */
    static ClusterStateFeed.Options fast(Clock clock) {
        return new ClusterStateFeed.Options(Duration.ofMillis(100), Duration.ofHours(1), Duration.ofMinutes(5),
                Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofSeconds(60), clock);
    }

    /** T0, then one second later at each reading: {@code takenAt} says how many times the state changed. */
    static Clock ticking() {
        AtomicLong n = new AtomicLong();
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return T0.plusSeconds(n.getAndIncrement());
            }
        };
    }

    /** A node as k3s registers it: servers labelled control-plane (k3s pkg/server), Ready as the kubelet reports. */
    public static Node node(String name, boolean server, boolean ready) {
        return new NodeBuilder().withNewMetadata().withName(name)
                .withLabels(server ? Map.of(ClusterStateReader.CONTROL_PLANE_LABEL, "true",
                        "node-role.kubernetes.io/master", "true") : Map.of("kubernetes.io/os", "linux"))
                .endMetadata()
                .withNewStatus().addNewCondition().withType("Ready").withStatus(ready ? "True" : "False")
                .withReason(ready ? "KubeletReady" : "KubeletNotReady").endCondition().endStatus().build();
    }

    /** An agent's namespace as the agent-sandbox chart labels it, Active. */
    static Namespace agentNamespace(String agent) {
        return new NamespaceBuilder().withNewMetadata().withName("agent-" + agent)
                .withLabels(Map.of(ClusterWatch.AGENT_LABEL, "true", ClusterStateReader.AGENT_NAME_LABEL, agent))
                .endMetadata().withNewStatus().withPhase("Active").endStatus().build();
    }

    static Pod pod(String namespace, String name, boolean ready) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withNewStatus().withPhase("Running").addNewCondition().withType("Ready")
                .withStatus(ready ? "True" : "False").endCondition().endStatus().build();
    }
}

package com.sikifanso.agui.state;

import com.sikifanso.agents.AgentSandbox;
import com.sikifanso.argocd.Applications;
import com.sikifanso.doctor.CheckResult;
import com.sikifanso.kube.Conditions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns what the watches hold into a {@link ClusterState}, with the readers the commands use: an Application as
 * {@code app list} reads it, a node's Ready as the doctor reads it, an agent's namespace as {@code agent} names it.
 */
final class ClusterStateReader {
    /** k3s labels every server node with it, "true" (pkg/server setNodeLabelsAndAnnotations). */
    static final String CONTROL_PLANE_LABEL = "node-role.kubernetes.io/control-plane";
    /** The sandbox chart labels an agent's namespace with the agent's name (agent-sandbox.labels). */
    static final String AGENT_NAME_LABEL = "sikifanso.io/agent-name";

    private ClusterStateReader() {
    }

    /** What the watches see now, plus the agents the repo defines and the doctor's last verdicts. */
    record Seen(Collection<Node> nodes, Collection<GenericKubernetesResource> applications,
                Collection<Namespace> agentNamespaces, Collection<Pod> pods, Collection<String> definedAgents,
                List<CheckResult> doctor) {
    }

    static ClusterState read(String cluster, Seen seen) {
        return new ClusterState(cluster, null, nodes(seen.nodes()), apps(seen.applications()), agents(seen),
                seen.doctor());
    }

    private static Map<String, ClusterState.Node> nodes(Collection<Node> nodes) {
        return nodes.stream().collect(Collectors.toMap(n -> n.getMetadata().getName(),
                n -> new ClusterState.Node(role(n), Conditions.isReady(n)), (a, b) -> b, TreeMap::new));
    }

    static String role(Node node) {
        Map<String, String> labels = node.getMetadata().getLabels();
        return labels != null && "true".equals(labels.get(CONTROL_PLANE_LABEL)) ? "server" : "agent";
    }

    private static Map<String, ClusterState.App> apps(Collection<GenericKubernetesResource> applications) {
        return applications.stream().collect(Collectors.toMap(a -> a.getMetadata().getName(), a -> {
            Applications.AppStatus s = Applications.status(a);
            return new ClusterState.App(s.sync(), s.health(), Applications.revision(a), s.message());
        }, (a, b) -> b, TreeMap::new));
    }

    /** Every agent the repo defines or the cluster has a sandbox namespace of. */
    private static Map<String, ClusterState.Agent> agents(Seen seen) {
        Map<String, Namespace> namespaces = seen.agentNamespaces().stream()
                .filter(ns -> ns.getMetadata().getLabels() != null
                        && ns.getMetadata().getLabels().get(AGENT_NAME_LABEL) != null)
                .collect(Collectors.toMap(ns -> ns.getMetadata().getLabels().get(AGENT_NAME_LABEL),
                        Function.identity(), (a, b) -> b));
        Map<String, List<Pod>> pods = seen.pods().stream()
                .collect(Collectors.groupingBy(p -> p.getMetadata().getNamespace()));
        TreeMap<String, ClusterState.Agent> agents = new TreeMap<>();
        for (String name : union(seen.definedAgents(), namespaces.keySet())) {
            String namespace = AgentSandbox.namespace(name);
            Namespace ns = namespaces.get(name);
            List<Pod> inside = ns == null ? List.of() : pods.getOrDefault(namespace, List.of());
            int ready = (int) inside.stream().filter(Conditions::isReady).count();
            boolean active = ns != null && ns.getStatus() != null
                    && Objects.equals("Active", ns.getStatus().getPhase());
            agents.put(name, new ClusterState.Agent(namespace, active && ready == inside.size(), inside.size(), ready));
        }
        return agents;
    }

    private static SortedSet<String> union(Collection<String> a, Collection<String> b) {
        SortedSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}

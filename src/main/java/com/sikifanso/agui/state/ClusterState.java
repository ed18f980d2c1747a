package com.sikifanso.agui.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.doctor.CheckResult;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the dashboard's overview shows of one cluster, as the AG-UI state of the cluster's state feed. Nodes, apps
 * and agents are objects keyed by name (sorted), so a change is a patch on {@code /apps/qdrant/health} rather than on
 * an array index that shifts when an app is added; the doctor's rows keep the report's order.
 *
 * @param takenAt when the content last changed: it moves only with the content, so an unchanged cluster sends
 *        no delta at all
 */
@JsonPropertyOrder({"cluster", "takenAt", "nodes", "apps", "agents", "doctor"})
public record ClusterState(String cluster, Instant takenAt, Map<String, Node> nodes, Map<String, App> apps,
                           Map<String, Agent> agents, List<CheckResult> doctor) {

    public ClusterState {
        nodes = Collections.unmodifiableSortedMap(new TreeMap<>(nodes));
        apps = Collections.unmodifiableSortedMap(new TreeMap<>(apps));
        agents = Collections.unmodifiableSortedMap(new TreeMap<>(agents));
        doctor = List.copyOf(doctor);
    }

    /** A Kubernetes node: {@code server} (k3s labels it control-plane) or {@code agent}, and whether it is Ready. */
    @JsonPropertyOrder({"role", "ready"})
    public record Node(String role, boolean ready) {
    }

    /** An Argo CD Application: sync and health as {@code app list} shows them, the revision, and why it is not ok. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"sync", "health", "revision", "message"})
    public record App(String sync, String health, String revision, String message) {
    }

    /**
     * An agent sandbox: defined in the repo and/or present as a namespace; ready when its namespace is Active and
     * every pod in it is Ready.
     */
    @JsonPropertyOrder({"namespace", "ready", "pods", "podsReady"})
    public record Agent(String namespace, boolean ready, int pods, int podsReady) {
    }

    /** The same state taken at {@code time}. */
    public ClusterState at(Instant time) {
        return new ClusterState(cluster, time, nodes, apps, agents, doctor);
    }

    /** Everything but {@link #takenAt} is equal. */
    public boolean sameContent(ClusterState other) {
        return other != null && at(null).equals(other.at(null));
    }

    /** As the AG-UI state: ISO-8601 time, absent optional fields left out. */
    @JsonIgnore
    public JsonNode json() {
        return Mappers.JSON.valueToTree(this);
    }
}

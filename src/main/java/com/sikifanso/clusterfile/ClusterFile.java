package com.sikifanso.clusterfile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.infra.Cni;
import com.sikifanso.agents.AgentSpec;
import com.sikifanso.agents.AgentValues;
import java.util.List;

/**
 * A cluster written down ({@code apiVersion: sikifanso.io/v1alpha1}, {@code kind: Cluster}): what {@code cluster
 * create --config} reads and {@code cluster config} writes. Shaped after k3d's SimpleConfig (v1alpha5: a
 * {@code metadata.name}, node counts, an image, ports, registries) with the GitOps parts sikifanso adds. Absent
 * parts mean "the default"; {@link #overriddenBy} lays the command line's flags over a file.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "nodes", "network", "ports", "registry", "profiles", "apps",
    "customApps", "agents", "infra"})
public record ClusterFile(String apiVersion, String kind, Metadata metadata, Nodes nodes, Network network,
                          Ports ports, Registry registry, List<String> profiles, List<String> apps,
                          List<CustomAppEntry> customApps, List<AgentEntry> agents, Infra infra) {
    public static final String API_VERSION = "sikifanso.io/v1alpha1";
    public static final String KIND = "Cluster";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metadata(String name, String description) {
    }

    /** The k3s node containers; {@code gpus} is {@code all} or a count, as {@code k3d --gpus}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"image", "servers", "agents", "gpus"})
    public record Nodes(String image, Integer servers, Integer agents, String gpus) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Network(Cni cni) {
    }

    /** Host ports on 127.0.0.1; an absent one is picked free. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"api", "http", "https", "argocd", "hubble"})
    public record Ports(Integer api, Integer http, Integer https, Integer argocd, Integer hubble) {
    }

    /**
     * {@code create}: a registry container for the cluster named {@code name} (absent: k3d's
     * {@code k3d-<cluster>-registry}) on host port {@code port}; {@code config}: a k3s registries.yaml written into
     * every node, as k3d's {@code registries.config}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"create", "name", "port", "config"})
    public record Registry(Boolean create, String name, Integer port, String config) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "repo", "chart", "version", "namespace", "values"})
    public record CustomAppEntry(String name, String repo, String chart, String version, String namespace,
                                 JsonNode values) {
    }

    /**
     * An agent as {@code agent create} makes it; {@code workload} is the program its sandbox runs, if any. An empty
     * {@code allow} is written ({@code allow: []}): left out it would read back as the default allow-list.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"name", "allow", "egressFqdns", "cpuRequest", "cpuLimit", "memoryRequest", "memoryLimit",
        "pods", "podSecurity", "workload"})
    public record AgentEntry(String name, @JsonInclude(JsonInclude.Include.NON_NULL) List<String> allow,
                             List<String> egressFqdns, String cpuRequest, String cpuLimit, String memoryRequest,
                             String memoryLimit, String pods, String podSecurity, AgentValues.Workload workload) {
        /** An agent that runs no workload of its own. */
        public AgentEntry(String name, List<String> allow, List<String> egressFqdns, String cpuRequest,
                          String cpuLimit, String memoryRequest, String memoryLimit, String pods, String podSecurity) {
            this(name, allow, egressFqdns, cpuRequest, cpuLimit, memoryRequest, memoryLimit, pods, podSecurity, null);
        }

        /** What {@code agent create} is asked for: these settings, the rest the defaults. */
        public AgentSpec spec() {
            return new AgentSpec(cpuRequest, cpuLimit, memoryRequest, memoryLimit, pods, allow, egressFqdns,
                    podSecurity, null, null, workload);
        }
    }

    /** Overrides of the repo's {@code infra/} files, one key per file. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"platform", "cilium", "argocd", "ciliumValues", "argocdValues"})
    public record Infra(JsonNode platform, JsonNode cilium, JsonNode argocd, JsonNode ciliumValues,
                        JsonNode argocdValues) {
    }

    public String name() {
        return metadata == null ? null : metadata.name();
    }

    public Nodes nodesOrEmpty() {
        return nodes == null ? new Nodes(null, null, null, null) : nodes;
    }

    public Registry registryOrEmpty() {
        return registry == null ? new Registry(null, null, null, null) : registry;
    }

    public Cni cni() {
        return network == null || network.cni() == null ? Cni.cilium : network.cni();
    }

    public static ClusterFile empty() {
        return new ClusterFile(API_VERSION, KIND, null, null, null, null, null, null, null, null, null, null);
    }

    /** This file with the flags the user gave laid over it: a given flag wins, an absent one keeps the file's. */
    public ClusterFile overriddenBy(Overrides o) {
        Nodes n = nodesOrEmpty();
        Registry r = registryOrEmpty();
        Nodes nodes = new Nodes(pick(o.image(), n.image()), pick(o.servers(), n.servers()),
                pick(o.agents(), n.agents()), pick(o.gpus(), n.gpus()));
        Network network = o.cni() == null ? this.network : new Network(o.cni());
        Registry registry = new Registry(pick(o.registryCreate(), r.create()), pick(o.registryName(), r.name()),
                pick(o.registryPort(), r.port()), pick(o.registryConfig(), r.config()));
        return new ClusterFile(API_VERSION, KIND, new Metadata(pick(o.name(), name()), metadata == null ? null : metadata.description()), emptyToNull(nodes), network,
                ports, emptyToNull(registry), pick(o.profiles(), profiles), apps, customApps, agents, infra);
    }

    /** What the command line may override; null means "not given". */
    public record Overrides(String name, String image, Integer servers, Integer agents, String gpus, Cni cni,
                            Boolean registryCreate, String registryName, Integer registryPort,
                            String registryConfig, List<String> profiles) {
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static Nodes emptyToNull(Nodes n) {
        return n.image() == null && n.servers() == null && n.agents() == null && n.gpus() == null ? null : n;
    }

    private static Registry emptyToNull(Registry r) {
        return r.create() == null && r.name() == null && r.port() == null && r.config() == null ? null : r;
    }
}

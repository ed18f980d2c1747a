package com.sikifanso.session;

import com.sikifanso.core.ClusterName;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.Mappers;
import java.io.IOException;
import java.time.Instant;

/**
 * What sikifanso remembers about one cluster ({@code clusters/<name>/session.yaml}): the Go
 * original's fields plus the host ports, which it only kept inside k3d.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record Session(
        String clusterName,
        ClusterState state,
        Instant createdAt,
        String bootstrapURL,
        String bootstrapVersion,
        String gitOpsPath,
        Services services,
        K3dConfig k3dConfig,
        Ports ports) {

    /** Source recorded when the template embedded in the jar was used. */
    public static final String EMBEDDED_BOOTSTRAP = "embedded";

    /** The cluster's name as the type services take (checked when the cluster was made, and again here). */
    public ClusterName name() {
        return ClusterName.of(clusterName);
    }

    public Session withState(ClusterState newState) {
        return new Session(clusterName, newState, createdAt, bootstrapURL, bootstrapVersion, gitOpsPath, services,
                k3dConfig, ports);
    }

    /** The same session with secrets blanked, for output that must never carry them. */
    public Session withoutSecrets() {
        K3dConfig nodes = k3dConfig == null ? null : k3dConfig.withoutRegistryCredentials();
        if (services == null || services.argocd() == null) {
            return nodes == k3dConfig ? this : new Session(clusterName, state, createdAt, bootstrapURL,
                    bootstrapVersion, gitOpsPath, services, nodes, ports);
        }
        ArgoCd a = services.argocd();
        Services redacted = new Services(new ArgoCd(a.url(), a.username(), null, a.chartVersion()), services.hubble());
        return new Session(clusterName, state, createdAt, bootstrapURL, bootstrapVersion, gitOpsPath, redacted,
                nodes, ports);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Services(ArgoCd argocd, Hubble hubble) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder(alphabetic = true)
    public record ArgoCd(String url, String username, String password, String chartVersion) {
    }

    public record Hubble(String url) {
    }

    /**
     * The nodes as created; {@code registryConfig} is the k3s registries.yaml given with --registry-config,
     * {@code gpus} what --gpus gave every node ({@code all} or a count; absent for none), {@code registry} the
     * cluster's own registry container (--registry-create).
     */
    @JsonPropertyOrder(alphabetic = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record K3dConfig(String image, int servers, int agents, String registryConfig, String gpus,
                            LocalRegistry registry) {
        public K3dConfig(String image, int servers, int agents) {
            this(image, servers, agents, null);
        }

        public K3dConfig(String image, int servers, int agents, String registryConfig) {
            this(image, servers, agents, registryConfig, null, null);
        }

        /** Without the registries' auth sections (configs.*.auth, auths), which hold passwords. */
        K3dConfig withoutRegistryCredentials() {
            if (registryConfig == null) {
                return this;
            }
            try {
                JsonNode root = Mappers.YAML.readTree(registryConfig);
                boolean changed = root instanceof ObjectNode o
                        && o.remove("auths") != null;
                for (JsonNode config : root.path("configs")) {
                    changed |= config instanceof ObjectNode c
                            && c.remove("auth") != null;
                }
                return changed ? new K3dConfig(image, servers, agents,
                        Mappers.YAML.writeValueAsString(root), gpus, registry) : this;
            } catch (IOException e) {
                throw new IllegalStateException("a registries.yaml checked on create always parses", e);
            }
        }
    }

    /** The registry container made for the cluster: its name inside the cluster network and its port on the host. */
    public record LocalRegistry(String name, int hostPort) {
    }

    /** Host ports bound for this cluster; 0 means not bound yet. */
    public record Ports(int apiServer, int http, int https, int argocdUI, int hubbleUI) {
    }
}

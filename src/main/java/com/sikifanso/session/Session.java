package com.sikifanso.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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

    public Session withState(ClusterState newState) {
        return new Session(clusterName, newState, createdAt, bootstrapURL, bootstrapVersion, gitOpsPath, services,
                k3dConfig, ports);
    }

    /** The same session with secrets blanked, for output that must never carry them. */
    public Session withoutSecrets() {
        if (services == null || services.argocd() == null) {
            return this;
        }
        ArgoCd a = services.argocd();
        Services redacted = new Services(new ArgoCd(a.url(), a.username(), null, a.chartVersion()), services.hubble());
        return new Session(clusterName, state, createdAt, bootstrapURL, bootstrapVersion, gitOpsPath, redacted,
                k3dConfig, ports);
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

    @JsonPropertyOrder(alphabetic = true)
    public record K3dConfig(String image, int servers, int agents) {
    }

    /** Host ports bound for this cluster; 0 means not bound yet. */
    public record Ports(int apiServer, int http, int https, int argocdUI, int hubbleUI) {
    }
}

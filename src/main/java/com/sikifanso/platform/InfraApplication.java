package com.sikifanso.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.gitops.ApplicationSets;
import com.sikifanso.infra.ChartCoordinates;
import java.util.List;
import java.util.Map;

/**
 * The Argo CD Application that takes over a chart sikifanso installed with Helm (Cilium, Argo CD
 * itself), so Argo CD manages it from then on: same chart, version, release name and values. It
 * has no resources finalizer: deleting the Application must never uninstall the cluster's network
 * or Argo CD. Auto-sync without self-heal or prune, so a change made by hand is not fought over.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InfraApplication(String apiVersion, String kind, Metadata metadata, Spec spec) {
    public static final String API_VERSION = "argoproj.io/v1alpha1";
    static final String IN_CLUSTER = "https://kubernetes.default.svc";

    public record Metadata(String name, String namespace, Map<String, String> labels) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(String project, Source source, Destination destination, SyncPolicy syncPolicy,
                       List<IgnoredDifference> ignoreDifferences) {
    }

    /** Fields of one live object Argo CD neither diffs nor (with RespectIgnoreDifferences) overwrites. */
    public record IgnoredDifference(String group, String kind, String name, String namespace,
                                    List<String> jsonPointers) {
    }

    public record Source(String repoURL, String chart, String targetRevision, Helm helm) {
    }

    /** Values as an object ({@code valuesObject}), not a YAML string inside YAML. */
    public record Helm(String releaseName, JsonNode valuesObject) {
    }

    public record Destination(String server, String namespace) {
    }

    public record SyncPolicy(Automated automated, List<String> syncOptions) {
    }

    public record Automated(boolean selfHeal, boolean prune) {
    }

    /** The Application for a chart installed at {@code version} with {@code values}. */
    public static InfraApplication of(ChartCoordinates chart, String version, JsonNode values) {
        return of(chart, version, values, null);
    }

    /**
     * Cilium's chart generates Hubble's CA and certificates inside its templates
     * ({@code hubble.tls.auto.method: helm}), so every render Argo CD makes differs from the live
     * Secrets: without these ignores the Application is OutOfSync for good and each sync rotates the
     * certificates under running Hubble pods. As Cilium's "Troubleshooting Cilium deployed with Argo
     * CD" page says, plus the shared {@code cilium-ca} Secret the 1.19 chart renders beside them.
     */
    public static InfraApplication cilium(ChartCoordinates chart, String version, JsonNode values) {
        String ns = chart.namespace();
        List<String> certificate = List.of("/data/ca.crt", "/data/tls.crt", "/data/tls.key");
        return of(chart, version, values, List.of(
                new IgnoredDifference("", "Secret", "cilium-ca", ns, List.of("/data/ca.crt", "/data/ca.key")),
                new IgnoredDifference("", "ConfigMap", "hubble-ca-cert", ns, List.of("/data/ca.crt")),
                new IgnoredDifference("", "Secret", "hubble-server-certs", ns, certificate),
                new IgnoredDifference("", "Secret", "hubble-relay-client-certs", ns, certificate)));
    }

    private static InfraApplication of(ChartCoordinates chart, String version, JsonNode values,
                                       List<IgnoredDifference> ignored) {
        List<String> options = ignored == null ? List.of("CreateNamespace=true", "ServerSideApply=true")
                : List.of("CreateNamespace=true", "ServerSideApply=true", "RespectIgnoreDifferences=true");
        return new InfraApplication(API_VERSION, "Application",
                new Metadata(chart.releaseName(), ApplicationSets.NAMESPACE,
                        Map.of("app.kubernetes.io/managed-by", "sikifanso")),
                new Spec("default",
                        new Source(chart.repoURL(), chart.chart(), version, new Helm(chart.releaseName(), values)),
                        new Destination(IN_CLUSTER, chart.namespace()),
                        new SyncPolicy(new Automated(false, false), options), ignored));
    }

    public String name() {
        return metadata.name();
    }

    /** As the API server stores it, for schema checks and comparisons. */
    public JsonNode toJson() {
        return Mappers.JSON.valueToTree(this);
    }
}

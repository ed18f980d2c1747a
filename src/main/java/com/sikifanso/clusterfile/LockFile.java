package com.sikifanso.clusterfile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.infra.Cni;
import java.util.List;

/**
 * A cluster's lock ({@code apiVersion: sikifanso.io/v1alpha1}, {@code kind: Lock}, the file {@code sikifanso.lock}):
 * what {@code cluster lock} records and {@code cluster create --from-lock} and {@code cluster diff-lock} read. The
 * platform's versions, each enabled app with its chart and its values (embedded, with their digest), the agents'
 * definitions and digests, the profiles complete in it, and the images its pods run. Lists are sorted by name, so
 * two locks of the same cluster are the same bytes and a change is a small diff.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "platform", "profiles", "apps", "customApps", "agents",
    "images"})
public record LockFile(String apiVersion, String kind, Metadata metadata, Platform platform, List<String> profiles,
                       List<App> apps, List<App> customApps, List<Agent> agents, List<Image> images) {
    public static final String API_VERSION = ClusterFile.API_VERSION;
    public static final String KIND = "Lock";
    public static final String DEFAULT_FILE = "sikifanso.lock";
    /** {@code metadata.images} when the images were read from the pods; any other text says why there are none. */
    public static final String IMAGES_FROM_PODS = "pods";

    public LockFile {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        apps = apps == null ? List.of() : List.copyOf(apps);
        customApps = customApps == null ? List.of() : List.copyOf(customApps);
        agents = agents == null ? List.of() : List.copyOf(agents);
        images = images == null ? List.of() : List.copyOf(images);
    }

    /**
     * Where the lock comes from, for people and for diff-lock's header: the cluster, the GitOps commit its content
     * was read at, the sikifanso that wrote it, and where the images were read ({@code pods}), or why not.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"cluster", "gitopsCommit", "generatedBy", "images"})
    public record Metadata(String cluster, String gitopsCommit, String generatedBy, String images) {
    }

    /** The platform as pinned in the cluster's infra settings. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"k3sImage", "cni", "cilium", "argocd"})
    public record Platform(String k3sImage, Cni cni, Chart cilium, Chart argocd) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"repo", "chart", "version"})
    public record Chart(String repo, String chart, String version) {
    }

    /**
     * A catalog or custom app: its chart, where it goes, and its values file as committed, embedded (sorted keys)
     * with the sha256 of its canonical JSON, so the lock alone re-creates it and a hand edit is caught.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "repo", "chart", "version", "namespace", "valuesDigest", "values"})
    public record App(String name, String repo, String chart, String version, String namespace, String valuesDigest,
                      JsonNode values) {
    }

    /** An agent sandbox: the digest of its values file as committed, and the definition that re-creates it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "digest", "definition"})
    public record Agent(String name, String digest, ClusterFile.AgentEntry definition) {
    }

    /** An image a pod of {@code namespace} runs, and its digest when the node reported one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"namespace", "image", "digest"})
    public record Image(String namespace, String image, String digest) {
        /** The image without its tag or digest: what stays the same when a version changes. */
        public String repository() {
            String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
            int slash = name.lastIndexOf('/');
            int colon = name.lastIndexOf(':');
            return colon > slash ? name.substring(0, colon) : name;
        }
    }

    public String cluster() {
        return metadata == null ? null : metadata.cluster();
    }

    public boolean imagesRecorded() {
        return metadata != null && IMAGES_FROM_PODS.equals(metadata.images());
    }
}

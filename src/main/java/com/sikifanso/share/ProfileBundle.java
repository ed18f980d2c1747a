package com.sikifanso.share;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.clusterfile.ClusterFile;
import java.util.List;

/**
 * A profile bundle ({@code apiVersion: sikifanso.io/v1alpha1}, {@code kind: ProfileBundle}; docs/sharing.md): what a
 * cluster's catalog, custom apps and agents are, to be applied to another cluster in one commit. Catalog apps carry
 * the chart version they were pinned to and the values that differ from the built-in catalog's (entries of catalog
 * sources, the pin of their source too); custom apps and
 * agents are written as a cluster file writes them. {@code digest} is {@link SharedDocuments#digest} of the rest.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "sources", "apps", "customApps", "agents", "digest"})
public record ProfileBundle(String apiVersion, String kind, Metadata metadata, List<Source> sources, List<App> apps,
                            List<ClusterFile.CustomAppEntry> customApps, List<ClusterFile.AgentEntry> agents,
                            String digest) {

    public ProfileBundle {
        sources = sources == null ? List.of() : List.copyOf(sources);
        apps = apps == null ? List.of() : List.copyOf(apps);
        customApps = customApps == null ? List.of() : List.copyOf(customApps);
        agents = agents == null ? List.of() : List.copyOf(agents);
    }

    /** {@code exportedFrom}: the cluster and commit it was made from, for people reading it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "description", "exportedFrom"})
    public record Metadata(String name, String description, String exportedFrom) {
    }

    /**
     * A catalog source whose entries the bundle names ({@code SOURCE/app}), at the pin the exported cluster's entries
     * were read at; {@code reference} fetches exactly that ({@code catalog source add NAME REFERENCE}). Bundles
     * made before sources were recorded have none, and take the source as added where they are applied.
     */
    @JsonPropertyOrder({"name", "pin", "reference"})
    public record Source(String name, String pin, String reference) {
    }

    /** A catalog app to enable: its chart version, and its values when they differ from the built-in catalog's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "version", "values"})
    public record App(String name, String version, JsonNode values) {
    }

    public String name() {
        return metadata == null ? null : metadata.name();
    }

    /** This bundle with its digest set to the digest of its content. */
    public ProfileBundle withContentDigest() {
        ProfileBundle content = withDigest(null);
        return content.withDigest(SharedDocuments.digest(content));
    }

    /** The digest its content has, whatever {@link #digest} says. */
    public String contentDigest() {
        return SharedDocuments.digest(withDigest(null));
    }

    private ProfileBundle withDigest(String value) {
        return new ProfileBundle(apiVersion, kind, metadata, sources, apps, customApps, agents, value);
    }
}

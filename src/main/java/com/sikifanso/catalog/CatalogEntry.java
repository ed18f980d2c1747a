package com.sikifanso.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One curated tool in {@code catalog/<name>.yaml}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CatalogEntry(
        String name,
        String category,
        String description,
        String repoURL,
        String chart,
        String targetRevision,
        String namespace,
        boolean enabled,
        String tier,
        List<String> dependsOn,
        AgentAccess agentAccess,
        List<CredentialSpec> credentials,
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Diagnostics.LeftOutWhenEmpty.class)
        Diagnostics diagnostics) {

    /** How an agent sandbox reaches this app's pods when the app is on its allow-list. */
    public record AgentAccess(int port, java.util.Map<String, String> podLabels) {
    }

    public CatalogEntry {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
        tier = tier == null || tier.isBlank() ? Tiers.DEFAULT : tier;
        diagnostics = diagnostics == null ? Diagnostics.NONE : diagnostics;
    }

    public String file() {
        return Catalog.DIR + "/" + name + ".yaml";
    }

    public String valuesFile() {
        return Catalog.DIR + "/values/" + name + ".yaml";
    }
}

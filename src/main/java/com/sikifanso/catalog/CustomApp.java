package com.sikifanso.catalog;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A Helm chart the user added with {@code app add}: {@code apps/coordinates/<name>.yaml}. */
@JsonPropertyOrder({"name", "repoURL", "chart", "targetRevision", "namespace"})
public record CustomApp(String name, String repoURL, String chart, String targetRevision, String namespace) {
    public static final String COORDINATES_DIR = "apps/coordinates";
    public static final String VALUES_DIR = "apps/values";

    public String file() {
        return COORDINATES_DIR + "/" + name + ".yaml";
    }

    public String valuesFile() {
        return VALUES_DIR + "/" + name + ".yaml";
    }
}

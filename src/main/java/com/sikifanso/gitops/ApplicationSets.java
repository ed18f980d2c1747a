package com.sikifanso.gitops;

/** The three root ApplicationSets in {@code bootstrap/}, by the name the CLI refreshes them with. */
public final class ApplicationSets {
    /** Custom apps: {@code apps/coordinates/*.yaml}. */
    public static final String CUSTOM_APPS = "root";
    /** Catalog apps whose {@code enabled} is true. */
    public static final String CATALOG = "catalog";
    /** Agent sandboxes: {@code agents/*.yaml}. */
    public static final String AGENTS = "agents";
    public static final String NAMESPACE = "argocd";

    private ApplicationSets() {
    }
}

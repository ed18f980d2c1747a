package com.sikifanso.catalog;

/** Catalog tiers sync in name order: operators before data stores before services. */
public final class Tiers {
    /** An entry without a tier is treated as a service, the last tier. */
    public static final String DEFAULT = "2-services";
    /** The steps of the catalog ApplicationSet's RollingSync (bootstrap/root-catalog.yaml), in order. */
    public static final java.util.List<String> ALL = java.util.List.of("0-operators", "1-data", DEFAULT);

    private Tiers() {
    }
}

package com.sikifanso.catalog;

/** Catalog tiers sync in name order: operators before data stores before services. */
public final class Tiers {
    /** An entry without a tier is treated as a service, the last tier. */
    public static final String DEFAULT = "2-services";

    private Tiers() {
    }
}

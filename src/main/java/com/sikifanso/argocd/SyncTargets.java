package com.sikifanso.argocd;

import com.sikifanso.catalog.Catalog;
import com.sikifanso.catalog.CatalogEntry;
import com.sikifanso.catalog.Tiers;
import java.util.List;

/** What to wait for after each kind of change, with catalog apps in their tiers. */
public final class SyncTargets {
    private SyncTargets() {
    }

    public static SyncTarget catalogAppsAppear(Catalog catalog, List<String> apps) {
        return new SyncTarget(SyncTarget.Kind.APPEAR, apps.stream().map(a -> inTier(catalog, a)).toList());
    }

    public static SyncTarget catalogAppDisappears(Catalog catalog, String app) {
        return new SyncTarget(SyncTarget.Kind.DISAPPEAR, List.of(inTier(catalog, app)));
    }

    /** Custom apps and agents have no tier: they sync with the services, last. */
    public static SyncTarget appears(String application) {
        return new SyncTarget(SyncTarget.Kind.APPEAR, List.of(new SyncTarget.App(application, Tiers.DEFAULT)));
    }

    public static SyncTarget disappears(String application) {
        return new SyncTarget(SyncTarget.Kind.DISAPPEAR, List.of(new SyncTarget.App(application, Tiers.DEFAULT)));
    }

    public static SyncTarget syncs(String application) {
        return new SyncTarget(SyncTarget.Kind.SYNC, List.of(new SyncTarget.App(application, Tiers.DEFAULT)));
    }

    private static SyncTarget.App inTier(Catalog catalog, String app) {
        return new SyncTarget.App(app, catalog.find(app).map(CatalogEntry::tier).orElse(Tiers.DEFAULT));
    }
}

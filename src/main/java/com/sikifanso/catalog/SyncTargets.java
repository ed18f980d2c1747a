package com.sikifanso.catalog;

import com.sikifanso.gitops.SyncTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /** Applications asked to sync, each in its catalog tier (custom apps and agents last). */
    public static SyncTarget catalogAppsSync(Catalog catalog, List<String> apps) {
        return new SyncTarget(SyncTarget.Kind.SYNC, apps.stream().map(a -> inTier(catalog, a)).toList());
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

    /**
     * The Applications a GitOps repo defines, by name with their tier: enabled catalog apps, custom
     * apps and agents. Empty for a repo that does not exist (yet).
     */
    public static Map<String, String> applications(Path repoDir) {
        Map<String, String> apps = new TreeMap<>();
        if (!Files.isDirectory(repoDir)) {
            return apps;
        }
        Catalog.load(repoDir).entries().stream().filter(CatalogEntry::enabled)
                .forEach(e -> apps.put(e.name(), e.tier()));
        ApplicationNames.yamlNames(repoDir.resolve(CustomApp.COORDINATES_DIR)).forEach(n -> apps.put(n, Tiers.DEFAULT));
        ApplicationNames.yamlNames(repoDir.resolve(ApplicationNames.AGENTS_DIR)).forEach(n -> apps.put(n, Tiers.DEFAULT));
        return apps;
    }

    /** After a whole-repo change: first what went away disappears, then everything defined converges. */
    public static List<SyncTarget> repoChange(Map<String, String> before, Map<String, String> after) {
        List<SyncTarget.App> gone = before.entrySet().stream().filter(e -> !after.containsKey(e.getKey()))
                .sorted(Map.Entry.comparingByKey()).map(e -> new SyncTarget.App(e.getKey(), e.getValue())).toList();
        List<SyncTarget.App> present = after.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new SyncTarget.App(e.getKey(), e.getValue())).toList();
        return List.of(new SyncTarget(SyncTarget.Kind.DISAPPEAR, gone), new SyncTarget(SyncTarget.Kind.APPEAR, present));
    }

    private static SyncTarget.App inTier(Catalog catalog, String app) {
        return new SyncTarget.App(app, catalog.find(app).map(CatalogEntry::tier).orElse(Tiers.DEFAULT));
    }
}

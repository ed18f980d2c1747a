package com.sikifanso.catalog;

import com.sikifanso.core.SikifansoException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The catalog's {@code dependsOn} edges: what to enable with an app, and who needs it. */
public final class DependencyGraph {
    private final Catalog catalog;

    DependencyGraph(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Apps to enable, dependencies first; {@code added} are those not requested. */
    public record Resolution(List<String> ordered, List<String> added) {
    }

    public Resolution resolve(List<String> requested) {
        LinkedHashSet<String> ordered = new LinkedHashSet<>();
        Map<String, Boolean> visiting = new HashMap<>();
        for (String name : requested) {
            catalog.get(name);
            visit(name, new ArrayList<>(), visiting, ordered);
        }
        List<String> added = ordered.stream().filter(n -> !requested.contains(n)).toList();
        return new Resolution(List.copyOf(ordered), added);
    }

    private void visit(String name, List<String> path, Map<String, Boolean> visiting, Set<String> ordered) {
        if (ordered.contains(name)) {
            return;
        }
        path.add(name);
        if (Boolean.TRUE.equals(visiting.get(name))) {
            List<String> cycle = path.subList(path.indexOf(name), path.size());
            throw SikifansoException.failure("dependency cycle in the catalog: " + String.join(" -> ", cycle),
                    "remove one of these from a dependsOn list in " + Catalog.DIR + "/" + cycle.get(0) + ".yaml"
                            + " (or another file on the cycle) and commit");
        }
        CatalogEntry entry = catalog.find(name).orElseThrow(() -> SikifansoException.failure(
                path.size() > 1 ? "\"" + path.get(path.size() - 2) + "\" depends on \"" + name
                        + "\", which is not in the catalog" : "app \"" + name + "\" is not in the catalog",
                "fix dependsOn in " + Catalog.DIR + "/" + (path.size() > 1 ? path.get(path.size() - 2) : name)
                        + ".yaml"));
        visiting.put(name, true);
        for (String dep : entry.dependsOn()) {
            visit(dep, path, visiting, ordered);
        }
        visiting.put(name, false);
        path.remove(path.size() - 1);
        ordered.add(name);
    }

    /** Enabled apps that list {@code name} in their dependsOn, sorted. */
    public List<String> enabledDependents(String name) {
        return catalog.entries().stream()
                .filter(CatalogEntry::enabled)
                .filter(e -> e.dependsOn().contains(name))
                .map(CatalogEntry::name)
                .sorted()
                .toList();
    }
}

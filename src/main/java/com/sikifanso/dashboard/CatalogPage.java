package com.sikifanso.dashboard;

import com.sikifanso.core.ClusterName;
import com.sikifanso.catalog.AppService;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.catalog.CatalogEntry;
import com.sikifanso.catalog.Profile;
import com.sikifanso.catalog.SourceNames;
import com.sikifanso.ops.CatalogOps;
import com.sikifanso.ops.ClusterOps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalog by category, searchable, each app with what enabling it also enables (its dependencies not yet on)
 * and what keeps it from being disabled (enabled apps that depend on it), both said before the user confirms;
 * profiles applied in one step. Every change is the CLI's operation ({@code catalog_enable}, {@code catalog_disable},
 * {@code profile_apply}), one commit each.
 */
final class CatalogPage {
    private CatalogPage() {
    }

    static String render(Reads reads, PageRequest request) {
        Map<String, Object> cluster = Map.of("cluster", request.cluster());
        String apps = reads.read(CatalogOps.LIST, cluster).html(list -> {
            Catalog catalog = reads.services().apps().catalog(ClusterName.of(request.cluster()));
            return categories(list.apps(), catalog);
        });
        String profiles = reads.read(ClusterOps.PROFILE_LIST, Map.of()).html(list -> profiles(list.profiles()));
        return Layout.page(request, "catalog", "Catalog", "<p><label for=\"search\">Search</label> <input id=\"search\" "
                + "type=\"search\" placeholder=\"name, category or chart\" autocomplete=\"off\"></p>"
                + Layout.live(apps + profiles));
    }

    private static String categories(List<AppService.AppRow> rows, Catalog catalog) {
        Map<String, StringBuilder> byCategory = new TreeMap<>();
        for (AppService.AppRow row : rows) {
            byCategory.computeIfAbsent(row.category(), c -> new StringBuilder()).append(row(row, catalog));
        }
        StringBuilder html = new StringBuilder();
        byCategory.forEach((category, body) -> html.append("<section class=\"category\"><h2>").append(Html.esc(category))
                .append("</h2><table><thead><tr><th>app</th><th>description</th><th>version</th><th>status</th>"
                        + "<th>sync</th><th>health</th><th>depends</th><th></th></tr></thead><tbody>").append(body)
                .append("</tbody></table></section>"));
        return html.toString();
    }

    private static String row(AppService.AppRow row, Catalog catalog) {
        // A catalog source's entry is shown SOURCE/app; its Application (the state feed's key) is SOURCE--app.
        String application = SourceNames.inRepo(row.name());
        CatalogEntry entry = "custom".equals(row.source()) ? null : catalog.find(application).orElse(null);
        String search = String.join(" ", row.name(), row.category(), row.chart() == null ? "" : row.chart());
        return "<tr data-app=\"" + Html.esc(application) + "\" data-search=\"" + Html.esc(search.toLowerCase()) + "\">"
                + "<td><a href=\"/apps/" + Html.esc(row.name()) + "\">" + Html.esc(row.name()) + "</a></td>"
                + "<td>" + Html.esc(entry == null ? row.chart() : entry.description()) + "</td>"
                + "<td>" + Html.esc(row.version()) + "</td>"
                + "<td class=\"status\">" + (row.enabled() ? "<span class=\"on\">enabled</span>"
                        : "<span class=\"off\">off</span>") + "</td>"
                + syncCells() + (entry == null ? "<td>custom app</td><td></td>" : toggle(entry, catalog))
                + "</tr>";
    }

    /** Sync and health cells the script keeps current from the state feed's {@code /apps/NAME}. */
    static String syncCells() {
        return "<td data-app-field=\"sync\">–</td><td data-app-field=\"health\">–</td>";
    }

    private static String toggle(CatalogEntry entry, Catalog catalog) {
        String name = SourceNames.shown(entry.name());
        if (entry.enabled()) {
            List<String> dependents = shown(catalog.dependencies().enabledDependents(entry.name()));
            Map<String, Object> args = new LinkedHashMap<>(Map.of("name", name, "wait", false));
            String ask = "Disable " + name + "? Argo CD removes it.";
            if (!dependents.isEmpty()) {
                args.put("force", true);
                ask = "Enabled apps depend on " + name + ": " + String.join(", ", dependents)
                        + ". Disable it anyway? They may break.";
            }
            return "<td>" + (dependents.isEmpty() ? "" : "needed by " + Html.esc(String.join(", ", dependents))) + "</td>"
                    + "<td>" + Actions.button("Disable", "Disable " + name, "catalog_disable", args, ask,
                    "danger") + "</td>";
        }
        List<String> needs = shown(catalog.dependencies().resolve(List.of(entry.name())).added().stream()
                .filter(dep -> !catalog.get(dep).enabled()).toList());
        String ask = "Enable " + name + "?" + (needs.isEmpty() ? ""
                : " It also enables what it needs: " + String.join(", ", needs) + ".");
        return "<td>" + (needs.isEmpty() ? "" : "also enables " + Html.esc(String.join(", ", needs))) + "</td>"
                + "<td>" + Actions.button("Enable", "Enable " + name, "catalog_enable",
                Map.of("names", List.of(name), "wait", false), ask, "primary") + "</td>";
    }

    /** Names as the user writes them, and as catalog_enable and catalog_disable take them. */
    private static List<String> shown(List<String> repoNames) {
        return repoNames.stream().map(SourceNames::shown).toList();
    }

    private static String profiles(List<Profile> profiles) {
        StringBuilder html = new StringBuilder("<section><h2>Profiles</h2><p class=\"muted\">Tick one or more and apply "
                + "them in one commit (with what they need).</p><ul class=\"plain\">");
        for (Profile p : profiles) {
            html.append("<li><label><input type=\"checkbox\" name=\"profile\" value=\"").append(Html.esc(p.name()))
                    .append("\"> <strong>").append(Html.esc(p.name())).append("</strong> — ")
                    .append(Html.esc(p.description())).append(" <span class=\"muted\">(")
                    .append(Html.esc(String.join(", ", p.apps()))).append(")</span></label></li>");
        }
        return html.append("</ul><button type=\"button\" id=\"apply-profiles\" class=\"primary\">Apply selected profiles"
                + "</button></section>").toString();
    }
}

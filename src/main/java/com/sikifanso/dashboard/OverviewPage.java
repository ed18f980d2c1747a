package com.sikifanso.dashboard;

import com.sikifanso.core.ClusterName;
import com.sikifanso.catalog.AppService;
import com.sikifanso.catalog.SourceNames;
import com.sikifanso.ops.CatalogOps;
import com.sikifanso.session.Session;
import java.util.List;
import java.util.Map;

/**
 * The overview: nodes ready of total, apps enabled of total with their sync and health, agents, the doctor's
 * verdicts with cause and fix, and links to the Argo CD and Hubble UIs. What the cluster's state feed carries
 * (nodes, sync and health, agents, doctor) is filled in and kept current by the script from the AG-UI stream.
 */
final class OverviewPage {
    private OverviewPage() {
    }

    static String render(Reads reads, PageRequest request) {
        Map<String, Object> cluster = Map.of("cluster", request.cluster());
        String apps = reads.read(CatalogOps.LIST, cluster).html(list -> apps(list.apps()));
        // The session's URLs, not cluster_info: that also asks Docker for the containers' live state, which the
        // state feed's nodes already show, and a busy Docker engine would hold the page back.
        String links;
        try {
            links = links(reads.services().sessions().load(ClusterName.of(request.cluster())));
        } catch (com.sikifanso.core.SikifansoException e) {
            links = Html.error(e.getMessage());
        }
        return Layout.page(request, "overview", "Overview", Layout.live(
                "<section class=\"cards\">"
                        + "<div class=\"card\"><h2>Nodes</h2><p class=\"big\"><span data-state=\"nodesReady\">–</span>"
                        + " ready of <span data-state=\"nodesTotal\">–</span></p><ul id=\"nodes\" class=\"plain\"></ul></div>"
                        + "<div class=\"card\"><h2>Agents</h2><p class=\"big\"><span data-state=\"agentsReady\">–</span>"
                        + " ready of <span data-state=\"agentsTotal\">–</span></p><ul id=\"agents-state\" class=\"plain\">"
                        + "</ul></div>"
                        + "<div class=\"card\"><h2>UIs</h2>" + links + "</div></section>"
                        + apps
                        + "<section><h2>Doctor</h2><p id=\"doctor-summary\" class=\"muted\">waiting for the cluster's "
                        + "state…</p><table id=\"doctor\"><thead><tr><th>check</th><th>verdict</th><th>message</th>"
                        + "<th>cause</th><th>fix</th></tr></thead><tbody></tbody></table></section>"));
    }

    private static String apps(List<AppService.AppRow> rows) {
        List<AppService.AppRow> enabled = rows.stream().filter(AppService.AppRow::enabled).toList();
        StringBuilder table = new StringBuilder("<section><h2>Apps</h2><p class=\"big\">" + enabled.size()
                + " enabled of " + rows.size() + " · <span data-state=\"appsHealthy\">–</span> synced and healthy</p>");
        if (enabled.isEmpty()) {
            return table + "<p class=\"muted\">No app is enabled; enable some on the <a href=\"/catalog\">catalog</a>."
                    + "</p></section>";
        }
        table.append("<table><thead><tr><th>app</th><th>category</th><th>sync</th><th>health</th></tr></thead><tbody>");
        for (AppService.AppRow row : enabled) {
            table.append("<tr data-app=\"").append(Html.esc(SourceNames.inRepo(row.name()))).append("\"><td><a href=\"/apps/")
                    .append(Html.esc(row.name())).append("\">").append(Html.esc(row.name())).append("</a></td><td>")
                    .append(Html.esc(row.category())).append("</td>").append(CatalogPage.syncCells())
                    .append("</tr>");
        }
        return table.append("</tbody></table></section>").toString();
    }

    private static String links(Session session) {
        Session.Services services = session.services();
        String argo = services == null || services.argocd() == null ? null : services.argocd().url();
        String hubble = services == null || services.hubble() == null ? null : services.hubble().url();
        return "<ul class=\"plain\">" + link("Argo CD UI", argo) + link("Hubble UI", hubble) + "</ul>";
    }

    private static String link(String label, String url) {
        return url == null || url.isBlank() ? "<li>" + label + ": not installed in this cluster</li>"
                : "<li><a href=\"" + Html.esc(url) + "\" rel=\"noreferrer\" target=\"_blank\">" + label + "</a> <span "
                        + "class=\"muted\">" + Html.esc(url) + "</span></li>";
    }
}

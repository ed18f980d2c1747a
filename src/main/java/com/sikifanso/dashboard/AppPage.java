package com.sikifanso.dashboard;

import com.sikifanso.argocd.AppHistory;
import com.sikifanso.catalog.SourceNames;
import com.sikifanso.ops.ArgoCdOps;
import java.util.Map;

/**
 * One app: its resources, sync and health ({@code app status}), its diff masked as {@code app diff} masks it, its
 * last log lines (capped at {@value #LOG_LINES}), and its git history, each revision with a rollback
 * ({@code app_rollback}, after the registry's question).
 */
final class AppPage {
    static final int LOG_LINES = 50;

    private AppPage() {
    }

    static String render(Reads reads, PageRequest request, String app) {
        Map<String, Object> ref = Map.of("cluster", request.cluster(), "name", app);
        String history = reads.read(ArgoCdOps.HISTORY, ref).html(h -> history(h, request.cluster()));
        return Layout.page(request, "app", "App " + app, Layout.live(
                "<table class=\"compact\"><tbody><tr data-app=\"" + Html.esc(SourceNames.inRepo(app)) + "\"><th>sync</th>"
                        + "<td data-app-field=\"sync\">–</td><th>health</th><td data-app-field=\"health\">–</td>"
                        + "</tr></tbody></table>"
                        + "<section><h2>Status and resources</h2>" + reads.text(ArgoCdOps.STATUS, ref) + "</section>"
                        + "<section><h2>Diff</h2>" + reads.text(ArgoCdOps.DIFF, ref) + "</section>"
                        + "<section><h2>Last " + LOG_LINES + " log lines</h2>" + reads.text(ArgoCdOps.LOGS,
                                Map.of("cluster", request.cluster(), "name", app, "lines", LOG_LINES)) + "</section>"
                        + "<section><h2>History</h2>" + history + "</section>"));
    }

    private static String history(ArgoCdOps.History history, String cluster) {
        if (history.revisions().isEmpty()) {
            return "<p class=\"muted\">No commit has changed " + Html.esc(history.app()) + " yet.</p>";
        }
        StringBuilder html = new StringBuilder("<table><thead><tr><th>commit</th><th>date</th><th>message</th><th></th>"
                + "</tr></thead><tbody>");
        for (AppHistory.Revision r : history.revisions()) {
            html.append("<tr><td><code>").append(Html.esc(r.shortRevision())).append("</code></td><td>")
                    .append(Html.esc(r.date())).append("</td><td>").append(Html.esc(r.message())).append("</td><td>")
                    .append(Actions.button("Roll back to " + r.shortRevision(), "app_rollback", Map.of("name",
                            history.app(), "revision", r.revision(), "wait", false), null, "danger"))
                    .append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }
}

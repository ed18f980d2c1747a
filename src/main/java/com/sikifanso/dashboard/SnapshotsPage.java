package com.sikifanso.dashboard;

import com.sikifanso.ops.SnapshotOps;
import com.sikifanso.snapshot.Snapshot;
import java.util.List;
import java.util.Map;

/** Snapshots: the list as {@code snapshot list} gives it, capture, and restore after the registry's question. */
final class SnapshotsPage {
    private SnapshotsPage() {
    }

    static String render(Reads reads, PageRequest request) {
        String list = reads.read(SnapshotOps.LIST, Map.of()).html(out -> table(out.snapshots(), request.cluster()));
        return Layout.page(request, "snapshots", "Snapshots", "<form id=\"snapshot-capture\" class=\"card\"><h2>"
                + "Capture</h2><label>Name <input name=\"name\" placeholder=\"default " + Html.esc(request.cluster())
                + "-yyyyMMdd-HHmmss\" autocomplete=\"off\"></label> <button type=\"submit\" class=\"primary\">Capture "
                + "snapshot</button></form>" + Layout.live(list));
    }

    private static String table(List<Snapshot> snapshots, String cluster) {
        if (snapshots.isEmpty()) {
            return "<p class=\"muted\">No snapshot yet.</p>";
        }
        StringBuilder html = new StringBuilder("<table><thead><tr><th>snapshot</th><th>cluster</th><th>taken</th>"
                + "<th></th></tr></thead><tbody>");
        for (Snapshot s : snapshots) {
            html.append("<tr data-snapshot=\"").append(Html.esc(s.name())).append("\"><td>").append(Html.esc(s.name()))
                    .append("</td><td>").append(Html.esc(s.cluster())).append("</td><td>").append(Html.esc(s.createdAt()))
                    .append("</td><td>").append(Actions.button("Restore into " + cluster,
                            "Restore " + s.name() + " into " + cluster, "snapshot_restore",
                            Map.of("name", s.name(), "cluster", cluster, "wait", false), null, "danger"))
                    .append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }
}

package com.sikifanso.dashboard;

import com.sikifanso.core.ClusterName;
import com.sikifanso.Services;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.agui.journal.JournalQueries;
import com.sikifanso.agui.state.ClusterStateFeed;
import com.sikifanso.catalog.SourceNames;
import com.sikifanso.http.PlainResponses;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The dashboard's pages, rendered on the server, and its one script and one style sheet. Every page is whole
 * HTML; the script keeps it live from {@code GET /api/agui/events?state=1} and sends changes to
 * {@code POST /api/agui/run}. Anything else is a plain 404 naming what there is.
 */
public final class DashboardServlet extends HttpServlet {
    /** How much recent activity a page replays when it opens. */
    static final int REPLAY = 200;
    private static final Map<String, String> ASSETS = Map.of("/static/dashboard.js", "text/javascript",
            "/static/feed.js", "text/javascript",
            "/static/dashboard.css", "text/css", "/favicon.ico", "image/svg+xml");

    private final Reads reads;
    private final String cluster;
    private final String otherEndpoints;

    public DashboardServlet(Services services, String cluster, String otherEndpoints) {
        this.reads = new Reads(services);
        this.cluster = cluster;
        this.otherEndpoints = otherEndpoints;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET");
            PlainResponses.send(response, 405, "the dashboard's pages are read with GET; changes go to POST "
                    + "/api/agui/run");
            return;
        }
        if (ASSETS.containsKey(path)) {
            asset(path, response);
            return;
        }
        String html = page(path, request);
        if (html == null) {
            PlainResponses.send(response, 404, "not found; the dashboard has "
                    + String.join(", ", Layout.NAV.stream().map(Layout.Nav::path).toList()) + " and /apps/NAME; "
                    + otherEndpoints);
            return;
        }
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("text/html; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private String page(String path, HttpServletRequest request) {
        PageRequest page = pageRequest(request);
        return switch (path) {
            case "/" -> OverviewPage.render(reads, page);
            case "/catalog" -> CatalogPage.render(reads, page);
            case "/agents" -> AgentsPage.render(reads, page);
            case "/activity" -> ActivityPage.render(page);
            case "/snapshots" -> SnapshotsPage.render(reads, page);
            default -> {
                String app = path.startsWith("/apps/") ? path.substring("/apps/".length()) : "";
                yield SourceNames.isApp(app) ? AppPage.render(reads, page, app) : null;
            }
        };
    }

    private PageRequest pageRequest(HttpServletRequest request) {
        ActivityJournal journal = new ActivityJournal(reads.services().sessions().home().clusterDir(ClusterName.of(cluster)),
                JournalOptions.DEFAULTS);
        long last = journal.lastSequence();
        // From the state feed's newest snapshot, and its newest word that it cannot read the cluster (the page says it).
        long replayFrom = Math.max(0, last - REPLAY);
        for (Predicate<JournalEntry> stateFeedSaid : List.<Predicate<JournalEntry>>of(
                e -> e.event() instanceof AguiEvent.StateSnapshot,
                e -> e.event() instanceof AguiEvent.Custom c && ClusterStateFeed.UNREACHABLE.equals(c.name()))) {
            for (JournalEntry said : JournalQueries.last(journal, stateFeedSaid, 1).entries()) {
                replayFrom = Math.min(replayFrom, said.sequence() - 1);
            }
        }
        Object csrf = request.getAttribute(DashboardAuth.CSRF_ATTRIBUTE);
        return new PageRequest(cluster, csrf == null ? "" : csrf.toString(), Math.max(0, replayFrom), last);
    }

    private static void asset(String path, HttpServletResponse response) throws IOException {
        String file = path.equals("/favicon.ico") ? "/favicon.svg" : path.substring("/static".length());
        try (InputStream in = DashboardServlet.class.getResourceAsStream("/dashboard" + file)) {
            if (in == null) {
                PlainResponses.send(response, 404, "asset " + path + " is missing from this build");
                return;
            }
            byte[] body = in.readAllBytes();
            response.setStatus(200);
            response.setContentType(ASSETS.get(path) + "; charset=utf-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}

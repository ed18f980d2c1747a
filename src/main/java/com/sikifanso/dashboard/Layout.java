package com.sikifanso.dashboard;

import java.util.List;

/** The frame around every page: navigation, the live-stream status, the one script and the one style sheet. */
final class Layout {
    /** A page's path, its navigation label and its key in {@code data-page}. */
    record Nav(String path, String label, String key) {
    }

    static final List<Nav> NAV = List.of(new Nav("/", "Overview", "overview"), new Nav("/catalog", "Catalog", "catalog"),
            new Nav("/agents", "Agents", "agents"), new Nav("/activity", "Activity", "activity"),
            new Nav("/snapshots", "Snapshots", "snapshots"));

    private Layout() {
    }

    static String page(PageRequest request, String key, String title, String body) {
        StringBuilder nav = new StringBuilder();
        for (Nav item : NAV) {
            nav.append("<a href=\"").append(item.path()).append('"')
                    .append(item.key().equals(key) ? " aria-current=\"page\"" : "").append('>')
                    .append(item.label()).append("</a>");
        }
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.esc(title) + " · " + Html.esc(request.cluster()) + " · sikifanso</title>"
                + "<link rel=\"stylesheet\" href=\"/static/dashboard.css\">"
                + "<script src=\"/static/feed.js\" defer></script>"
                + "<script src=\"/static/dashboard.js\" defer></script></head>"
                + "<body data-page=\"" + key + "\" data-cluster=\"" + Html.esc(request.cluster()) + "\" data-csrf=\""
                + Html.esc(request.csrf()) + "\" data-replay-from=\"" + request.replayFrom() + "\" data-rendered=\""
                + request.rendered() + "\">"
                + "<a class=\"skip\" href=\"#main\">Skip to content</a>"
                + "<header><span class=\"brand\">sikifanso</span> <span class=\"cluster\">cluster "
                + Html.esc(request.cluster()) + "</span><nav aria-label=\"Pages\">" + nav + "</nav>"
                + "<span id=\"live\" role=\"status\" aria-live=\"polite\">connecting…</span></header>"
                + "<main id=\"main\" tabindex=\"-1\"><h1>" + Html.esc(title) + "</h1>"
                + "<div id=\"notice\" role=\"alert\" aria-live=\"assertive\"></div>"
                + "<p id=\"unreachable\" class=\"bad\" role=\"alert\" hidden></p>" + body + "</main></body></html>\n";
    }

    /** The part of a page the script replaces when a run finishes, re-read from the server. */
    static String live(String html) {
        return "<div id=\"part\">" + html + "</div>";
    }
}

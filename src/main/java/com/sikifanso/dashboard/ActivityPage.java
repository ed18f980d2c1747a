package com.sikifanso.dashboard;

/**
 * The journal as a live feed: runs, steps, tool calls with arguments and results, errors, from every surface,
 * filterable by surface, agent and operation. The script fills it from the same AG-UI stream as every page.
 */
final class ActivityPage {
    private ActivityPage() {
    }

    static String render(PageRequest request) {
        StringBuilder surfaces = new StringBuilder("<option value=\"\">any</option>");
        for (com.sikifanso.ops.Surface s : com.sikifanso.ops.Surface.values()) {
            surfaces.append("<option>").append(s.name()).append("</option>");
        }
        surfaces.append("<option>state</option>");
        return Layout.page(request, "activity", "Activity", "<form id=\"filters\" class=\"filters\">"
                + "<label>Surface <select name=\"surface\">" + surfaces + "</select></label>"
                + "<label>Agent <input name=\"agent\" placeholder=\"agent name\" autocomplete=\"off\"></label>"
                + "<label>Operation <input name=\"operation\" placeholder=\"e.g. catalog_enable\" autocomplete=\"off\">"
                + "</label></form><ol id=\"feed\" class=\"feed\" aria-label=\"Activity, newest first\"></ol>");
    }
}

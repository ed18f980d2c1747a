package com.sikifanso.dashboard;

import com.sikifanso.agents.AgentService;
import com.sikifanso.ops.AgentOps;
import java.util.List;
import java.util.Map;

/**
 * Agents: each with its policy in words (what {@code agent info} says), its namespace's readiness from the state
 * feed, its live activity as {@code sikifanso agent watch NAME} shows it (the journal's runs about it, its
 * namespace's Kubernetes events, its own AG-UI stream; the script reads them from the server's
 * {@code /api/agui/agents/watch}, which runs the command's own watch), a delete button; and a
 * form that creates one through {@code agent_create}, so a bad value gets the CLI's message.
 */
final class AgentsPage {
    private AgentsPage() {
    }

    static String render(Reads reads, PageRequest request) {
        String agents = reads.read(AgentOps.LIST, Map.of("cluster", request.cluster()))
                .html(list -> agents(reads, request.cluster(), list.agents()));
        return Layout.page(request, "agents", "Agents", form() + Layout.live(agents));
    }

    private static String agents(Reads reads, String cluster, List<AgentService.Agent> agents) {
        if (agents.isEmpty()) {
            return "<p class=\"muted\">No agent yet: create one above.</p>";
        }
        StringBuilder html = new StringBuilder();
        for (AgentService.Agent agent : agents) {
            String name = agent.name();
            html.append("<section class=\"agent\" data-agent=\"").append(Html.esc(name)).append("\"><h2>")
                    .append(Html.esc(name)).append(" <span class=\"muted\" data-agent-field=\"ready\">–</span></h2>")
                    .append(reads.text(AgentOps.INFO, Map.of("cluster", cluster, "name", name)))
                    .append("<h3>Live activity</h3><p class=\"muted\">As <code>sikifanso agent watch ")
                    .append(Html.esc(name)).append("</code> shows it, from now on.</p>")
                    .append("<ol class=\"feed agent-feed\" aria-live=\"polite\" data-agent-feed=\"")
                    .append(Html.esc(name)).append("\"></ol>")
                    .append(Actions.button("Delete " + name, "agent_delete", Map.of("name", name, "wait", false), null,
                            "danger"))
                    .append("</section>");
        }
        return html.toString();
    }

    private static String form() {
        return "<form id=\"agent-create\" class=\"card\"><h2>Create an agent</h2><div class=\"fields\">"
                + field("name", "Name", "e.g. planner (a DNS-1123 label)", true)
                + field("cpuRequest", "CPU request", "e.g. 250m", false)
                + field("cpuLimit", "CPU limit", "e.g. 1000m", false)
                + field("memoryRequest", "Memory request", "e.g. 256Mi", false)
                + field("memoryLimit", "Memory limit", "e.g. 1Gi", false)
                + field("pods", "Most pods", "e.g. 10", false)
                + field("allow", "Apps it may reach", "comma-separated; default litellm-proxy, qdrant, postgresql, "
                        + "valkey", false)
                + field("egressFqdns", "Internet hosts", "comma-separated host or host:port", false)
                + "<label>Pod security <select name=\"podSecurity\"><option value=\"\">default</option>"
                + "<option>restricted</option><option>baseline</option></select></label>"
                + "</div><button type=\"submit\" class=\"primary\">Create agent</button></form>";
    }

    private static String field(String name, String label, String hint, boolean required) {
        return "<label>" + label + " <input name=\"" + name + "\" placeholder=\"" + Html.esc(hint) + "\""
                + (required ? " required" : "") + " autocomplete=\"off\"></label>";
    }
}

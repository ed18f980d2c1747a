package com.sikifanso.dashboard;

import com.sikifanso.core.ClusterName;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agents.AgentSpec;
import com.sikifanso.agui.NodeAguiCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Regenerates the README's screenshot of the overview (bench/dashboard-screenshot.sh): the {@link DashboardLab}
 * cluster with a few apps and an agent, photographed at 1280x800 by headless Chromium. Args: the PNG to write.
 */
public final class DashboardScreenshotMain {
    private DashboardScreenshotMain() {
    }

    public static void main(String[] args) throws Exception {
        Path png = Path.of(args[0]).toAbsolutePath();
        Path home = Files.createTempDirectory("dashboard-shot");
        try (DashboardLab lab = new DashboardLab(home)) {
            lab.services.apps().enable(ClusterName.of(DashboardLab.CLUSTER), List.of("loki", "tempo", "ollama"));
            lab.services.agents().create(ClusterName.of(DashboardLab.CLUSTER), "planner",
                    new AgentSpec(null, null, null, null, null, null, null, null));
            JsonNode seen = NodeAguiCheck.script("dashboard-check.mjs", List.of("SCREENSHOT", lab.base(),
                    lab.sessions.linkToken(), DashboardBrowserTest.CHROMIUM.toString(), png.toString()));
            if (seen.has("failed")) {
                throw new IllegalStateException("screenshot failed: " + seen.get("failed").asText());
            }
            System.out.println("wrote " + png);
        }
        System.exit(0);
    }
}

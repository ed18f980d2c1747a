package com.sikifanso.cli;

import com.sikifanso.core.ClusterName;
import com.sikifanso.dashboard.DashboardSessions;
import com.sikifanso.http.BearerToken;
import com.sikifanso.server.AguiServer;
import com.sikifanso.server.ServeOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "dashboard", description = {"Serve a cluster's live web dashboard.",
    "Overview, catalog, apps, agents, activity and snapshots, on the sikifanso serve server;",
    "loopback only unless --allow-remote. Open the printed link: its token signs the browser in",
    "(a session cookie then).",
    "Every change is the CLI's operation, journalled as surface dashboard. Programs keep using",
    "the bearer token in ~/.sikifanso/serve-token. Ctrl+C stops it."},
        footer = {"", "Examples:", "  sikifanso cluster dashboard --open", "  sikifanso dashboard -c lab1 --addr 127.0.0.1:9000"})
final class DashboardCommand extends BaseCommand {
    @Mixin
    ServeAddressOptions listen;

    @Option(names = "--open", description = "Open the link in the default browser (xdg-open, open).")
    boolean open;

    @Override
    int run() {
        InetSocketAddress address = listen.address();
        String cluster = cluster();
        services().sessions().load(ClusterName.of(cluster));   // an unknown cluster is refused here, naming the known ones
        BearerToken token = ServeAddressOptions.token(services().sessions().home());
        DashboardSessions sessions = new DashboardSessions();
        AguiServer server = AguiServer.startWithDashboard(services(), token, new ServeOptions(address, cluster),
                sessions);
        String link = "http://" + ServeAddressOptions.authority(address, server.port()) + "/login?token="
                + sessions.linkToken();
        out().info("dashboard of cluster " + cluster + " (Ctrl+C stops it); open:");
        out().line(link);
        if (open) {
            openBrowser(link);
        }
        return ServeCommand.untilStopped(server);
    }

    private void openBrowser(String link) {
        String opener = System.getProperty("os.name", "").toLowerCase().contains("mac") ? "open" : "xdg-open";
        try {
            new ProcessBuilder(opener, link).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            out().warn("could not start " + opener + " (" + e.getMessage() + "); open the link above yourself");
        }
    }
}

package com.sikifanso.cli;

import com.sikifanso.dashboard.DashboardSessions;
import com.sikifanso.http.BearerToken;
import com.sikifanso.http.ListenAddress;
import com.sikifanso.server.AguiServer;
import com.sikifanso.server.ServeOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dashboard", description = {"Serve a cluster's live web dashboard.",
    "Overview, catalog, apps, agents, activity and snapshots, on the sikifanso serve server;",
    "loopback only unless --allow-remote. Open the printed link: its token signs the browser in",
    "(a session cookie then).",
    "Every change is the CLI's operation, journalled as surface dashboard. Programs keep using",
    "the bearer token in ~/.sikifanso/serve-token. Ctrl+C stops it."},
        footer = {"", "Examples:", "  sikifanso cluster dashboard --open", "  sikifanso dashboard -c lab1 --addr 127.0.0.1:9000"})
final class DashboardCommand extends BaseCommand {
    @Option(names = "--addr", paramLabel = "ADDR", defaultValue = "127.0.0.1:" + ServeOptions.DEFAULT_PORT,
            description = "Listen on HOST:PORT (default ${DEFAULT-VALUE}; port 0: a free one).")
    String addr;

    @Option(names = "--allow-remote", description = "Allow a non-loopback --addr (browsers still need the link).")
    boolean allowRemote;

    @Option(names = "--open", description = "Open the link in the default browser (xdg-open, open).")
    boolean open;

    @Override
    int run() {
        InetSocketAddress address = new ListenAddress("--addr", ServeOptions.DEFAULT_PORT).parse(addr, allowRemote);
        String cluster = cluster();
        services().sessions().load(cluster);   // an unknown cluster is refused here, naming the known ones
        BearerToken token = new BearerToken(services().sessions().home().root().resolve("serve-token"));
        token.value();
        DashboardSessions sessions = new DashboardSessions();
        AguiServer server = AguiServer.startWithDashboard(services(), token, new ServeOptions(address, cluster),
                sessions);
        String host = address.getAddress().getHostAddress();
        String link = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port() + "/login?token="
                + sessions.linkToken();
        out().info("dashboard of cluster " + cluster + " (Ctrl+C stops it); open:");
        out().line(link);
        if (open) {
            openBrowser(link);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dashboard-shutdown"));
        try {
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
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

package com.sikifanso.cli;

import com.sikifanso.http.BearerToken;
import com.sikifanso.server.AguiServer;
import com.sikifanso.server.ServeOptions;
import java.net.InetSocketAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", description = {"Serve the AG-UI HTTP API: the activity journal as SSE, operations as AG-UI runs.",
    "Loopback only unless --allow-remote; requests need the token in ~/.sikifanso/serve-token."},
        footer = {"", "Endpoints:", "  GET  /api/agui/events?cluster=NAME   the journal as SSE, from now on; resume with",
            "       Last-Event-ID (or &after=N on a first connection); &state=1 also feeds the cluster's state",
            "  GET  /api/agui/agents/watch?cluster=NAME&agent=NAME   agent watch as SSE (up to 50 &agent=)",
            "  POST /api/agui/run?cluster=NAME      an AG-UI RunAgentInput naming one operation as a tool call,",
            "       or a conversation for the AI operator (ANTHROPIC_API_KEY in this server's environment)",
            "", "Examples:", "  sikifanso serve", "  sikifanso serve -c lab1 --addr 127.0.0.1:9000"})
final class ServeCommand extends BaseCommand {
    @Mixin
    ServeAddressOptions listen;

    @Override
    int run() {
        InetSocketAddress address = listen.address();
        BearerToken token = ServeAddressOptions.token(services().sessions().home());
        AguiServer server = AguiServer.start(services(), token, new ServeOptions(address, cluster()),
                c -> com.sikifanso.ai.OperatorDefaults.forServer(services(), root().env(), c));
        out().info("AG-UI server listening on http://" + ServeAddressOptions.authority(address, server.port())
                + "/api/agui (cluster " + cluster() + "; bearer token: cat " + token.file() + ")");
        return untilStopped(server);
    }

    /** Serves until Ctrl+C (SIGINT) or SIGTERM, which close the server: open streams end, then the JVM exits. */
    static int untilStopped(AguiServer server) {
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "serve-shutdown"));
        try {
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}

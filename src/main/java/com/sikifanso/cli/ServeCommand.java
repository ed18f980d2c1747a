package com.sikifanso.cli;

import com.sikifanso.http.BearerToken;
import com.sikifanso.http.ListenAddress;
import com.sikifanso.server.AguiServer;
import com.sikifanso.server.ServeOptions;
import java.net.InetSocketAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = {"Serve the AG-UI HTTP API: the activity journal as SSE, operations as AG-UI runs.",
    "Loopback only unless --allow-remote; requests need the token in ~/.sikifanso/serve-token."},
        footer = {"", "Endpoints:", "  GET  /api/agui/events?cluster=NAME   the journal as SSE (resume with Last-Event-ID)",
            "  POST /api/agui/run?cluster=NAME      an AG-UI RunAgentInput naming one operation as a tool call",
            "", "Examples:", "  sikifanso serve", "  sikifanso serve -c lab1 --addr 127.0.0.1:9000"})
final class ServeCommand extends BaseCommand {
    @Option(names = "--addr", paramLabel = "ADDR", defaultValue = "127.0.0.1:" + ServeOptions.DEFAULT_PORT,
            description = "Listen on HOST:PORT (default ${DEFAULT-VALUE}; port 0: a free one).")
    String addr;

    @Option(names = "--allow-remote", description = "Allow a non-loopback --addr (clients still need the token).")
    boolean allowRemote;

    @Override
    int run() {
        InetSocketAddress address = new ListenAddress("--addr", ServeOptions.DEFAULT_PORT).parse(addr, allowRemote);
        BearerToken token = token();
        token.value();
        AguiServer server = AguiServer.start(services(), token, new ServeOptions(address, cluster()),
                c -> com.sikifanso.ai.OperatorDefaults.forServer(services(), root().env(), c));
        String host = address.getAddress().getHostAddress();
        out().info("AG-UI server listening on http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port()
                + "/api/agui (cluster " + cluster() + "; bearer token: cat " + token.file() + ")");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "serve-shutdown"));
        try {
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private BearerToken token() {
        // A sibling of mcp-token, made and kept the same way: revoking one server's clients leaves the other's.
        return new BearerToken(services().sessions().home().root().resolve("serve-token"));
    }
}

package com.sikifanso.cli;

import com.sikifanso.core.ClusterName;
import com.sikifanso.mcp.HttpMcpEndpoint;
import com.sikifanso.mcp.McpOptions;
import com.sikifanso.http.BearerToken;
import com.sikifanso.mcp.SikifansoMcpServer;
import com.sikifanso.mcp.StdioTransport;
import com.sikifanso.ops.OperationRegistry;
import com.sikifanso.ops.Toolset;
import io.modelcontextprotocol.server.McpSyncServer;
import java.util.EnumSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Mono;

@Command(name = "serve", description = {"Serve sikifanso's operations as MCP tools over stdio.",
    "stdout carries only JSON-RPC; logs go to ~/.sikifanso/mcp.log (and stderr with --log-level debug)."},
        footer = {"", "Examples:", "  sikifanso mcp serve", "  sikifanso mcp serve --read-only",
            "  sikifanso mcp serve -c lab1 --toolsets catalog,agents", "  sikifanso mcp serve -c lab1 --agent researcher",
            "", "Client set-up: sikifanso mcp config claude-code"})
final class McpServeCommand extends BaseCommand {
    @Option(names = "--read-only", description = "List and allow only tools that change nothing.")
    boolean readOnly;

    @Option(names = "--toolsets", split = ",", paramLabel = "SET",
            description = "Only these toolsets: ${COMPLETION-CANDIDATES}.")
    List<Toolset> toolsets;

    @Option(names = "--agent", paramLabel = "NAME", completionCandidates = Candidates.Agents.class,
            description = "Serve one agent only: its tools see only agent-NAME and change nothing else.")
    String agent;

    @Option(names = "--allow-destructive",
            description = "Run destructive tools without asking when the client cannot ask the user (elicitation).")
    boolean allowDestructive;

    @Option(names = "--http", paramLabel = "HOST:PORT", arity = "0..1", fallbackValue = "127.0.0.1:8811",
            description = "Serve Streamable HTTP at http://HOST:PORT/mcp instead of stdio (default 127.0.0.1:8811);"
                    + " clients send the token from: sikifanso mcp token.")
    String http;

    @Option(names = "--allow-remote", description = "Allow --http on a non-loopback address.")
    boolean allowRemote;

    @Option(names = "--allow-origin", split = ",", paramLabel = "ORIGIN",
            description = "With --http, also accept browser requests from this origin (e.g. https://ide.example:443);"
                    + " only this server's loopback origin is accepted otherwise.")
    List<String> allowOrigins = List.of();

    @Override
    int run() {
        // Reactor's first operator looks for Micrometer, which is absent: a pass over every jar in lib/ (see Main),
        // made here beside the building of the tools instead of in the way of the first request.
        Thread.ofPlatform().daemon().name("reactor-warm-up").start(() -> Mono.empty().contextWrite(c -> c));
        String pinned = clusterGiven() || agent != null ? cluster() : null;
        if (agent != null) {
            services().agents().get(ClusterName.of(pinned), agent);
        }
        McpOptions options = new McpOptions(readOnly, toolsets == null ? null : EnumSet.copyOf(toolsets), pinned,
                agent, allowDestructive);
        if (http != null) {
            return serveHttp(options);
        }
        StdioTransport transport = new StdioTransport(SikifansoMcpServer.jsonMapper(), System.in, System.out);
        McpSyncServer server = new SikifansoMcpServer(services(), new OperationRegistry(), options).start(transport);
        try {
            transport.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.closeGracefully();
        return 0;
    }

    private int serveHttp(McpOptions options) {
        java.net.InetSocketAddress address = HttpMcpEndpoint.address(http, allowRemote);
        BearerToken token = McpTokenCommand.token(services());
        HttpMcpEndpoint endpoint = HttpMcpEndpoint.start(address, token, allowOrigins);
        McpSyncServer server = new SikifansoMcpServer(services(), new OperationRegistry(), options)
                .start(endpoint.transport());
        out().info("MCP server listening on http://" + address.getHostString() + ":" + endpoint.port()
                + HttpMcpEndpoint.PATH + " (bearer token: sikifanso mcp token)");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.closeGracefully();
            endpoint.stop();
        }));
        try {
            endpoint.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}

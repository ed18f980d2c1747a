package com.sikifanso.cli;

import com.sikifanso.kube.Kubeconfigs;
import com.sikifanso.mcp.ClientConfigs;
import com.sikifanso.mcp.HttpMcpEndpoint;
import java.net.InetSocketAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "config", description = {"Print the MCP client configuration for this sikifanso binary.",
    "It names the absolute launcher, SIKIFANSO_HOME and KUBECONFIG: clients drop your shell's env."},
        footer = {"", "Examples:", "  sikifanso mcp config claude-code     # prints the claude mcp add command",
            "  sikifanso mcp config claude-desktop  # JSON for claude_desktop_config.json",
            "  sikifanso -c lab1 mcp config vscode  # .vscode/mcp.json serving cluster lab1 only",
            "  sikifanso mcp config cursor --http   # for a server started with: sikifanso mcp serve --http"})
final class McpConfigCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "CLIENT", description = "One of: ${COMPLETION-CANDIDATES}.")
    ClientConfigs.Client client;

    @Option(names = "--http", paramLabel = "HOST:PORT", arity = "0..1", fallbackValue = "127.0.0.1:8811",
            description = "The Streamable HTTP form, with the bearer token, for mcp serve --http at this address"
                    + " (default 127.0.0.1:8811); the output then contains the token.")
    String http;

    @Override
    int run() {
        if (http != null) {
            InetSocketAddress address = HttpMcpEndpoint.address(http, true);
            String host = address.getHostString();
            String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort()
                    + HttpMcpEndpoint.PATH;
            out().line(ClientConfigs.httpSnippet(client, url, McpTokenCommand.token(services()).value()));
        } else {
            String launcher = System.getProperty("sikifanso.launcher", "sikifanso");
            out().line(ClientConfigs.snippet(client, new ClientConfigs.Stdio(launcher,
                    clusterGiven() ? cluster() : null, services().sessions().home().root(),
                    new Kubeconfigs(root().env()).file())));
        }
        out().info(ClientConfigs.NARROWING_HINT);
        return 0;
    }
}

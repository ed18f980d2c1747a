package com.sikifanso.cli;

import com.sikifanso.mcp.ClientConfigs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "config", description = "Print the MCP client configuration for this sikifanso binary.",
        footer = {"", "Examples:", "  sikifanso mcp config claude-code     # prints the claude mcp add command",
            "  sikifanso mcp config claude-desktop  # JSON for claude_desktop_config.json"})
final class McpConfigCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "CLIENT", description = "One of: ${COMPLETION-CANDIDATES}.")
    ClientConfigs.Client client;

    @Override
    int run() {
        String binary = System.getProperty("sikifanso.launcher", "sikifanso");
        out().line(ClientConfigs.snippet(client, binary, clusterGiven() ? cluster() : null));
        return 0;
    }
}

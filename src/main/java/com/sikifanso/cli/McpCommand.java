package com.sikifanso.cli;

import picocli.CommandLine.Command;

@Command(name = "mcp", description = {"Model Context Protocol: let agents (Claude Code, Cursor...) operate sikifanso.",
    "Every tool is a sikifanso operation; changes are git commits, destructive ones ask the user first."},
        subcommands = {McpServeCommand.class, McpConfigCommand.class, McpTokenCommand.class})
final class McpCommand {
}

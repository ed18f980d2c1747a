package com.sikifanso.cli;

import com.sikifanso.Services;
import com.sikifanso.http.BearerToken;
import picocli.CommandLine.Command;

@Command(name = "token", description = {"Print the bearer token HTTP clients of mcp serve --http must send.",
    "It is made on first use and kept in ~/.sikifanso/mcp-token (mode 0600)."})
final class McpTokenCommand extends BaseCommand {
    @Override
    int run() {
        out().line(token(services()).value());
        return 0;
    }

    static BearerToken token(Services services) {
        return new BearerToken(services.sessions().home().root().resolve("mcp-token"));
    }
}

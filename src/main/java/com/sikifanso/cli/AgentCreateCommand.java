package com.sikifanso.cli;

import com.sikifanso.ops.AgentOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "create", description = {"Create an agent sandbox (namespace agent-NAME) in one commit.",
    "Everything is validated before anything is written."},
        footer = {"", "Examples:", "  sikifanso agent create researcher",
            "  sikifanso agent create coder --cpu-limit 2 --memory-limit 2Gi --allow litellm-proxy \\",
            "      --egress-fqdn api.github.com"})
final class AgentCreateCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "Agent name (DNS-1123 label, at most 53 characters).")
    String name;

    @Mixin
    AgentSpecOptions options;

    @Mixin
    WaitOptions wait;

    @Mixin
    DryRunOption dryRun;

    @Override
    int run() {
        perform(AgentOps.CREATE, options.settings(cluster(), name, wait), wait, dryRun);
        return 0;
    }
}

package com.sikifanso.cli;

import com.sikifanso.ops.AgentOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "create", description = {"Create an agent sandbox (namespace agent-NAME) in one commit.",
    "Everything is validated before anything is written."},
        footer = {"", "Examples:", "  sikifanso agent create researcher",
            "  sikifanso agent create coder --cpu-limit 2 --memory-limit 2Gi --allow litellm-proxy \\",
            "      --egress-fqdn api.github.com",
            "  sikifanso agent create scout --template research          # built-in: sikifanso agent templates",
            "  sikifanso agent create dev --template oci://ghcr.io/team/agents:coding --memory-limit 4Gi"})
final class AgentCreateCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "Agent name (DNS-1123 label, at most 53 characters).")
    String name;

    @Mixin
    AgentSpecOptions options;

    @picocli.CommandLine.Option(names = "--template", paramLabel = "REF",
            description = "Start from an agent template: a built-in name (research, coding), a file, "
                    + "oci://REGISTRY/REPO:TAG or git+https://HOST/REPO//PATH@REF; flags given win over it.")
    String template;

    @Mixin
    WaitOptions wait;

    @Mixin
    DryRunOption dryRun;

    @Override
    int run() {
        perform(AgentOps.CREATE, options.settings(cluster(), name, wait, template), wait, dryRun);
        return 0;
    }
}

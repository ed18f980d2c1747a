package com.sikifanso.cli;

import picocli.CommandLine.Command;

@Command(name = "agent", description = {"Agent sandboxes: one isolated namespace per agent, defined in git.",
    "A sandbox may reach cluster DNS, the data services it is allowed, and its own namespace: not the",
    "internet, the Kubernetes API or other agents."},
        subcommands = {AgentCreateCommand.class, AgentListCommand.class, AgentInfoCommand.class,
            AgentUpdateCommand.class, AgentDeleteCommand.class, AgentWatchCommand.class, AgentProbeCommand.class,
            AgentTemplatesCommand.class, AgentPushTemplateCommand.class})
final class AgentCommand {
}

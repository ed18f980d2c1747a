package com.sikifanso.cli;

import picocli.CommandLine.Command;

@Command(name = "cluster", description = "Create, inspect and remove clusters.",
        subcommands = {ClusterCreateCommand.class, ClusterDeleteCommand.class, ClusterInfoCommand.class,
            ClusterProfilesCommand.class})
final class ClusterCommand {
}

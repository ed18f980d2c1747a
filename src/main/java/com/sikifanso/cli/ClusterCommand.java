package com.sikifanso.cli;

import picocli.CommandLine.Command;

@Command(name = "cluster", description = "Create, start, stop, inspect and remove clusters.",
        subcommands = {ClusterCreateCommand.class, ClusterStartCommand.class, ClusterStopCommand.class,
            ClusterDeleteCommand.class, ClusterInfoCommand.class, ClusterProfilesCommand.class, ClusterDoctorCommand.class,
            ClusterUpgradeCommand.class, ClusterGitopsCommand.class, DashboardCommand.class,
            ClusterConfigCommand.class, ClusterTemplatesCommand.class, ClusterAttachCommand.class,
            ClusterDetachCommand.class, ClusterLockCommand.class, ClusterDiffLockCommand.class})
final class ClusterCommand {
}

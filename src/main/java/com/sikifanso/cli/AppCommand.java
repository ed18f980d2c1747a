package com.sikifanso.cli;

import picocli.CommandLine.Command;

@Command(name = "app", description = "Catalog apps, profiles and custom Helm apps in the cluster's GitOps repo.",
        subcommands = {AppListCommand.class, AppBrowseCommand.class, AppEnableCommand.class, AppDisableCommand.class, AppAddCommand.class,
            AppRemoveCommand.class, AppSyncCommand.class, AppStatusCommand.class, AppDiffCommand.class,
            AppLogsCommand.class, AppHistoryCommand.class, AppRollbackCommand.class, AppCredentialsCommand.class,
            AppRotateCredentialsCommand.class})
final class AppCommand {
}

package com.sikifanso.cli;

import com.sikifanso.ops.CatalogOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", description = "List enabled catalog apps and custom apps (--all: the whole catalog).")
final class AppListCommand extends BaseCommand {
    @Option(names = {"-a", "--all"}, description = "Include catalog apps that are not enabled.")
    boolean all;

    @Override
    int run() {
        perform(CatalogOps.LIST, new CatalogOps.CatalogListInput(cluster(), !all));
        return 0;
    }
}

package com.sikifanso.cli;

import com.sikifanso.catalog.AppService;
import com.sikifanso.core.Table;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", description = "List enabled catalog apps and custom apps (--all: the whole catalog).")
final class AppListCommand extends BaseCommand {
    @Option(names = {"-a", "--all"}, description = "Include catalog apps that are not enabled.")
    boolean all;

    @Override
    int run() {
        List<AppService.AppRow> rows = services().apps().list(cluster(), all);
        out().result(rows, () -> {
            if (rows.isEmpty()) {
                return "No apps enabled. See the catalog with: sikifanso app list --all\n";
            }
            Table t = new Table("NAME", "CATEGORY", "CHART", "VERSION", "NAMESPACE", "SOURCE", "ENABLED");
            rows.forEach(r -> t.row(r.name(), r.category(), r.chart(), r.version(), r.namespace(), r.source(),
                    r.enabled() ? out().green("true") : "false"));
            return t.render();
        });
        return 0;
    }
}

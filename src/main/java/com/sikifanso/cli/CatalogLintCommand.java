package com.sikifanso.cli;

import com.sikifanso.catalog.LintReport;
import com.sikifanso.ops.CatalogSourceOps;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lint", description = {"Check catalog entries before proposing or adding them.",
    "Checks each entry's fields, its chart version in the chart repository, that what it depends on",
    "exists, and that an agentAccess declares its port. Each error names the file, the field and the fix.",
    "Exit 1 when there is any."},
        footer = {"", "Examples:", "  sikifanso catalog lint ./entries", "  sikifanso catalog lint --source community",
            "  sikifanso catalog lint --no-chart-check   (the built-in catalog, offline)"})
final class CatalogLintCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
            description = "A directory of entries (default: the built-in catalog).")
    Path path;

    @Option(names = "--source", paramLabel = "NAME", description = "Lint a catalog source as recorded.")
    String source;

    @Option(names = "--no-chart-check", description = "Do not ask the chart repositories (offline).")
    boolean noChartCheck;

    @Override
    int run() {
        LintReport report = perform(CatalogSourceOps.LINT, new CatalogSourceOps.LintInput(path, source,
                noChartCheck ? "--no-chart-check" : null));
        return report.failed() ? 1 : 0;
    }
}

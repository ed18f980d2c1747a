package com.sikifanso.ops;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.sikifanso.catalog.BuiltInCatalog;
import com.sikifanso.catalog.CatalogDirectory;
import com.sikifanso.catalog.CatalogLint;
import com.sikifanso.catalog.ChartAvailability;
import com.sikifanso.catalog.LintReport;
import com.sikifanso.core.Hint;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Suggestion;
import com.sikifanso.core.Table;
import com.sikifanso.core.TextStyle;
import com.sikifanso.share.CatalogSource;
import com.sikifanso.share.CatalogSources;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Community catalogs ({@code catalog source add|list|update|remove}) and {@code catalog lint}. CLI-only: sources are
 * this machine's state under SIKIFANSO_HOME, shared by every cluster, fetched with the user's git and registry
 * logins, and lint reads a directory on the user's disk; agents see a source's entries in catalog_list and enable
 * them with catalog_enable like any other.
 */
public final class CatalogSourceOps {
    private static final String HOST_SIDE = "catalog sources are this machine's state, fetched with the user's"
            + " logins; agents see their entries in catalog_list";

    private CatalogSourceOps() {
    }

    public record SourceAddInput(@Param("Name for the source (its entries are NAME/entry)") String name,
                                 @Param("git+https://HOST/REPO//DIR@REF, git+file://..., or oci://REGISTRY/REPO:TAG")
                                 String reference) {
    }

    public record SourceName(@Param("Name of the catalog source") String name) {
    }

    public record NoInput() {
    }

    public record SourceList(List<CatalogSource> sources) {
    }

    /**
     * @param path a directory of entries (the CLI's PATH); with neither it nor {@code source}, the built-in catalog
     * @param skipCharts the reason the charts are not looked up in their repositories (the CLI's --no-chart-check)
     */
    public record LintInput(@JsonIgnore Path path, @Param(value = "A catalog source's name", optional = true)
                            String source, @JsonIgnore String skipCharts) {
    }

    public static final Operation<SourceAddInput, CatalogSource> ADD = Operation.of("catalog_source_add",
                    "Add a catalog source: fetch its entries, lint them, record them pinned.", Toolset.catalog,
                    Safety.CREATE_OPEN_WORLD, SourceAddInput.class, CatalogSource.class,
                    (in, ctx) -> sources(ctx).add(in.name(), in.reference()), CatalogSourceOps::addedText)
            .cliOnly(HOST_SIDE);

    public static final Operation<NoInput, SourceList> LIST = Operation.of("catalog_source_list",
                    "The catalog sources added on this machine, with their pins and entries.", Toolset.catalog,
                    Safety.READ, NoInput.class, SourceList.class, (in, ctx) -> new SourceList(sources(ctx).list()),
                    CatalogSourceOps::listText)
            .cliOnly(HOST_SIDE);

    public static final Operation<SourceName, CatalogSources.Updated> UPDATE = Operation.of("catalog_source_update",
                    "Fetch a catalog source's reference again, lint it and move its pin.", Toolset.catalog,
                    Safety.CHANGE, SourceName.class, CatalogSources.Updated.class,
                    (in, ctx) -> sources(ctx).update(in.name()), CatalogSourceOps::updatedText)
            .cliOnly(HOST_SIDE);

    public static final Operation<SourceName, CatalogSource> REMOVE = Operation.of("catalog_source_remove",
                    "Forget a catalog source; clusters keep the entries they enabled.", Toolset.catalog,
                    Safety.DESTRUCTIVE, SourceName.class, CatalogSource.class,
                    (in, ctx) -> sources(ctx).remove(in.name()), out -> "Removed catalog source " + out.name()
                            + " (" + out.entries().size() + " entries). Clusters that enabled its entries keep their"
                            + " copies in their GitOps repos.\n")
            .confirmWhen(in -> Optional.of("Remove catalog source " + in.name() + "? Its entries can no longer be"
                    + " enabled; clusters keep those they enabled."))
            .cliOnly(HOST_SIDE);

    public static final Operation<LintInput, LintReport> LINT = Operation.of("catalog_lint",
                    "Check catalog entries: schema, chart reachable, dependencies, agentAccess ports.",
                    Toolset.catalog, Safety.READ, LintInput.class, LintReport.class, CatalogSourceOps::lint,
                    CatalogSourceOps::lintText)
            .cliOnly("it reads a directory on the user's disk");

    static List<Operation<?, ?>> all() {
        return List.of(ADD, LIST, UPDATE, REMOVE, LINT);
    }

    private static CatalogSources sources(OperationContext ctx) {
        return ctx.services().catalogSources();
    }

    private static LintReport lint(LintInput in, OperationContext ctx) {
        if (in.path() != null && in.source() != null) {
            throw SikifansoException.usage("give a directory or --source, not both", "lint one of them at a time");
        }
        CatalogLint.Charts charts = in.skipCharts() != null ? new CatalogLint.Charts.Skipped(in.skipCharts())
                : new CatalogLint.Charts.Checked(new ChartAvailability(), Hint.of(", or lint without looking them up: ",
                        Suggestion.of("catalog", "lint").cliFlag("no-chart-check")));
        if (in.source() != null) {
            return sources(ctx).lint(in.source(), charts);
        }
        CatalogLint lint = new CatalogLint(BuiltInCatalog.names());
        if (in.path() != null) {
            return lint.lint(in.path().toString(), CatalogDirectory.read(in.path()), charts);
        }
        return lint.lint("the built-in catalog", BuiltInCatalog.files(), charts);
    }

    private static String addedText(CatalogSource s) {
        return "Added catalog source " + s.name() + " pinned at " + s.pinned() + ": " + String.join(", ",
                s.entries().stream().map(e -> s.name() + "/" + e).toList()) + ".\n";
    }

    private static String updatedText(CatalogSources.Updated u) {
        CatalogSource s = u.source();
        return u.moved() ? "Catalog source " + s.name() + " moved from " + u.previousPin() + " to " + s.pinned()
                + " (" + s.entries().size() + " entries). Entries clusters already enabled keep the files they"
                + " committed.\n"
                : "Catalog source " + s.name() + " is already at " + s.pinned() + ".\n";
    }

    private static String listText(SourceList list, TextStyle style) {
        if (list.sources().isEmpty()) {
            return style.hint("No catalog sources. Add one with: ", Suggestion.of("catalog", "source", "add")
                    .arg("name", "NAME").arg("reference", "REF"), "\n");
        }
        Table t = new Table("NAME", "PINNED", "ENTRIES");
        list.sources().forEach(s -> t.row(s.name(), s.pinned(), String.join(", ", s.entries())));
        return t.render();
    }

    private static String lintText(LintReport r) {
        StringBuilder text = new StringBuilder();
        r.errors().forEach(f -> text.append(f).append('\n'));
        text.append(r.target()).append(": ").append(r.entries().size()).append(" entries, ")
                .append(r.errors().isEmpty() ? "no errors" : r.errors().size() + " error"
                        + (r.errors().size() == 1 ? "" : "s"))
                .append(" (charts ").append(r.charts()).append(").\n");
        return text.toString();
    }
}

package com.sikifanso.cli;

import com.sikifanso.core.ClusterName;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.cli.browse.BrowserScreen;
import com.sikifanso.cli.browse.CatalogBrowser;
import com.sikifanso.cli.browse.CatalogBrowser.Decision;
import com.sikifanso.cli.browse.TerminalBrowser;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.ops.CatalogOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "browse", description = {"Browse the catalog full-screen and enable or disable apps in one commit.",
    "Enabling an app stages what it needs; disabling one that enabled apps need is refused.",
    "Keys: up/down or j/k move, enter or space toggle, / search, q (or enter on apply) applies",
    "everything staged as one commit, esc or ctrl+c cancels without writing anything.",
    "Needs a terminal; `sikifanso app add` with no arguments opens it too."},
        footer = {"", "Examples:", "  sikifanso app browse", "  sikifanso app browse --no-wait",
            "Without a terminal: sikifanso app enable NAME / sikifanso app disable NAME"})
final class AppBrowseCommand extends BaseCommand {
    @Mixin
    WaitOptions wait;

    @Override
    int run() {
        return browse(this, wait);
    }

    /**
     * Opens the browser for the command's cluster, then applies what was staged through {@code catalog_change}:
     * one commit, and a wait for what was enabled only (unless --no-wait).
     */
    static int browse(BaseCommand command, WaitOptions wait) {
        if (!command.root().terminal()) {
            throw SikifansoException.usage("the catalog browser needs a terminal (stdin and stdout are not one)",
                    "change apps with: sikifanso app enable NAME / sikifanso app disable NAME (see sikifanso app "
                            + "list --all)");
        }
        String cluster = command.cluster();
        Catalog catalog = command.services().apps().catalog(ClusterName.of(cluster));
        if (catalog.entries().isEmpty()) {
            throw SikifansoException.failure("the catalog of cluster \"" + cluster + "\" is empty",
                    "add a custom app with: sikifanso app add NAME --repo URL --chart CHART --version VERSION");
        }
        CatalogBrowser model = new CatalogBrowser(catalog);
        BrowserScreen screen = new BrowserScreen("sikifanso catalog · cluster " + cluster, catalog.entries());
        Decision decision = new TerminalBrowser(model, screen, command.out().color()).run();
        if (decision instanceof Decision.Apply apply && !apply.isEmpty()) {
            command.perform(CatalogOps.CHANGE, new CatalogOps.ChangeInput(cluster, apply.enable(), apply.disable(),
                    wait.waitForSync()), wait);
        } else {
            command.out().info(decision instanceof Decision.Apply ? "nothing staged: nothing written"
                    : "cancelled: nothing written");
        }
        return 0;
    }
}

package com.sikifanso.cli;

import com.sikifanso.ops.CatalogSourceOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "source", description = {"Catalog sources: directories of catalog entries in git or an OCI registry.",
    "Each is linted when added and kept under SIKIFANSO_HOME at the commit or digest it was read at."},
        subcommands = {CatalogSourceCommand.Add.class, CatalogSourceCommand.List.class,
            CatalogSourceCommand.Update.class, CatalogSourceCommand.Remove.class})
final class CatalogSourceCommand {

    @Command(name = "add", description = {"Add a catalog source: fetch its entries, lint them, record them pinned.",
        "Charts are looked up in their repositories; an error refuses the source, recording nothing."},
            footer = {"", "Examples:",
                "  sikifanso catalog source add community git+https://github.com/team/catalog//entries@v1",
                "  sikifanso catalog source add mine git+file:///home/me/catalog//.@main",
                "  sikifanso catalog source add team oci://ghcr.io/team/catalog:v1",
                "    (published with: oras push ghcr.io/team/catalog:v1 entries/)"})
    static final class Add extends BaseCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "Name for the source; its entries are NAME/entry.")
        String name;

        @Parameters(index = "1", paramLabel = "REF", description = "git+https://HOST/REPO//DIR@REF, git+file://...,"
                + " or oci://REGISTRY/REPO:TAG.")
        String reference;

        @Override
        int run() {
            perform(CatalogSourceOps.ADD, new CatalogSourceOps.SourceAddInput(name, reference));
            return 0;
        }
    }

    @Command(name = "list", description = "The catalog sources added on this machine, with their pins and entries.")
    static final class List extends BaseCommand {
        @Override
        int run() {
            perform(CatalogSourceOps.LIST, new CatalogSourceOps.NoInput());
            return 0;
        }
    }

    /** What update and remove share: one source, named, as the operations' input. */
    abstract static class Named extends BaseCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "The source.")
        String name;

        CatalogSourceOps.SourceName input() {
            return new CatalogSourceOps.SourceName(name);
        }
    }

    @Command(name = "update", description = {"Fetch a source's reference again, lint it, and move its pin.",
        "Entries clusters already enabled keep the files they committed."})
    static final class Update extends Named {
        @Override
        int run() {
            perform(CatalogSourceOps.UPDATE, input());
            return 0;
        }
    }

    @Command(name = "remove", description = {"Forget a catalog source and its files.",
        "Clusters that enabled its entries keep them in their GitOps repos."})
    static final class Remove extends Named {
        @Mixin
        Confirmation confirmation;

        @Override
        int run() {
            CatalogSourceOps.SourceName input = input();
            confirmation.require(root().terminal(), () -> {
                services().catalogSources().get(name);
                return CatalogSourceOps.REMOVE.confirmationFor(input).orElseThrow();
            }, "not removed");
            perform(CatalogSourceOps.REMOVE, input);
            return 0;
        }
    }
}

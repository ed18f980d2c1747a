package com.sikifanso.cli;

import picocli.CommandLine.Command;

@Command(name = "catalog", description = {
    "Community catalogs beside the built-in one, and the lint their entries pass.",
    "A source's entries are enabled as SOURCE/entry (sikifanso app enable community/vllm), pinned to the",
    "commit or digest the source was read at; sikifanso catalog source update moves the pin.",
    "The catalog's apps in a cluster: sikifanso app list --all"},
        subcommands = {CatalogSourceCommand.class, CatalogLintCommand.class})
final class CatalogCommand {
}

package com.sikifanso.cli;

import picocli.CommandLine.Command;

@Command(name = "image", aliases = "images", description = {
    "Images for a cluster's nodes: load the ones you build here (as k3d image import), and the shared image cache",
    "new clusters start from (prefetch once, then create even --offline)."},
        subcommands = {ImageImportCommand.class, ImageListCommand.class, ImagePrefetchCommand.class})
final class ImageCommand {
}

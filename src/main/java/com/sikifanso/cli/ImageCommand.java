package com.sikifanso.cli;

import picocli.CommandLine.Command;

@Command(name = "image", aliases = "images", description = {
    "Images for a cluster's nodes: load your own (as k3d image import), or start from a shared cache.",
    "Prefetch a profile's images once; new clusters then start from them, even --offline."},
        subcommands = {ImageImportCommand.class, ImageListCommand.class, ImagePrefetchCommand.class})
final class ImageCommand {
}

package com.sikifanso.cli;

import picocli.CommandLine.Command;

@Command(name = "image", description = "Images for a cluster's nodes: load the ones you build here (as k3d image import).",
        subcommands = {ImageImportCommand.class})
final class ImageCommand {
}

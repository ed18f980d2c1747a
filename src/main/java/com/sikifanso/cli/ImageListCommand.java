package com.sikifanso.cli;

import com.sikifanso.ops.ImageOps;
import picocli.CommandLine.Command;

@Command(name = "list", description = {"List the images a cluster with these profiles runs, and which the image cache"
    + " holds.", "Found by rendering the platform's charts and the profiles' apps with Helm (which fetches them)."},
        footer = {"", "Examples:", "  sikifanso image list --profile agent-dev",
            "  sikifanso image list --profile rag -c lab -o json   # lab's catalog and platform settings"})
final class ImageListCommand extends ImageProfilesCommand {
    @Override
    int run() {
        perform(ImageOps.IMAGE_LIST, input());
        return 0;
    }
}

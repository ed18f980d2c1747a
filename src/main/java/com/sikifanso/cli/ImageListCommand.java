package com.sikifanso.cli;

import com.sikifanso.catalog.ProfileSelection;
import com.sikifanso.ops.ImageOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", description = {"List the images a cluster with these profiles runs, and which the image cache"
    + " holds.", "Found by rendering the platform's charts and the profiles' apps with Helm (the charts are fetched)."},
        footer = {"", "Examples:", "  sikifanso image list --profile agent-dev",
            "  sikifanso image list --profile rag -c lab -o json   # lab's catalog and platform settings"})
final class ImageListCommand extends BaseCommand {
    @Option(names = "--profile", required = true, paramLabel = "PROFILES",
            completionCandidates = Candidates.ProfileNames.class,
            description = "Comma-separated profiles, e.g. agent-dev,rag (see: cluster profiles).")
    ProfileSelection profile;

    @Override
    int run() {
        perform(ImageOps.IMAGE_LIST, ImagePrefetchCommand.input(this, profile));
        return 0;
    }
}

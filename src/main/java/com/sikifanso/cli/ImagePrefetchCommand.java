package com.sikifanso.cli;

import com.sikifanso.ops.ImageOps;
import picocli.CommandLine.Command;

@Command(name = "prefetch", description = {"Fill this machine's image cache once with what these profiles run.",
    "The cache is SIKIFANSO_HOME/images; images cached already are not fetched again.",
    "New clusters' nodes start from it (k3s imports the cached tarballs at start),",
    "and cluster create --offline needs nothing else."},
        footer = {"", "Examples:", "  sikifanso image prefetch --profile agent-dev",
            "  sikifanso cluster create lab --profile agent-dev --offline"})
final class ImagePrefetchCommand extends ImageProfilesCommand {
    @Override
    int run() {
        performSteps(ImageOps.IMAGE_PREFETCH, input(), null);
        return 0;
    }
}

package com.sikifanso.cli;

import com.sikifanso.ops.ImageOps;
import picocli.CommandLine.Command;

@Command(name = "prefetch", description = {"Fill the image cache on this machine (SIKIFANSO_HOME/images) with every"
    + " image a cluster with these profiles runs, once.", "New clusters' nodes start from it (k3s imports the cached"
    + " tarballs at start), and cluster create --offline needs nothing else. Images cached already are not fetched."},
        footer = {"", "Examples:", "  sikifanso image prefetch --profile agent-dev",
            "  sikifanso cluster create lab --profile agent-dev --offline"})
final class ImagePrefetchCommand extends ImageProfilesCommand {
    @Override
    int run() {
        performSteps(ImageOps.IMAGE_PREFETCH, input(), null);
        return 0;
    }
}

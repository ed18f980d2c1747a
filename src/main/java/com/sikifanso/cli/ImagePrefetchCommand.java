package com.sikifanso.cli;

import com.sikifanso.catalog.ProfileSelection;
import com.sikifanso.ops.ImageOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "prefetch", description = {"Fill the image cache on this machine (SIKIFANSO_HOME/images) with every"
    + " image a cluster with these profiles runs, once.", "New clusters' nodes start from it (k3s imports the cached"
    + " tarballs at start), and cluster create --offline needs nothing else. Images cached already are not fetched."},
        footer = {"", "Examples:", "  sikifanso image prefetch --profile agent-dev",
            "  sikifanso cluster create lab --profile agent-dev --offline"})
final class ImagePrefetchCommand extends BaseCommand {
    @Option(names = "--profile", required = true, paramLabel = "PROFILES",
            completionCandidates = Candidates.ProfileNames.class,
            description = "Comma-separated profiles, e.g. agent-dev,rag (see: cluster profiles).")
    ProfileSelection profile;

    @Override
    int run() {
        performSteps(ImageOps.IMAGE_PREFETCH, input(this, profile), null);
        return 0;
    }

    /** The cluster's repo only when -c (or SIKIFANSO_CLUSTER) names one; else the built-in template. */
    static ImageOps.ImageProfilesInput input(BaseCommand command, ProfileSelection profile) {
        return new ImageOps.ImageProfilesInput(profile.names(), command.clusterGiven() ? command.cluster() : null);
    }
}

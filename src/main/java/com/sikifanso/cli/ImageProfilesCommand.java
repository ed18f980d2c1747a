package com.sikifanso.cli;

import com.sikifanso.catalog.ProfileSelection;
import com.sikifanso.ops.ImageOps;
import picocli.CommandLine.Option;

/** What image list and image prefetch share: the profiles, and which GitOps repo describes them. */
abstract class ImageProfilesCommand extends BaseCommand {
    @Option(names = "--profile", required = true, paramLabel = "PROFILES",
            completionCandidates = Candidates.ProfileNames.class,
            description = "Comma-separated profiles, e.g. agent-dev,rag (see: cluster profiles).")
    ProfileSelection profile;

    /** The cluster's repo only when -c (or SIKIFANSO_CLUSTER) names one; else the built-in template. */
    ImageOps.ImageProfilesInput input() {
        return new ImageOps.ImageProfilesInput(profile.names(), clusterGiven() ? cluster() : null);
    }
}

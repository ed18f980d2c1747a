package com.sikifanso.cli;

import com.sikifanso.ops.AttachOps;
import com.sikifanso.ops.ClusterOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "detach", description = {"Remove from an attached cluster exactly what cluster attach installed.",
    "That is the root ApplicationSets and their apps, the repository Secret, the Argo CD it installed.",
    "The GitOps repo and the session are kept: sikifanso cluster delete NAME removes them."})
final class ClusterDetachCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", completionCandidates = Candidates.Clusters.class,
            description = "Cluster name (default: -c/--cluster).")
    String name;

    @Mixin
    Confirmation confirmation;

    @Override
    int run() {
        String cluster = cluster(name);
        confirmation.require(root().terminal(), () -> "Remove what sikifanso installed in cluster " + cluster
                + ", its apps included?", "not detached");
        performSteps(AttachOps.DETACH, new ClusterOps.ClusterRef(cluster), null);
        return 0;
    }
}

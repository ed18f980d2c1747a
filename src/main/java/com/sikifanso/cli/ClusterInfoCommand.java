package com.sikifanso.cli;

import com.sikifanso.ops.ClusterOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "info", description = {"Show a cluster, or every cluster when none is named.",
    "The Argo CD password is never part of this output."})
final class ClusterInfoCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", completionCandidates = Candidates.Clusters.class,
            description = "Cluster to show (default: all clusters, or -c/--cluster when given).")
    String name;

    @Override
    int run() {
        if (name != null || clusterGiven()) {
            perform(ClusterOps.CLUSTER_INFO, new ClusterOps.ClusterRef(cluster(name)));
        } else {
            perform(ClusterOps.CLUSTER_LIST, new ClusterOps.NoInput());
        }
        return 0;
    }
}

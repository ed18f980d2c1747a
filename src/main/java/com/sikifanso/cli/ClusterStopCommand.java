package com.sikifanso.cli;

import com.sikifanso.ops.ClusterOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "stop", description = "Stop a cluster's node containers and record it as stopped.")
final class ClusterStopCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", completionCandidates = Candidates.Clusters.class,
            description = "Cluster name (default: -c/--cluster).")
    String name;

    @Override
    int run() {
        performSteps(ClusterOps.CLUSTER_STOP, new ClusterOps.ClusterRef(cluster(name)), null);
        return 0;
    }
}

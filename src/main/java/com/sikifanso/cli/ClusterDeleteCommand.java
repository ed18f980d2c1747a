package com.sikifanso.cli;

import com.sikifanso.ops.ClusterOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = {"Delete a cluster: its containers, network, volumes, kubeconfig entries, session and repo.",
    "Snapshots are kept."})
final class ClusterDeleteCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", completionCandidates = Candidates.Clusters.class,
            description = "Cluster name (default: -c/--cluster).")
    String name;

    @Mixin
    Confirmation confirmation;

    @Override
    int run() {
        String cluster = cluster(name);
        confirmation.require(root().terminal(),
                () -> "Delete cluster " + cluster + ", its nodes and its GitOps repo?", "not deleted");
        performSteps(ClusterOps.CLUSTER_DELETE, new ClusterOps.ClusterRef(cluster), null);
        return 0;
    }
}

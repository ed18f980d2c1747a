package com.sikifanso.cli;

import com.sikifanso.cli.render.ProgressLines;
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
        try (ProgressLines progress = progress()) {
            services().clusters().delete(cluster, progress);
        }
        out().result(new Deleted(cluster), () -> "Deleted cluster " + cluster + ".\n");
        return 0;
    }

    record Deleted(String deleted) {
    }
}

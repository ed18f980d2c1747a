package com.sikifanso.cli;

import com.sikifanso.ops.ClusterFileOps;
import com.sikifanso.ops.ClusterOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "config", description = {"Print the cluster file that re-creates a cluster.",
    "YAML, led by a comment naming its schema for editors; --schema prints that JSON Schema."},
        footer = {"", "Examples:",
            "  sikifanso cluster config lab1 > lab1.yaml && sikifanso cluster create lab2 --config lab1.yaml",
            "  sikifanso cluster config --schema > cluster.schema.json"})
final class ClusterConfigCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", completionCandidates = Candidates.Clusters.class,
            description = "Cluster to describe (default: -c/--cluster).")
    String name;

    @Option(names = "--schema", description = "Print the JSON Schema of cluster files instead.")
    boolean schema;

    @Override
    int run() {
        if (schema) {
            perform(ClusterFileOps.CLUSTER_CONFIG_SCHEMA, new ClusterOps.NoInput());
        } else {
            perform(ClusterFileOps.CLUSTER_CONFIG, new ClusterOps.ClusterRef(cluster(name)));
        }
        return 0;
    }
}

package com.sikifanso.cli;

import com.sikifanso.cluster.PullPolicy;
import com.sikifanso.ops.ClusterOps;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "start", description = {"Start a cluster's node containers, record it as running, and wait for its API server.", "Exits 3 when it does not answer within --timeout."})
final class ClusterStartCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", completionCandidates = Candidates.Clusters.class,
            description = "Cluster name (default: -c/--cluster).")
    String name;

    @Option(names = "--no-wait", description = "Return once the containers run; do not wait for the API server.")
    boolean noWait;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "5m",
            description = "How long to wait for the API server (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--pull", paramLabel = "WHEN", defaultValue = "missing",
            description = "Pull the node image again if its tag is gone: missing, always, never (default:"
                    + " ${DEFAULT-VALUE}).")
    String pull;

    @Override
    int run() {
        performSteps(ClusterOps.CLUSTER_START, new ClusterOps.ClusterStartInput(cluster(name), !noWait,
                PullPolicy.parse(pull)), timeout);
        return 0;
    }
}

package com.sikifanso.cli;

import com.sikifanso.cli.render.ProgressLines;
import com.sikifanso.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "start", description = "Start a cluster's node containers and record it as running.")
final class ClusterStartCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", completionCandidates = Candidates.Clusters.class,
            description = "Cluster name (default: -c/--cluster).")
    String name;

    @Override
    int run() {
        Session session;
        try (ProgressLines progress = progress()) {
            session = services().clusters().start(cluster(name), progress).withoutSecrets();
        }
        out().result(session, () -> "Cluster " + session.clusterName() + " is " + session.state() + ".\n");
        return 0;
    }
}

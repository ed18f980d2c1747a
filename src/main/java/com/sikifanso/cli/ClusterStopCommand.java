package com.sikifanso.cli;

import com.sikifanso.cli.render.ProgressLines;
import com.sikifanso.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "stop", description = "Stop a cluster's node containers and record it as stopped.")
final class ClusterStopCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", completionCandidates = Candidates.Clusters.class,
            description = "Cluster name (default: -c/--cluster).")
    String name;

    @Override
    int run() {
        Session session;
        try (ProgressLines progress = progress()) {
            session = services().clusters().stop(cluster(name), progress).withoutSecrets();
        }
        out().result(session, () -> "Cluster " + session.clusterName() + " is " + session.state() + ".\n");
        return 0;
    }
}

package com.sikifanso.cli;

import com.sikifanso.cli.render.ProgressLines;
import com.sikifanso.core.SikifansoException;
import java.io.Console;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = "Delete a cluster: its containers, network, volumes, kubeconfig entries,"
        + " session and GitOps repo. Snapshots are kept.")
final class ClusterDeleteCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", completionCandidates = Candidates.Clusters.class,
            description = "Cluster name (default: -c/--cluster).")
    String name;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    int run() {
        String cluster = cluster(name);
        Console console = System.console();
        if (!yes && root().terminal() && console != null) {
            String answer = console.readLine("Delete cluster %s, its nodes and its GitOps repo? [y/N] ", cluster);
            if (answer == null || !answer.strip().toLowerCase().startsWith("y")) {
                throw SikifansoException.failure("not deleted", "pass --yes to delete without asking");
            }
        }
        try (ProgressLines progress = progress()) {
            services().clusters().delete(cluster, progress);
        }
        out().result(new Deleted(cluster), () -> "Deleted cluster " + cluster + ".\n");
        return 0;
    }

    record Deleted(String deleted) {
    }
}

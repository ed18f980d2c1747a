package com.sikifanso.cli;

import com.sikifanso.core.SikifansoException;
import com.sikifanso.ops.ClusterOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "upgrade", description = {
    "Upgrade Cilium and/or Argo CD to the chart versions in infra/cilium.yaml and infra/argocd.yaml.",
    "Uses the cluster's own kubeconfig context, takes a snapshot first and refuses downgrades.",
    "A failed upgrade is rolled back; a successful one updates the matching Argo CD Application."},
        subcommands = {ClusterUpgradeCommand.Cilium.class, ClusterUpgradeCommand.ArgoCd.class},
        footer = {"", "Examples:", "  sikifanso cluster upgrade --all", "  sikifanso cluster upgrade cilium lab1"})
final class ClusterUpgradeCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", completionCandidates = Candidates.Clusters.class,
            description = "Cluster name (default: -c/--cluster).")
    String name;

    @Option(names = "--all", description = "Upgrade Cilium, then Argo CD.")
    boolean all;

    @Option(names = "--skip-snapshot", description = "Do not take a snapshot before upgrading.")
    boolean skipSnapshot;

    @Override
    int run() {
        if (!all) {
            throw SikifansoException.usage("name what to upgrade: cilium, argocd, or --all",
                    "sikifanso cluster upgrade --all");
        }
        return upgrade(this, name, ClusterOps.UpgradeTarget.all, skipSnapshot);
    }

    static int upgrade(BaseCommand command, String name, ClusterOps.UpgradeTarget target, boolean skipSnapshot) {
        command.performSteps(ClusterOps.CLUSTER_UPGRADE, new ClusterOps.UpgradeInput(command.cluster(name), target,
                skipSnapshot), null);
        return 0;
    }

    /** {@code cluster upgrade cilium|argocd [NAME]}: one component. */
    abstract static class OneComponent extends BaseCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", completionCandidates = Candidates.Clusters.class,
                description = "Cluster name (default: -c/--cluster).")
        String name;

        @Option(names = "--skip-snapshot", description = "Do not take a snapshot before upgrading.")
        boolean skipSnapshot;

        abstract ClusterOps.UpgradeTarget component();

        @Override
        int run() {
            return upgrade(this, name, component(), skipSnapshot);
        }
    }

    @Command(name = "cilium", description = "Upgrade Cilium to the version in infra/cilium.yaml.")
    static final class Cilium extends OneComponent {
        @Override
        ClusterOps.UpgradeTarget component() {
            return ClusterOps.UpgradeTarget.cilium;
        }
    }

    @Command(name = "argocd", description = "Upgrade Argo CD to the version in infra/argocd.yaml.")
    static final class ArgoCd extends OneComponent {
        @Override
        ClusterOps.UpgradeTarget component() {
            return ClusterOps.UpgradeTarget.argocd;
        }
    }
}

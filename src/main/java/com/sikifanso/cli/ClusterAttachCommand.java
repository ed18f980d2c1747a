package com.sikifanso.cli;

import com.sikifanso.ops.AttachOps;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "attach", description = {"Install the platform into an existing cluster (EKS, GKE, AKS or other).",
    "Argo CD and the root ApplicationSets reading the GitOps remote go in; Cilium only if it is the CNI.",
    "Sandboxes get plain NetworkPolicy where CiliumNetworkPolicy is absent.",
    "Undo it with: sikifanso cluster detach NAME."},
        footer = {"", "Example:", "  sikifanso cluster attach prod --context arn:aws:eks:eu-west-1:1234:cluster/prod \\",
            "      --gitops-remote https://github.com/me/prod-gitops.git"})
final class ClusterAttachCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", completionCandidates = Candidates.Clusters.class,
            description = "Name for the cluster here (default: -c/--cluster).")
    String name;

    @Option(names = "--context", required = true, paramLabel = "CTX",
            description = "The existing cluster's context in the kubeconfig.")
    String context;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "The kubeconfig holding the context (default: KUBECONFIG's first file, else ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--gitops-remote", paramLabel = "URL", description = "The git remote the GitOps repo is published"
            + " to and Argo CD reads (needed unless the repo has one already).")
    String gitopsRemote;

    @Option(names = "--use-existing-argocd", description = "Use the Argo CD already installed in namespace argocd"
            + " instead of refusing; detach then leaves it.")
    boolean useExistingArgoCd;

    @Override
    int run() {
        performSteps(AttachOps.ATTACH, new AttachOps.AttachInput(cluster(name), context, kubeconfig, gitopsRemote,
                useExistingArgoCd), null);
        return 0;
    }
}

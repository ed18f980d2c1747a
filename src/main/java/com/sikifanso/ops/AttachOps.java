package com.sikifanso.ops;

import com.sikifanso.core.TextStyle;
import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.RemoteUrls;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.platform.ClusterAttach;
import java.nio.file.Path;

/** Clusters sikifanso did not create: attaching the platform to one, and detaching it again. */
public final class AttachOps {
    private AttachOps() {
    }

    /**
     * What cluster_attach takes: the user's kubeconfig file and context, the remote the repo is published to (needed
     * when the cluster has no session yet, or no remote), and whether an Argo CD found there may be used.
     */
    public record AttachInput(@Param(Param.CLUSTER) String cluster,
                              @Param("Context of the existing cluster in the kubeconfig") String context,
                              @JsonIgnore Path kubeconfig,
                              @JsonIgnore String gitopsRemote,
                              @JsonIgnore boolean useExistingArgoCd) implements ClusterScoped {
    }

    public static final Operation<AttachInput, ClusterAttach.Attached> ATTACH = Operation.of("cluster_attach",
            "Install the platform (Argo CD, the root ApplicationSets reading the GitOps remote) into an existing "
                    + "cluster, through a kubeconfig context.",
            Toolset.cluster, Safety.CREATE_OPEN_WORLD, AttachInput.class, ClusterAttach.Attached.class,
            AttachOps::attach, AttachOps::attachedText)
            .cliOnly("it installs into a cluster through the user's own kubeconfig and git credentials, a person's "
                    + "choice at a terminal");

    public static final Operation<ClusterOps.ClusterRef, ClusterAttach.Detached> DETACH = Operation.of(
            "cluster_detach", "Remove from an attached cluster exactly what cluster attach installed.",
            Toolset.cluster, Safety.DESTRUCTIVE, ClusterOps.ClusterRef.class, ClusterAttach.Detached.class,
            (in, ctx) -> ctx.services().attach().detach(in.clusterName(), ctx.progress()), AttachOps::detachedText)
            .cliOnly("it removes Argo CD and the apps from a cluster that is not sikifanso's, through the user's own "
                    + "kubeconfig");

    static java.util.List<Operation<?, ?>> all() {
        return java.util.List.of(ATTACH, DETACH);
    }

    /**
     * A cluster with no session gets a repo from the built-in template, published to the remote first; a failure
     * of either the publish or the attach leaves no such repo behind.
     */
    private static ClusterAttach.Attached attach(AttachInput in, OperationContext ctx) {
        ClusterName cluster = in.clusterName();
        if (in.context() == null || in.context().isBlank()) {
            throw SikifansoException.usage("cluster attach needs the existing cluster's context",
                    "give it with ", Suggestion.of("cluster", "attach").option("context", "CTX").mention(),
                    " (kubectl config get-contexts lists them)");
        }
        String remote = in.gitopsRemote() == null ? null : RemoteUrls.require(in.gitopsRemote());
        boolean fresh = !ctx.services().sessions().exists(cluster);
        if (fresh && remote == null) {
            throw SikifansoException.usage("an attached cluster reads its GitOps repo from a git remote, and cluster \""
                    + cluster.value() + "\" has no repo yet", "give one: ", Suggestion.of("cluster", "attach").arg("cluster", cluster)
                    .option("context", in.context()).cliOption("gitops-remote", "https://HOST/OWNER/REPO.git"));
        }
        try {
            if (fresh) {
                ctx.services().clusters().prepare(cluster, new TemplateSource.Embedded(), null);
            }
            if (remote != null) {
                ctx.services().remotes().setRemote(cluster, remote);
            }
            return ctx.services().attach().attach(new ClusterAttach.Request(cluster, in.kubeconfig(), in.context(),
                    in.useExistingArgoCd()), ctx.progress());
        } catch (RuntimeException e) {
            if (fresh && ctx.services().sessions().exists(cluster)) {
                ctx.services().clusters().delete(cluster);
            }
            throw e;
        }
    }

    static String attachedText(ClusterAttach.Attached a, TextStyle style) {
        StringBuilder out = new StringBuilder("Attached cluster " + a.cluster() + " (context " + a.context() + "): "
                + a.facts().describe() + "\n");
        a.installed().forEach(i -> out.append("  installed ").append(i).append('\n'));
        a.warnings().forEach(w -> out.append("  warning: ").append(w).append('\n'));
        out.append(style.hint("  remove it again with: ", Suggestion.of("cluster", "detach").arg("cluster", a.cluster()),
                "\n"));
        return out.toString();
    }

    static String detachedText(ClusterAttach.Detached d, TextStyle style) {
        StringBuilder out = new StringBuilder("Detached cluster " + d.cluster() + " (context " + d.context() + ")\n");
        d.removed().forEach(r -> out.append("  removed ").append(r).append('\n'));
        out.append(style.hint("  its GitOps repo and session are kept; remove them with: ",
                Suggestion.of("cluster", "delete").arg("cluster", d.cluster()), "\n"));
        return out.toString();
    }
}

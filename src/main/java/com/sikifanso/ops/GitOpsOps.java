package com.sikifanso.ops;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.TextStyle;
import com.sikifanso.gitops.GitOpsRemotes.RemoteStatus;

/** A cluster's GitOps repo and the git server it is published to. */
public final class GitOpsOps {
    private GitOpsOps() {
    }

    public record StatusInput(@Param(Param.CLUSTER) String cluster,
                              @Param(value = "Ask the remote first (a network call)", defaultValue = "true")
                              Boolean fetch) implements ClusterScoped {
        boolean fetching() {
            return fetch == null || fetch;
        }
    }

    public record PushInput(@Param(Param.CLUSTER) String cluster) implements ClusterScoped {
    }

    public record RemoteSetInput(@Param(Param.CLUSTER) String cluster,
                                 @Param("Git remote URL: https://, ssh://, git@HOST:PATH or file://") String url)
            implements ClusterScoped {
    }

    public static final Operation<StatusInput, RemoteStatus> STATUS = Operation.of("gitops_status",
            "Where the cluster's GitOps repo stands against its git remote: branch, commits not pushed, commits "
                    + "not pulled.",
            Toolset.cluster, Safety.READ, StatusInput.class, RemoteStatus.class,
            (in, ctx) -> ctx.services().remotes().status(in.clusterName(), in.fetching()), GitOpsOps::text);

    public static final Operation<PushInput, RemoteStatus> PUSH = Operation.of("gitops_push",
            "Push the GitOps repo's commits its remote lacks (after a failed push), replaying them on what the "
                    + "remote has.",
            Toolset.cluster, Safety.PUBLISH, PushInput.class, RemoteStatus.class,
            (in, ctx) -> ctx.services().remotes().push(in.clusterName()), GitOpsOps::text)
            .cliOnly("a failed push is retried by a person, whose network and git credentials it needs; every change "
                    + "a tool makes is pushed with it");

    public static final Operation<RemoteSetInput, RemoteStatus> REMOTE_SET = Operation.of("gitops_remote_set",
            "Publish the cluster's GitOps repo to a git server and push every later change there.",
            Toolset.cluster, Safety.PUBLISH, RemoteSetInput.class, RemoteStatus.class,
            GitOpsOps::setRemote, GitOpsOps::text)
            .cliOnly("where a cluster's repo is published, with whose credentials, is a person's choice at a terminal");

    /** The remote set and pushed, a running cluster's Argo CD reads it from then on. */
    private static RemoteStatus setRemote(RemoteSetInput in, OperationContext ctx) {
        RemoteStatus status = ctx.services().remotes().setRemote(in.clusterName(), in.url());
        ctx.services().remoteReader().follow(in.clusterName(), ctx.progress());
        return status;
    }

    static java.util.List<Operation<?, ?>> all() {
        return java.util.List.of(STATUS, PUSH, REMOTE_SET);
    }

    static String text(RemoteStatus s, TextStyle style) {
        if (s.url() == null) {
            return style.hint("cluster " + s.cluster() + ": the GitOps repo (branch " + s.branch() + ") has no remote; it"
                    + " is read from this machine only\n  publish it with: ", Suggestion.of("cluster", "gitops", "remote",
                    "set").arg("url", "URL").cluster(s.cluster()), "\n");
        }
        StringBuilder out = new StringBuilder("cluster " + s.cluster() + ": branch " + s.branch() + " at " + s.url()
                + "\n");
        out.append("  ").append(s.ahead() == 0 ? "everything pushed" : style.hint(s.ahead() + " commit"
                + (s.ahead() == 1 ? "" : "s") + " not pushed (", Suggestion.of("cluster", "gitops", "push")
                .cluster(s.cluster()), ")"))
                .append('\n');
        if (s.behind() > 0) {
            out.append("  ").append(s.behind()).append(" commit").append(s.behind() == 1 ? "" : "s")
                    .append(" on the remote not here yet (taken in before the next change)\n");
        }
        if (s.fetchError() != null) {
            out.append("  ").append(style.yellow("cannot reach the remote: " + s.fetchError()
                    + " (figures as of the last fetch)")).append('\n');
        }
        return out.toString();
    }
}

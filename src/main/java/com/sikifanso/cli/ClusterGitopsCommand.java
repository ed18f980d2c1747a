package com.sikifanso.cli;

import com.sikifanso.ops.GitOpsOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gitops", description = {"The cluster's GitOps repo and the git server it is published to.",
    "With a remote, every change is made on top of what the remote has and pushed after it.",
    "Credentials come from your git setup (credential helpers, ssh-agent, ~/.ssh) or",
    "SIKIFANSO_GIT_TOKEN, and are never stored."},
        subcommands = {ClusterGitopsCommand.Status.class, ClusterGitopsCommand.Push.class,
            ClusterGitopsCommand.Remote.class},
        footer = {"", "Examples:", "  sikifanso cluster gitops remote set git@github.com:me/lab-gitops.git",
            "  sikifanso cluster gitops status", "  sikifanso cluster gitops push"})
final class ClusterGitopsCommand {

    @Command(name = "status", description = "Show the branch, the remote, and commits not pushed or not pulled.")
    static final class Status extends BaseCommand {
        @Option(names = "--offline", description = "Do not ask the remote; counts as of the last fetch.")
        boolean offline;

        @Override
        int run() {
            perform(GitOpsOps.STATUS, new GitOpsOps.StatusInput(cluster(), !offline));
            return 0;
        }
    }

    @Command(name = "push", description = "Push the commits the remote lacks (after a push failed).")
    static final class Push extends BaseCommand {
        @Override
        int run() {
            perform(GitOpsOps.PUSH, new GitOpsOps.PushInput(cluster()));
            return 0;
        }
    }

    @Command(name = "remote", description = "Set where the GitOps repo is published.",
            subcommands = {ClusterGitopsCommand.RemoteSet.class})
    static final class Remote {
    }

    @Command(name = "set", description = {"Publish the GitOps repo to URL and push every later change there.",
        "The remote must be empty or hold this repo's history; the whole history is pushed now."},
            footer = {"", "Examples:", "  sikifanso cluster gitops remote set https://github.com/me/lab-gitops.git",
                "  sikifanso cluster gitops remote set git@github.com:me/lab-gitops.git -c lab2"})
    static final class RemoteSet extends BaseCommand {
        @Parameters(index = "0", paramLabel = "URL",
                description = "https://HOST/PATH.git, ssh://..., git@HOST:PATH.git or file:///PATH (no password in it).")
        String url;

        @Override
        int run() {
            perform(GitOpsOps.REMOTE_SET, new GitOpsOps.RemoteSetInput(cluster(), url));
            return 0;
        }
    }
}

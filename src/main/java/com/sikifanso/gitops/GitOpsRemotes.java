package com.sikifanso.gitops;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.SikifansoException;

/**
 * Publishing a cluster's GitOps repo to a git server: setting the remote, pushing what is not there yet, and saying
 * where the two stand. Each holds the cluster's lock, so it never races a change.
 */
public final class GitOpsRemotes {
    /**
     * @param url the remote, any password in it masked; null when the repo is only on this machine
     * @param fetchError why the remote could not be asked, when it could not
     */
    public record RemoteStatus(String cluster, String url, String branch, int ahead, int behind, String fetchError) {
        static RemoteStatus of(ClusterName cluster, GitOpsRemote.Status s) {
            return new RemoteStatus(cluster.value(), s.url(), s.branch(), s.ahead(), s.behind(), s.fetchError());
        }
    }

    private final ClusterRepos repos;

    public GitOpsRemotes(ClusterRepos repos) {
        this.repos = repos;
    }

    /** Where the repo stands against its remote, asking the remote first when {@code fetch}. */
    public RemoteStatus status(ClusterName cluster, boolean fetch) {
        return repos.locked(cluster, repo -> RemoteStatus.of(cluster, repos.remoteOf(cluster, repo).status(fetch)));
    }

    /**
     * Sets (or moves) the remote and pushes the whole history there. Refused, with nothing changed, for a URL that is
     * not one, a remote that cannot be reached, and a branch there with a history of its own.
     */
    public RemoteStatus setRemote(ClusterName cluster, String url) {
        String checked = RemoteUrls.require(url);
        return repos.locked(cluster, repo -> {
            GitOpsRemote remote = repos.remoteOf(cluster, repo);
            String previous = remote.url().orElse(null);
            try {
                remote.setUrl(checked);
            } catch (SikifansoException e) {
                restore(remote, previous);
                throw e;
            }
            remote.catchUp();
            remote.push();
            return RemoteStatus.of(cluster, remote.status(false));
        });
    }

    /** Pushes the commits the remote has not got, after catching up with what it has. */
    public RemoteStatus push(ClusterName cluster) {
        return repos.locked(cluster, repo -> {
            GitOpsRemote remote = repos.remote(cluster, repo).orElseThrow(() -> SikifansoException.usage(
                    "the GitOps repo of cluster \"" + cluster.value() + "\" has no remote to push to",
                    "set one with: ", Suggestion.of("cluster", "gitops", "remote", "set").arg("url", "URL")
                            .cluster(cluster.value())));
            remote.fetch().ifPresent(reason -> {
                throw SikifansoException.failure("cannot reach the GitOps remote: " + reason + "; nothing was pushed",
                        "check the network and your git credentials, then run it again");
            });
            remote.catchUp();
            remote.push();
            return RemoteStatus.of(cluster, remote.status(false));
        });
    }

    /** A refused URL leaves the remote as it was. */
    private static void restore(GitOpsRemote remote, String previous) {
        remote.unset();
        if (previous != null) {
            remote.setUrlUnchecked(previous);
        }
    }
}

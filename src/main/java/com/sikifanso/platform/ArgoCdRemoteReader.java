package com.sikifanso.platform;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Progress;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.kube.KubeClients;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Turns a running cluster's Argo CD to the GitOps repo's remote once one is set: its repository Secret and the root
 * ApplicationSets, as {@code cluster create} makes them for a repo that has a remote from the start.
 */
public final class ArgoCdRemoteReader {
    private final SessionStore sessions;
    private final KubeClients clients;
    private final Map<String, String> gitEnv;

    public ArgoCdRemoteReader(SessionStore sessions, KubeClients clients, Map<String, String> gitEnv) {
        this.sessions = sessions;
        this.clients = clients;
        this.gitEnv = gitEnv;
    }

    /** Points the cluster's Argo CD at where the repo is read from now; a cluster not running is told what to do. */
    public void follow(ClusterName cluster, Progress progress) {
        Session session = sessions.load(cluster);
        ArgoCdGitSource.Prepared source = ArgoCdGitSource.prepare(Path.of(session.gitOpsPath()), gitEnv);
        if (source.remote().isEmpty()) {
            progress.note("Argo CD keeps reading " + source + ": a file:// remote is a path a cluster cannot reach");
            return;
        }
        if (session.state() != ClusterState.RUNNING) {
            progress.note("cluster " + cluster.value() + " is " + session.state() + ": Argo CD is pointed at "
                    + source + " when you run this again once it runs");
            return;
        }
        try (KubernetesClient kube = clients.forCluster(cluster)) {
            List<String> applied = ArgoCdGitSource.apply(kube, source);
            progress.note("Argo CD reads " + source + " (ApplicationSets " + String.join(", ", applied)
                    + (source.secret().isPresent() ? "; repository Secret " + secretName() + ")" : ")"));
        } catch (SikifansoException e) {
            throw SikifansoException.failure(e.getMessage() + "; the remote is set and pushed, but Argo CD still "
                    + "reads where it did", e.hint(), e);
        }
    }

    private static String secretName() {
        return com.sikifanso.gitops.ApplicationSets.NAMESPACE + "/" + ArgoCdGitSource.REPOSITORY_SECRET;
    }
}

package com.sikifanso.kube;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.sikifanso.core.Throwables;
import com.sikifanso.core.Names;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** A running cluster's session and API: what every command that asks the cluster itself starts from. */
public final class LiveCluster {
    private final SessionStore sessions;
    private final KubeClients clients;

    public LiveCluster(SessionStore sessions, KubeClients clients) {
        this.sessions = sessions;
        this.clients = clients;
    }

    /** The session of {@code cluster}, refused unless it is running: there is no API to ask otherwise. */
    public Session requireRunning(ClusterName cluster) {
        Session session = sessions.load(cluster);
        if (session.state() != ClusterState.RUNNING) {
            throw SikifansoException.failure("cluster \"" + cluster + "\" is not running (state: " + session.state()
                            + "), so there is nothing to ask", bringUp(cluster, session.state()));
        }
        return session;
    }

    /** How a cluster that is not running comes up: its nodes created when it has none yet, else started. */
    public Hint bringUp(ClusterName cluster) {
        return bringUp(cluster, sessions.load(cluster).state());
    }

    private static Hint bringUp(ClusterName cluster, ClusterState state) {
        return state == ClusterState.NOT_CREATED
                ? Hint.of("create its nodes with: ", Suggestion.of("cluster", "create").arg("name", cluster))
                : Hint.of("start it with: ", Suggestion.of("cluster", "start").arg("cluster", cluster));
    }

    public boolean running(ClusterName cluster) {
        return sessions.load(cluster).state() == ClusterState.RUNNING;
    }

    public KubernetesClient kube(ClusterName cluster) {
        requireRunning(cluster);
        return clients.forCluster(cluster);
    }

    /**
     * A failed API call, as the user-facing error, knowing whether the cluster is attached: an attached cluster is
     * not started by sikifanso, so its hint is the context and its credentials, not {@code cluster start}.
     */
    public SikifansoException unreachable(ClusterName cluster, KubernetesClientException e) {
        return new Attachments(sessions.home()).find(cluster).map(a -> unreachableAttached(cluster, a, e))
                .orElseGet(() -> unreachableLocal(cluster, e));
    }

    /** What to try when the cluster's API does not answer: its context and login when attached, else start it. */
    public Hint whatToTry(ClusterName cluster) {
        return new Attachments(sessions.home()).find(cluster).map(a -> checkTheContext(cluster))
                .orElseGet(() -> startIt(cluster));
    }

    /** A failed API call of a local (k3d) cluster: which cluster could not be reached, and what to try. */
    public static SikifansoException unreachableLocal(ClusterName cluster, KubernetesClientException e) {
        return SikifansoException.failure(Hint.text("cannot talk to the Kubernetes API of cluster \"" + cluster
                + "\": " + detail(e)), startIt(cluster), e);
    }

    /** A local cluster is down when sikifanso has not started it. */
    public static Hint startIt(ClusterName cluster) {
        return Hint.of("is it up? start it with: ", Suggestion.of("cluster", "start").arg("cluster", cluster));
    }

    /** An attached cluster's API did not answer: its context's server or its credentials (a cloud CLI's login). */
    public static SikifansoException unreachableAttached(ClusterName cluster, Attachment a,
                                                         KubernetesClientException e) {
        return SikifansoException.failure(Hint.text("cannot talk to the Kubernetes API of attached cluster \""
                + cluster + "\" (context " + a.context() + " in " + a.kubeconfig() + "): " + detail(e)),
                checkTheContext(cluster), e);
    }

    /** sikifanso neither starts nor stops an attached cluster: its context's server and login are what to check. */
    public static Hint checkTheContext(ClusterName cluster) {
        return Hint.of("check that context's server and credentials (for EKS, GKE or AKS, log in again with the"
                + " cloud's CLI: aws sso login, gcloud auth login, az login), then see what answers with: ",
                Suggestion.of("cluster", "doctor").arg("cluster", cluster));
    }

    private static String detail(KubernetesClientException e) {
        return e.getCode() == 0 || e.getStatus() == null ? Throwables.rootMessage(e)
                : "HTTP " + e.getCode() + " " + e.getStatus().getMessage();
    }

}

package com.sikifanso.cluster;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Progress;
import com.sikifanso.infra.InfraConfig;
import com.sikifanso.session.Session;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Brings Kubernetes up on freshly started nodes: the seam between the Docker half of
 * {@code cluster create} and the Kubernetes half (API wait, Cilium and Argo CD installs,
 * Applications, ApplicationSets). It runs after the kubeconfig is merged; a failure or a
 * {@link com.sikifanso.core.SikifansoException} it throws makes create remove the nodes again.
 * {@link ApiServerWait} alone is the bootstrap of the Docker-only wiring and tests; the full one,
 * {@code com.sikifanso.platform.PlatformBootstrap}, starts with {@link ApiServerWait#awaitApiServer}
 * and is wired in {@code Services}.
 */
public interface ClusterBootstrap {

    /**
     * What the bootstrap gets to work with.
     *
     * @param kubeconfig the cluster's own kubeconfig (YAML), pointing at {@code apiUrl}
     * @param apiUrl the API server as the host reaches it, e.g. https://127.0.0.1:6443
     * @param serverAddress server-0's IP on the cluster network, the API server as the nodes reach it (port 6443)
     * @param deadline when the whole bootstrap must have finished
     */
    record Target(String cluster, String kubeconfig, String apiUrl, String serverAddress, Session.Ports ports,
                  InfraConfig infra, Path gitOps, Instant deadline, java.time.Duration timeout) {
    }

    /** Returns the services it installed (Argo CD, Hubble), for the session; empty when it installed none. */
    Optional<Session.Services> bootstrap(Target target, Progress progress);

    /**
     * After {@code cluster start}: until the restarted cluster answers again, like k3d's start
     * waits for its server. Throws a timeout {@link com.sikifanso.core.SikifansoException} otherwise.
     */
    default void awaitStarted(String apiUrl, Instant deadline, java.time.Duration timeout,
                              Progress progress) {
        new ApiServerWait(java.time.Clock.systemUTC()).awaitApiServer(apiUrl, deadline, timeout, progress);
    }

    /**
     * After {@code cluster start} answered again: warns through {@code progress}, with the fix, when
     * the platform is pointed at another address than server-0's current {@code serverAddress}.
     */
    default void checkStarted(ClusterName cluster, String serverAddress, Progress progress) {
    }
}

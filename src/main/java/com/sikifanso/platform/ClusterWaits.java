package com.sikifanso.platform;

import com.sikifanso.core.Progress;
import com.sikifanso.core.Deadline;
import com.sikifanso.core.Throwables;
import com.sikifanso.core.GoDurations;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.kube.Conditions;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The bootstrap's waits on the Kubernetes API, each polling until its condition holds or its
 * timeout passes; a timeout is a {@link SikifansoException#TIMEOUT} naming what was last seen.
 */
public final class ClusterWaits {
    public static final String ADMIN_SECRET = "argocd-initial-admin-secret";
    private static final Duration REPORT_EVERY = Duration.ofSeconds(15);

    private final Clock clock;
    private final Duration poll;

    public ClusterWaits(Clock clock, Duration poll) {
        this.clock = clock;
        this.poll = poll;
    }

    /** What a poll saw: done with a value, or not yet with what is missing. */
    private record Seen<T>(T value, String missing) {
        static <T> Seen<T> done(T value) {
            return new Seen<>(value, null);
        }

        static <T> Seen<T> notYet(String missing) {
            return new Seen<>(null, missing);
        }
    }

    @FunctionalInterface
    private interface Check<T> {
        Seen<T> look();
    }

    /** Until at least one Node object exists (k3s registers its node soon after the API server answers). */
    public List<String> firstNode(KubernetesClient kube, Duration timeout, Progress progress) {
        progress.step("waiting for the first node to register");
        return until(timeout, progress, () -> {
            List<Node> nodes = kube.nodes().list().getItems();
            return nodes.isEmpty() ? Seen.notYet("the API server answers but no node has registered yet")
                    : Seen.done(nodes.stream().map(n -> n.getMetadata().getName()).toList());
        }, "no node registered", "look at the server's log (docker logs of the cluster's server-0 container),"
                + " or give it longer with --timeout");
    }

    /**
     * Until every node reports Ready=True (they do once Cilium runs on them); fails early when
     * k3s cannot pull an image of Cilium's pods in {@code ciliumNamespace}.
     */
    public void nodesReady(KubernetesClient kube, String ciliumNamespace, Duration timeout,
                           Progress progress) {
        progress.step("waiting for the nodes to be Ready");
        until(timeout, progress, () -> {
            List<Node> nodes = kube.nodes().list().getItems();
            if (nodes.isEmpty()) {
                return Seen.notYet("no nodes");
            }
            List<String> notReady = nodes.stream().filter(n -> !Conditions.isReady(n))
                    .map(n -> n.getMetadata().getName()).toList();
            return notReady.isEmpty() ? Seen.done(true) : Seen.notYet((nodes.size() - notReady.size()) + "/"
                    + nodes.size() + " nodes Ready; not Ready: " + String.join(", ", notReady)
                    + PodImagePulls.check(kube, ciliumNamespace));
        }, "the nodes did not become Ready", "Cilium may not be running: kubectl -n kube-system get pods"
                + " --context <k3d-cluster>, or give it longer with --timeout");
    }


    /** Until each Deployment reports Available=True; fails early on an image k3s cannot pull there. */
    public void deploymentsAvailable(KubernetesClient kube, String namespace, List<String> names, Duration timeout,
                                     Progress progress) {
        progress.step("waiting for " + String.join(", ", names) + " in " + namespace + " to be available");
        until(timeout, progress, () -> {
            List<String> waiting = new ArrayList<>();
            for (String name : names) {
                Deployment d = kube.apps().deployments().inNamespace(namespace).withName(name).get();
                if (d == null) {
                    waiting.add("Deployment " + namespace + "/" + name + " does not exist");
                } else if (!Conditions.isAvailable(d)) {
                    waiting.add("Deployment " + namespace + "/" + name + " is not available ("
                            + orZero(d.getStatus() == null ? null : d.getStatus().getAvailableReplicas()) + "/"
                            + orZero(d.getSpec() == null ? null : d.getSpec().getReplicas()) + " replicas)");
                }
            }
            return waiting.isEmpty() ? Seen.done(true) : Seen.notYet(String.join("; ", waiting)
                    + PodImagePulls.check(kube, namespace));
        }, "Argo CD did not become available", "look at its pods: kubectl -n " + namespace
                + " get pods --context <k3d-cluster>, or give it longer with --timeout");
    }


    /**
     * Until no Application that one of {@code applicationSets} generated is left: their finalizers delete what they
     * deployed, which needs Argo CD still running.
     */
    public void applicationsGone(KubernetesClient kube, String namespace, List<String> applicationSets,
                                 Duration timeout, Progress progress) {
        if (applicationSets.isEmpty()) {
            return;
        }
        progress.step("waiting for the Applications of " + String.join(", ", applicationSets) + " to be removed");
        until(timeout, progress, () -> {
            List<String> left = kube.genericKubernetesResources(com.sikifanso.argocd.ArgoCdResources.APPLICATION)
                    .inNamespace(namespace).list().getItems().stream()
                    .filter(app -> app.getMetadata().getOwnerReferences() != null && app.getMetadata()
                            .getOwnerReferences().stream().anyMatch(o -> "ApplicationSet".equals(o.getKind())
                                    && applicationSets.contains(o.getName())))
                    .map(app -> app.getMetadata().getName()).toList();
            return left.isEmpty() ? Seen.done(true) : Seen.notYet("Applications " + String.join(", ", left)
                    + " are still being removed");
        }, "the Applications were not removed", "look at them: kubectl -n " + namespace + " get applications");
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }

    /** Argo CD's initial admin password, once its Secret exists; empty (with a warning) if it never does. */
    public Optional<String> adminPassword(KubernetesClient kube, String namespace, Duration timeout,
                                          Progress progress) {
        try {
            return Optional.of(until(timeout, progress, () -> {
                Secret s = kube.secrets().inNamespace(namespace).withName(ADMIN_SECRET).get();
                String encoded = s == null || s.getData() == null ? null : s.getData().get("password");
                return encoded == null || encoded.isEmpty() ? Seen.notYet("no Secret " + namespace + "/"
                        + ADMIN_SECRET + " with a password yet")
                        : Seen.done(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
            }, "the Argo CD admin password was not found", null));
        } catch (SikifansoException e) {
            progress.note("warning: " + e.getMessage() + "; read it later with: kubectl -n " + namespace
                    + " get secret " + ADMIN_SECRET + " -o jsonpath={.data.password} | base64 -d");
            return Optional.empty();
        }
    }

    private <T> T until(Duration timeout, Progress progress, Check<T> check, String failure, String hint) {
        Deadline deadline = Deadline.after(clock, timeout);
        Instant nextReport = clock.instant().plus(REPORT_EVERY);
        String last = "no answer yet";
        while (true) {
            try {
                Seen<T> seen = check.look();
                if (seen.missing() == null) {
                    return seen.value();
                }
                last = seen.missing();
            } catch (KubernetesClientException e) {
                last = e.getCode() > 0 ? "the API server answered HTTP " + e.getCode() + " ("
                        + Throwables.firstLine(e.getMessage()) + ")" : "the API server did not answer: " + Throwables.rootMessage(e);
            }
            Instant now = clock.instant();
            if (deadline.passed()) {
                throw new SikifansoException(failure + " within " + GoDurations.format(timeout) + " (" + last + ")",
                        hint, SikifansoException.TIMEOUT, null);
            }
            if (!now.isBefore(nextReport)) {
                progress.note("still waiting: " + last);
                nextReport = now.plus(REPORT_EVERY);
            }
            deadline.pause(poll, "the cluster (" + last + ")");
        }
    }
}

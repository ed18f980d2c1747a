package com.sikifanso.credentials;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.Deadline;
import com.sikifanso.core.GoDurations;
import com.sikifanso.core.SikifansoException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code kubectl rollout restart} for an app's Deployments and StatefulSets (those labelled with
 * its Helm release, which Argo CD names after the app), and the wait until they rolled: pods read
 * Secrets into their environment only when they start.
 */
final class Rollouts {
    static final String INSTANCE_LABEL = "app.kubernetes.io/instance";
    static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

    private final Clock clock;
    private final Duration poll;

    Rollouts(Clock clock, Duration poll) {
        this.clock = clock;
        this.poll = poll;
    }

    /** A workload restarted: kind, namespace and name. */
    record Workload(String kind, String namespace, String name) {
        @Override
        public String toString() {
            return kind + " " + namespace + "/" + name;
        }
    }

    List<Workload> restart(KubernetesClient kube, String namespace, String app) {
        String patch = "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"" + RESTARTED_AT + "\":\""
                + clock.instant() + "\"}}}}}";
        List<Workload> restarted = new ArrayList<>();
        for (Deployment d : kube.apps().deployments().inNamespace(namespace).withLabel(INSTANCE_LABEL, app).list()
                .getItems()) {
            kube.apps().deployments().inNamespace(namespace).withName(d.getMetadata().getName())
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
            restarted.add(new Workload("Deployment", namespace, d.getMetadata().getName()));
        }
        for (StatefulSet s : kube.apps().statefulSets().inNamespace(namespace).withLabel(INSTANCE_LABEL, app).list()
                .getItems()) {
            kube.apps().statefulSets().inNamespace(namespace).withName(s.getMetadata().getName())
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
            restarted.add(new Workload("StatefulSet", namespace, s.getMetadata().getName()));
        }
        return restarted;
    }

    /** Waits until every workload has rolled out its new pods; exit code 3 when {@code timeout} passes first. */
    void await(KubernetesClient kube, List<Workload> workloads, Duration timeout, Consumer<String> progress) {
        Deadline deadline = Deadline.after(clock, timeout);
        List<Workload> waiting = new ArrayList<>(workloads);
        Workload reported = null;
        while (true) {
            waiting.removeIf(w -> rolled(kube, w));
            if (waiting.isEmpty()) {
                return;
            }
            if (deadline.passed()) {
                throw SikifansoException.timeout("not rolled out within " + GoDurations.format(timeout) + ": "
                        + String.join(", ", waiting.stream().map(Workload::toString).toList()),
                        "the new credentials are in place; see why with: ", Suggestion.of("app", "status")
                                .arg("name", "NAME"), ", or give it longer with --timeout");
            }
            if (!waiting.getFirst().equals(reported)) {
                reported = waiting.getFirst();
                progress.accept("waiting for " + reported + " to roll out its restarted pods");
            }
            deadline.pause(poll, "the restarted workloads");
        }
    }

    private static boolean rolled(KubernetesClient kube, Workload w) {
        if (w.kind().equals("Deployment")) {
            Deployment d = kube.apps().deployments().inNamespace(w.namespace()).withName(w.name()).get();
            return d == null || d.getStatus() != null && observed(d, d.getStatus().getObservedGeneration())
                    && wanted(d.getSpec().getReplicas()) == count(d.getStatus().getUpdatedReplicas())
                    && wanted(d.getSpec().getReplicas()) == count(d.getStatus().getAvailableReplicas());
        }
        StatefulSet s = kube.apps().statefulSets().inNamespace(w.namespace()).withName(w.name()).get();
        return s == null || s.getStatus() != null && observed(s, s.getStatus().getObservedGeneration())
                && Objects.equals(s.getStatus().getUpdateRevision(), s.getStatus().getCurrentRevision())
                && wanted(s.getSpec().getReplicas()) == count(s.getStatus().getReadyReplicas());
    }

    private static boolean observed(HasMetadata object, Long observedGeneration) {
        Long generation = object.getMetadata().getGeneration();
        return generation == null || observedGeneration != null && observedGeneration >= generation;
    }

    /** Kubernetes defaults an unset replica count to 1, and an unset status count means none. */
    private static int wanted(Integer replicas) {
        return replicas == null ? 1 : replicas;
    }

    private static int count(Integer replicas) {
        return replicas == null ? 0 : replicas;
    }

}

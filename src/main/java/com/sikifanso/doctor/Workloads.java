package com.sikifanso.doctor;

import com.sikifanso.core.Hint;
import com.sikifanso.kube.Conditions;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Readiness of the nodes and of the platform's workloads (Cilium, Hubble, Argo CD), each failure
 * with the first pod that explains it.
 */
final class Workloads {
    private final KubernetesClient kube;

    Workloads(KubernetesClient kube) {
        this.kube = kube;
    }

    /** What the caller needs to name the fix: the row name and the command to suggest. */
    record Target(String row, String kind, String namespace, String name, Hint fix) {
    }

    CheckResult nodes(String row, Hint fix) {
        List<Node> nodes = kube.nodes().list().getItems();
        if (nodes.isEmpty()) {
            return CheckResult.fail(row, "no nodes", "the API server lists no nodes: k3s has not registered any",
                    fix);
        }
        List<Node> notReady = nodes.stream().filter(n -> !Conditions.isReady(n)).toList();
        String counts = (nodes.size() - notReady.size()) + "/" + nodes.size() + " nodes Ready";
        if (notReady.isEmpty()) {
            return CheckResult.pass(row, counts);
        }
        Node first = notReady.get(0);
        String why = Conditions.nodeReady(first).map(c -> c.getReason() + (c.getMessage() == null ? ""
                : ": " + c.getMessage())).orElse("no Ready condition reported");
        return CheckResult.fail(row, counts, "node " + first.getMetadata().getName() + " is not Ready (" + why + ")",
                fix);
    }


    CheckResult workload(Target t) {
        return switch (t.kind()) {
            case "DaemonSet" -> daemonSet(t);
            case "StatefulSet" -> statefulSet(t);
            default -> deployment(t);
        };
    }

    private CheckResult daemonSet(Target t) {
        DaemonSet ds = kube.apps().daemonSets().inNamespace(t.namespace()).withName(t.name()).get();
        if (ds == null) {
            return missing(t);
        }
        int desired = ds.getStatus() == null ? 0 : orZero(ds.getStatus().getDesiredNumberScheduled());
        int ready = ds.getStatus() == null ? 0 : orZero(ds.getStatus().getNumberReady());
        return verdict(t, ready, desired, ds.getSpec().getSelector());
    }

    private CheckResult deployment(Target t) {
        Deployment d = kube.apps().deployments().inNamespace(t.namespace()).withName(t.name()).get();
        if (d == null) {
            return missing(t);
        }
        int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        int ready = d.getStatus() == null ? 0 : orZero(d.getStatus().getReadyReplicas());
        return verdict(t, ready, desired, d.getSpec().getSelector());
    }

    private CheckResult statefulSet(Target t) {
        StatefulSet s = kube.apps().statefulSets().inNamespace(t.namespace()).withName(t.name()).get();
        if (s == null) {
            return missing(t);
        }
        int desired = s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
        int ready = s.getStatus() == null ? 0 : orZero(s.getStatus().getReadyReplicas());
        return verdict(t, ready, desired, s.getSpec().getSelector());
    }

    private CheckResult verdict(Target t, int ready, int desired, LabelSelector selector) {
        String counts = t.kind() + " " + t.name() + ": " + ready + "/" + desired + " ready";
        if (desired > 0 && ready >= desired) {
            return CheckResult.pass(t.row(), counts);
        }
        String cause = desired == 0 ? t.kind() + " " + t.namespace() + "/" + t.name() + " wants no pods"
                : podCause(t.namespace(), selector).orElse(t.kind() + " " + t.namespace() + "/" + t.name()
                        + " has " + ready + " of " + desired + " pods ready");
        return CheckResult.fail(t.row(), counts, cause, t.fix());
    }

    private static CheckResult missing(Target t) {
        return CheckResult.fail(t.row(), "not found", t.kind() + " " + t.namespace() + "/" + t.name()
                + " does not exist", t.fix());
    }

    /** "pod P container C: Reason (message)" for the first pod of the selector that is not ready. */
    private Optional<String> podCause(String namespace, LabelSelector selector) {
        if (selector == null || selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty()) {
            return Optional.empty();
        }
        List<Pod> pods = kube.pods().inNamespace(namespace).withLabels(selector.getMatchLabels()).list().getItems();
        if (pods.isEmpty()) {
            return Optional.of("no pods exist for it in namespace " + namespace);
        }
        for (Pod pod : pods) {
            String name = pod.getMetadata().getName();
            if (pod.getStatus() == null) {
                return Optional.of("pod " + name + " has no status yet");
            }
            List<ContainerStatus> containers = pod.getStatus().getContainerStatuses() == null ? List.of()
                    : pod.getStatus().getContainerStatuses();
            for (ContainerStatus c : containers) {
                if (Boolean.TRUE.equals(c.getReady())) {
                    continue;
                }
                if (c.getState() != null && c.getState().getWaiting() != null) {
                    var w = c.getState().getWaiting();
                    return Optional.of("pod " + name + " container " + c.getName() + ": " + w.getReason()
                            + (w.getMessage() == null ? "" : " (" + w.getMessage() + ")"));
                }
                if (c.getState() != null && c.getState().getTerminated() != null) {
                    var term = c.getState().getTerminated();
                    return Optional.of("pod " + name + " container " + c.getName() + " terminated: "
                            + term.getReason() + (term.getMessage() == null ? "" : " (" + term.getMessage() + ")"));
                }
                return Optional.of("pod " + name + " container " + c.getName() + " is not ready");
            }
            if (!"Running".equals(pod.getStatus().getPhase())) {
                String reason = Objects.requireNonNullElse(pod.getStatus().getReason(), pod.getStatus().getPhase());
                return Optional.of("pod " + name + " is " + reason
                        + (pod.getStatus().getMessage() == null ? "" : " (" + pod.getStatus().getMessage() + ")"));
            }
        }
        return Optional.empty();
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }
}

package com.sikifanso.kube;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import java.util.Optional;

/** The status conditions the bootstrap waits on and the doctor reports: a node's Ready, a Deployment's Available. */
public final class Conditions {
    private Conditions() {
    }

    public static Optional<NodeCondition> nodeReady(Node node) {
        return node.getStatus() == null || node.getStatus().getConditions() == null ? Optional.empty()
                : node.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst();
    }

    /** Ready=True; a node that reports no Ready condition is not ready. */
    public static boolean isReady(Node node) {
        return nodeReady(node).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    /** Ready=True (every container ready); a pod that reports no Ready condition is not ready. */
    public static boolean isReady(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType())
                && "True".equals(c.getStatus()));
    }

    /** Available=True; a Deployment that reports no Available condition is not available. */
    public static boolean isAvailable(Deployment deployment) {
        return deployment.getStatus() != null && deployment.getStatus().getConditions() != null
                && deployment.getStatus().getConditions().stream().filter(c -> "Available".equals(c.getType()))
                .findFirst().map(DeploymentCondition::getStatus).map("True"::equals).orElse(false);
    }
}

package com.sikifanso.platform;

import com.sikifanso.core.SikifansoException;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images k3s is pulling for a namespace's pods, so a wait can say what it waits for, and the
 * ones it cannot pull, so the wait fails at once with the registry's answer instead of at its
 * timeout. Read from the kubelet's words: container states {@code ErrImagePull},
 * {@code ImagePullBackOff}, {@code InvalidImageName}, and events {@code Pulling} / {@code Pulled}.
 */
final class PodImagePulls {
    private static final Set<String> FAILED = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName");
    private static final Pattern QUOTED_IMAGE = Pattern.compile("image \"([^\"]+)\"");

    private PodImagePulls() {
    }

    /**
     * Fails with the image, the pod and the registry's message when a container's image cannot be
     * pulled; else returns "; pulling IMAGE, ..." for what is still being pulled, or "".
     */
    static String check(KubernetesClient kube, String namespace) {
        for (Pod pod : kube.pods().inNamespace(namespace).list().getItems()) {
            if (pod.getStatus() == null) {
                continue;
            }
            List<ContainerStatus> statuses = new ArrayList<>();
            if (pod.getStatus().getInitContainerStatuses() != null) {
                statuses.addAll(pod.getStatus().getInitContainerStatuses());
            }
            if (pod.getStatus().getContainerStatuses() != null) {
                statuses.addAll(pod.getStatus().getContainerStatuses());
            }
            for (ContainerStatus c : statuses) {
                var waiting = c.getState() == null ? null : c.getState().getWaiting();
                if (waiting != null && FAILED.contains(waiting.getReason())) {
                    throw SikifansoException.failure("k3s cannot pull " + c.getImage() + " for pod " + namespace + "/"
                                    + pod.getMetadata().getName() + " (" + waiting.getReason() + ": "
                                    + (waiting.getMessage() == null ? "no message" : waiting.getMessage()) + ")",
                            "check that the image exists and the node can reach its registry; a mirror or a login"
                                    + " for what the cluster pulls goes in cluster create --registry-config FILE");
                }
            }
        }
        Set<String> pulling = new LinkedHashSet<>();
        Set<String> pulled = new LinkedHashSet<>();
        for (Event e : kube.v1().events().inNamespace(namespace).list().getItems()) {
            String image = image(e.getMessage());
            if (image != null && "Pulling".equals(e.getReason())) {
                pulling.add(image);
            } else if (image != null && "Pulled".equals(e.getReason())) {
                pulled.add(image);
            }
        }
        pulling.removeAll(pulled);
        return pulling.isEmpty() ? "" : "; pulling " + String.join(", ", pulling);
    }

    private static String image(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = QUOTED_IMAGE.matcher(message);
        return m.find() ? m.group(1) : null;
    }
}

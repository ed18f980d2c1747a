package com.sikifanso.clusterfile;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The images a cluster's pods run, as the Kubernetes API reports them. The catalog's charts come from remote Helm
 * repositories, which cannot be rendered offline, so what the pods run is the one source that knows every image;
 * the digest is the node's {@code imageID} ({@code repo@sha256:...}) when a container has started.
 */
final class PodImages {
    private PodImages() {
    }

    static List<LockFile.Image> of(KubernetesClient client) {
        Map<String, LockFile.Image> byKey = new TreeMap<>();
        for (Pod pod : client.pods().inAnyNamespace().list().getItems()) {
            String namespace = pod.getMetadata().getNamespace();
            List<ContainerStatus> statuses = new ArrayList<>();
            if (pod.getStatus() != null) {
                statuses.addAll(nullToEmpty(pod.getStatus().getInitContainerStatuses()));
                statuses.addAll(nullToEmpty(pod.getStatus().getContainerStatuses()));
            }
            List<Container> containers = new ArrayList<>(nullToEmpty(pod.getSpec().getInitContainers()));
            containers.addAll(nullToEmpty(pod.getSpec().getContainers()));
            for (Container c : containers) {
                String digest = statuses.stream().filter(s -> c.getName().equals(s.getName()))
                        .map(s -> digestOf(s.getImageID())).filter(d -> d != null).findFirst().orElse(null);
                LockFile.Image image = new LockFile.Image(namespace, c.getImage(), digest);
                // One entry per image a namespace runs; a digest known from any of its pods wins over none.
                byKey.merge(namespace + " " + c.getImage(), image, (a, b) -> a.digest() != null ? a : b);
            }
        }
        List<LockFile.Image> images = new ArrayList<>(byKey.values());
        images.sort(Comparator.comparing(LockFile.Image::namespace).thenComparing(LockFile.Image::image));
        return images;
    }

    /** {@code sha256:...} of an imageID such as {@code docker.io/library/busybox@sha256:...}; null otherwise. */
    static String digestOf(String imageId) {
        if (imageId == null) {
            return null;
        }
        int at = imageId.lastIndexOf("@sha256:");
        if (at >= 0) {
            return imageId.substring(at + 1);
        }
        return imageId.startsWith("sha256:") ? imageId : null;
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}

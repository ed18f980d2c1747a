package com.sikifanso.doctor;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.Hint;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.catalog.GpuScheduling;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;

/**
 * For a cluster made with {@code --gpus}: whether a node offers {@code nvidia.com/gpu} to pods (its allocatable
 * resources), which needs the GPU inside the node container and the NVIDIA device plugin running on it.
 */
final class GpuAllocatable {
    static final String ROW = "GPUs";

    private final KubernetesClient kube;

    GpuAllocatable(KubernetesClient kube) {
        this.kube = kube;
    }

    CheckResult check(com.sikifanso.core.ClusterName cluster, String gpus, Path gitOps) {
        List<String> offering = kube.nodes().list().getItems().stream().filter(n -> allocatable(n) > 0)
                .map(n -> n.getMetadata().getName() + ": " + allocatable(n)).toList();
        if (!offering.isEmpty()) {
            return CheckResult.pass(ROW, GpuScheduling.RESOURCE + " allocatable on " + String.join(", ", offering));
        }
        String plugin = GpuScheduling.DEVICE_PLUGIN;
        if (!pluginEnabled(gitOps)) {
            return CheckResult.fail(ROW, "no node offers " + GpuScheduling.RESOURCE, "the nodes were made with --gpus "
                    + gpus + ", but the NVIDIA device plugin, which offers their GPUs to pods, is not enabled",
                    Hint.of(Suggestion.of("app", "enable").arg("names", plugin).cluster(cluster)));
        }
        return CheckResult.fail(ROW, "no node offers " + GpuScheduling.RESOURCE, "the nodes were made with --gpus "
                + gpus + " and the NVIDIA device plugin is enabled, but it reports no GPU: it is not running yet, the "
                + "Docker host has no NVIDIA container runtime, or the k3s image lacks the NVIDIA container toolkit",
                Hint.of("see what it says: ", Suggestion.of("app", "logs").arg("name", plugin).cluster(cluster),
                        "; nodes need a CUDA-enabled k3s image built as k3d's CUDA guide does: ",
                        Suggestion.of("cluster", "create").arg("name", "NAME").option("gpus", gpus)
                                .option("image", "IMAGE")));
    }

    private static long allocatable(Node node) {
        Quantity q = node.getStatus() == null || node.getStatus().getAllocatable() == null ? null
                : node.getStatus().getAllocatable().get(GpuScheduling.RESOURCE);
        return q == null ? 0 : Quantity.getAmountInBytes(q).longValue();
    }

    private static boolean pluginEnabled(Path gitOps) {
        Catalog catalog = Catalog.load(gitOps);
        return catalog.contains(GpuScheduling.DEVICE_PLUGIN) && catalog.get(GpuScheduling.DEVICE_PLUGIN).enabled();
    }
}

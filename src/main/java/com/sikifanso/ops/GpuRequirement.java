package com.sikifanso.ops;

import com.sikifanso.catalog.GpuScheduling;
import com.sikifanso.clusterfile.ClusterFile;
import com.sikifanso.clusterfile.LockFile;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Suggestion;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import java.util.List;

/**
 * Enabling an app that cannot run without a GPU (vLLM) on a cluster whose nodes sikifanso made without {@code --gpus}
 * is refused before anything is written: its pod would stay Pending for ever. Attached clusters and repos without
 * nodes ({@code --gitops-only}) are let through, as their GPUs are not known here.
 */
final class GpuRequirement {
    private static final Suggestion CREATE_WITH_GPUS = Suggestion.of("cluster", "create").arg("name", "NAME")
            .option("gpus", "all").option("image", "IMAGE");
    private static final String IMAGE_NOTE = " (IMAGE a CUDA-enabled k3s image, built as k3d's CUDA guide does)";

    private GpuRequirement() {
    }

    static void check(SessionStore sessions, ClusterName cluster, List<String> apps) {
        List<String> needing = needingAGpu(apps);
        // An unknown cluster gets its usual error from the operation itself.
        if (needing.isEmpty() || !sessions.exists(cluster)) {
            return;
        }
        Session.K3dConfig nodes = sessions.load(cluster).k3dConfig();
        if (nodes == null || nodes.gpus() != null) {
            return;
        }
        throw SikifansoException.failure(String.join(", ", needing) + " needs an NVIDIA GPU, and the nodes of cluster "
                        + cluster + " were made without --gpus",
                "its image runs only on a GPU; create a cluster whose nodes have GPUs: ", CREATE_WITH_GPUS,
                IMAGE_NOTE);
    }

    /**
     * A create whose file (or template), or lock, enables such an app on nodes it makes without GPUs, refused up
     * front. A lock records no GPUs (they belong to the machine), so one from a GPU cluster needs the flag again.
     */
    static void checkCreate(ClusterFile file, LockFile lock, boolean gitopsOnly) {
        List<String> apps = new java.util.ArrayList<>(file.apps() == null ? List.of() : file.apps());
        if (lock != null) {
            lock.apps().forEach(app -> apps.add(app.name()));
        }
        List<String> needing = needingAGpu(apps);
        if (needing.isEmpty() || gitopsOnly || file.nodesOrEmpty().gpus() != null) {
            return;
        }
        boolean fromFile = !needingAGpu(file.apps()).isEmpty();
        throw SikifansoException.usage((fromFile ? "apps: " : "the lock's apps: ") + String.join(", ", needing)
                        + " needs an NVIDIA GPU, and the nodes would have none",
                fromFile ? "write nodes: {gpus: all} in the file, or give the flag: "
                        : "a lock does not record the machine's GPUs; give the flag: ", CREATE_WITH_GPUS, IMAGE_NOTE);
    }

    private static List<String> needingAGpu(List<String> apps) {
        return apps == null ? List.of() : apps.stream().filter(GpuScheduling.NEED_A_GPU::contains).distinct().toList();
    }
}

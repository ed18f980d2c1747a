package com.sikifanso.catalog;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Suggestion;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Enabling an app that cannot run without a GPU (vLLM) on a cluster whose nodes sikifanso made without {@code --gpus}
 * is refused before anything is written: its pod would stay Pending for ever. Attached clusters and repos without
 * nodes ({@code --gitops-only}) are let through, as their GPUs are not known here. {@link AppService#enabling} asks it
 * for every change that enables apps, so app enable, the catalog browser, profiles, bundles, cluster files and locks
 * are all refused the same way.
 */
public final class GpuRequirement {
    private static final Suggestion CREATE_WITH_GPUS = Suggestion.of("cluster", "create").arg("name", "NAME")
            .option("gpus", "all").option("image", "IMAGE");
    private static final String IMAGE_NOTE = " (IMAGE a CUDA-enabled k3s image, built as k3d's CUDA guide does)";

    private final SessionStore sessions;

    public GpuRequirement(SessionStore sessions) {
        this.sessions = sessions;
    }

    /** Refuses {@code enabling} on {@code cluster} when one of them needs a GPU its nodes were made without. */
    void check(ClusterName cluster, List<String> enabling) {
        List<String> needing = needingAGpu(enabling);
        if (needing.isEmpty()) {
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
     * A create whose file (or template) enables {@code fileApps}, or whose lock {@code lockApps}, on nodes it makes
     * with {@code gpus} (null: none), refused up front. A lock records no GPUs (they belong to the machine), so one
     * from a GPU cluster needs the flag again.
     */
    public static void checkCreate(List<String> fileApps, List<String> lockApps, String gpus, boolean gitopsOnly) {
        List<String> apps = new ArrayList<>(fileApps == null ? List.of() : fileApps);
        apps.addAll(lockApps);
        List<String> needing = needingAGpu(apps);
        if (needing.isEmpty() || gitopsOnly || gpus != null) {
            return;
        }
        boolean fromFile = !needingAGpu(fileApps).isEmpty();
        throw SikifansoException.usage((fromFile ? "apps: " : "the lock's apps: ") + String.join(", ", needing)
                        + " needs an NVIDIA GPU, and the nodes would have none",
                fromFile ? "write nodes: {gpus: all} in the file, or give the flag: "
                        : "a lock does not record the machine's GPUs; give the flag: ", CREATE_WITH_GPUS, IMAGE_NOTE);
    }

    private static List<String> needingAGpu(List<String> apps) {
        return apps == null ? List.of() : apps.stream().filter(GpuScheduling.NEED_A_GPU::contains).distinct().toList();
    }
}

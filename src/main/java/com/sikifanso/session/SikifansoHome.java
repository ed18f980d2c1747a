package com.sikifanso.session;

import com.sikifanso.core.ClusterName;
import java.nio.file.Path;
import java.util.Map;

/** Where sikifanso keeps its state: {@code SIKIFANSO_HOME}, or {@code ~/.sikifanso}. */
public record SikifansoHome(Path root) {

    public static SikifansoHome fromEnvironment(Map<String, String> env) {
        String configured = env.get("SIKIFANSO_HOME");
        if (configured != null && !configured.isBlank()) {
            return new SikifansoHome(Path.of(configured).toAbsolutePath());
        }
        return new SikifansoHome(Path.of(System.getProperty("user.home"), ".sikifanso"));
    }

    public Path clustersDir() {
        return root.resolve("clusters");
    }

    public Path clusterDir(ClusterName cluster) {
        return clustersDir().resolve(cluster.value());
    }

    public Path sessionFile(ClusterName cluster) {
        return clusterDir(cluster).resolve("session.yaml");
    }

    public Path gitOpsDir(ClusterName cluster) {
        return clusterDir(cluster).resolve("gitops");
    }

    /** Lock files live outside the cluster directory so deleting a cluster never deletes a held lock. */
    public Path lockFile(ClusterName cluster) {
        return root.resolve("locks").resolve(cluster + ".lock");
    }

    public Path snapshotsDir() {
        return root.resolve("snapshots");
    }

    public Path logFile() {
        return root.resolve("sikifanso.log");
    }
}

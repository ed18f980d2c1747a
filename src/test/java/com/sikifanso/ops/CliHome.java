package com.sikifanso.ops;

import com.sikifanso.Services;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.K3dNames;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.SikifansoHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The command line's environment on a temp SIKIFANSO_HOME, KUBECONFIG and HOME (Docker as the machine has it), the
 * services the CLI wires on it, and a cluster name unique to the run, removed with its containers afterwards.
 */
record CliHome(Map<String, String> env, Services services, String name) {
    static CliHome at(Path tmp, String prefix) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("SIKIFANSO_HOME", tmp.resolve("home").toString());
        env.put("KUBECONFIG", tmp.resolve("kube/config").toString());
        env.put("HOME", tmp.toString());
        env.remove("SIKIFANSO_CLUSTER");
        Services services = new Services(BuildInfo.load(), SikifansoHome.fromEnvironment(env), Duration.ofSeconds(30),
                msg -> { }, env);
        return new CliHome(env, services, prefix + "-" + Long.toString(System.nanoTime() % 46656, 36));
    }

    void removeTheCluster() {
        try {
            services.clusters().delete(ClusterName.of(name));
        } catch (SikifansoException alreadyGone) {
            // Deleted by the test itself; containers a failed step may have left are removed below.
        }
        try {
            services.clusters().backends().nodes().remove(new K3dNames(name));
        } catch (SikifansoException noDocker) {
            // Nothing can have been made in Docker then.
        }
    }
}

package com.sikifanso.doctor;

import com.sikifanso.core.ClusterName;
import com.sikifanso.catalog.CatalogEntry;
import com.sikifanso.catalog.CustomApp;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * bench/doctor.sh: doctor wall time against the mock API server and a scripted Docker engine with
 * APPS enabled apps and AGENTS agents, checks run one by one and in parallel. Figures only.
 * Usage: DoctorBench [APPS] [AGENTS] [RUNS]
 */
public final class DoctorBench {
    private DoctorBench() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.LogManager.getLogManager().reset(); // the mock server logs every request
        int apps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int agents = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        Path root = Files.createTempDirectory("doctor-bench");
        try (KubernetesClient kube = server.createClient(); ScriptedDocker docker = new ScriptedDocker()) {
            LabCluster lab = LabCluster.healthy(root, kube, docker);
            List<String> names = populate(lab, apps, agents);
            names.forEach(lab::healthyApplication);
            Doctor doctor = lab.doctor(Duration.ofSeconds(60));
            Doctor.Options sequential = new Doctor.Options(Duration.ofSeconds(10), false);
            Doctor.Options parallel = new Doctor.Options(Duration.ofSeconds(10), true);
            DoctorReport warm = doctor.examine(ClusterName.of(LabCluster.CLUSTER), parallel);
            doctor.examine(ClusterName.of(LabCluster.CLUSTER), sequential);
            long seq = median(doctor, sequential, runs);
            long par = median(doctor, parallel, runs);
            DoctorReport.Summary sum = warm.summary();
            System.out.printf("doctor: %d checks (%d apps, %d agents): %d pass, %d warn, %d fail; %d CPUs, JDK %s%n",
                    warm.checks().size(), apps, agents, sum.pass(), sum.warn(), sum.fail(),
                    Runtime.getRuntime().availableProcessors(), Runtime.version());
            System.out.printf("%-40s %10s %10s%n", "measure (median of " + runs + ", in-process)", "ms", "target");
            System.out.printf("%-40s %10d %10s%n", "doctor, checks one by one", seq, "-");
            System.out.printf("%-40s %10d %10s%n", "doctor, checks in parallel", par, "2000");
        } finally {
            server.destroy();
            com.sikifanso.core.LocalFiles.deleteRecursively(root);
        }
    }

    /** Enables {@code apps} apps (the catalog, then custom ones) and creates {@code agents} agents. */
    private static List<String> populate(LabCluster lab, int apps, int agents) {
        List<String> names = new ArrayList<>();
        List<String> catalog = lab.home.services().apps().catalog(ClusterName.of(LabCluster.CLUSTER)).entries().stream()
                .map(CatalogEntry::name).limit(apps).toList();
        lab.enable(catalog.toArray(String[]::new));
        names.addAll(catalog);
        for (int i = catalog.size(); i < apps; i++) {
            String name = "custom-" + i;
            CustomApp app = new CustomApp(name, "https://charts.example.com", "nginx", "1.0.0", name);
            lab.offline(() -> lab.home.services().apps().addWithValues(ClusterName.of(LabCluster.CLUSTER), app, "replicaCount: 1\n"));
            names.add(name);
        }
        for (int i = 0; i < agents; i++) {
            lab.agent("agent-" + i);
            names.add("agent-" + i);
        }
        return names;
    }

    private static long median(Doctor doctor, Doctor.Options options, int runs) {
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            doctor.examine(ClusterName.of(LabCluster.CLUSTER), options);
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(ms);
        return ms[runs / 2];
    }
}

package com.sikifanso.doctor;

import com.sikifanso.core.ClusterName;
import com.sikifanso.TestHome;
import com.sikifanso.argocd.ArgoCdResources;
import com.sikifanso.cluster.ClusterBackends;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.SessionStore;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cluster "lab" as the doctor sees it: a running session, server-0 in a scripted Docker engine, and
 * the platform's nodes and workloads written into fabric8's mock API server with their status.
 */
final class LabCluster {
    static final String CLUSTER = TestHome.CLUSTER;
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    /** The platform workloads: row name, kind, namespace, name. */
    record Workload(String row, String kind, String namespace, String name) {
    }

    static final List<Workload> WORKLOADS = List.of(
            new Workload("Cilium agent", "DaemonSet", "kube-system", "cilium"),
            new Workload("Cilium operator", "Deployment", "kube-system", "cilium-operator"),
            new Workload("Hubble relay", "Deployment", "kube-system", "hubble-relay"),
            new Workload("Argo CD server", "Deployment", "argocd", "argocd-server"),
            new Workload("Argo CD repo-server", "Deployment", "argocd", "argocd-repo-server"),
            new Workload("Argo CD application-controller", "StatefulSet", "argocd", "argocd-application-controller"),
            new Workload("Argo CD applicationset-controller", "Deployment", "argocd",
                    "argocd-applicationset-controller"),
            new Workload("Argo CD redis", "Deployment", "argocd", "argocd-redis"));

    final TestHome home;
    final KubernetesClient kube;
    final ScriptedDocker docker;

    private LabCluster(TestHome home, KubernetesClient kube, ScriptedDocker docker) {
        this.home = home;
        this.kube = kube;
        this.docker = docker;
    }

    /** A running, healthy lab: session running, server-0 running with the repo mounted, every workload ready. */
    static LabCluster healthy(Path root, KubernetesClient kube, ScriptedDocker docker) {
        LabCluster lab = new LabCluster(TestHome.withCluster(root), kube, docker);
        lab.state(ClusterState.RUNNING);
        docker.runningServer(CLUSTER, lab.home.gitOps().toString());
        docker.withResolvConf(CLUSTER, "nameserver 10.20.0.53\nnameserver 10.20.1.53\n");
        docker.withAddress(CLUSTER, ScriptedDocker.SERVER_ADDRESS, true);
        lab.ciliumApplication(ScriptedDocker.SERVER_ADDRESS);
        kube.nodes().resource(new NodeBuilder().withNewMetadata().withName("k3d-lab-server-0").endMetadata()
                .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
                .build()).create();
        WORKLOADS.forEach(w -> lab.workload(w, 1, 1));
        return lab;
    }

    void state(ClusterState state) {
        SessionStore sessions = home.services().sessions();
        sessions.save(sessions.load(ClusterName.of(CLUSTER)).withState(state));
    }

    /** The session as a create with {@code --gpus} leaves it. */
    void gpus(String gpus) {
        SessionStore sessions = home.services().sessions();
        com.sikifanso.session.Session s = sessions.load(ClusterName.of(CLUSTER));
        sessions.save(new com.sikifanso.session.Session(s.clusterName(), s.state(), s.createdAt(), s.bootstrapURL(),
                s.bootstrapVersion(), s.gitOpsPath(), s.services(), new com.sikifanso.session.Session.K3dConfig(
                        "rancher/k3s:v1.36.3-k3s1", 1, 0, null, gpus, null), s.ports()));
    }

    /** Enables catalog apps as committed changes (while "not-created", so no Argo CD refresh is attempted). */
    void enable(String... apps) {
        offline(() -> home.services().apps().enable(ClusterName.of(CLUSTER), List.of(apps)));
    }

    void agent(String name) {
        offline(() -> home.services().agents().create(ClusterName.of(CLUSTER), name, com.sikifanso.agents.AgentSpec.DEFAULTS));
    }

    void offline(Runnable change) {
        ClusterState was = home.services().sessions().load(ClusterName.of(CLUSTER)).state();
        state(ClusterState.NOT_CREATED);
        try {
            change.run();
        } finally {
            state(was);
        }
    }

    Doctor doctor(Duration grace) {
        ClusterBackends backends = ClusterBackends.forEnvironment(Map.of("DOCKER_HOST", docker.host()), "test",
                Clock.systemUTC());
        return new Doctor(home.services().sessions(), backends,
                cluster -> new KubernetesClientBuilder().withConfig(kube.getConfiguration()).build(), grace,
                Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    }

    DoctorReport examine() {
        return doctor(Duration.ofSeconds(60)).examine(ClusterName.of(CLUSTER), new Doctor.Options(Duration.ofSeconds(5), true));
    }

    static Workload workload(String row) {
        return WORKLOADS.stream().filter(w -> w.row().equals(row)).findFirst().orElseThrow();
    }

    /** Writes (or rewrites) a workload with {@code ready} of {@code desired} pods ready. */
    void workload(Workload w, int desired, int ready) {
        Map<String, String> labels = Map.of("app.kubernetes.io/name", w.name());
        switch (w.kind()) {
            case "DaemonSet" -> kube.apps().daemonSets().inNamespace(w.namespace()).resource(new DaemonSetBuilder()
                    .withNewMetadata().withName(w.name()).withNamespace(w.namespace()).endMetadata()
                    .withNewSpec().withNewSelector().withMatchLabels(labels).endSelector().endSpec()
                    .withNewStatus().withDesiredNumberScheduled(desired).withNumberReady(ready).endStatus().build())
                    .createOr(r -> r.update());
            case "StatefulSet" -> kube.apps().statefulSets().inNamespace(w.namespace()).resource(
                    new StatefulSetBuilder().withNewMetadata().withName(w.name()).withNamespace(w.namespace())
                            .endMetadata().withNewSpec().withReplicas(desired).withNewSelector()
                            .withMatchLabels(labels).endSelector().endSpec()
                            .withNewStatus().withReplicas(desired).withReadyReplicas(ready).endStatus().build())
                    .createOr(r -> r.update());
            default -> kube.apps().deployments().inNamespace(w.namespace()).resource(new DeploymentBuilder()
                    .withNewMetadata().withName(w.name()).withNamespace(w.namespace()).endMetadata()
                    .withNewSpec().withReplicas(desired).withNewSelector().withMatchLabels(labels).endSelector()
                    .endSpec().withNewStatus().withReplicas(desired).withReadyReplicas(ready).endStatus().build())
                    .createOr(r -> r.update());
        }
    }

    /** A pod of the workload whose container waits in {@code reason} with {@code message}. */
    void crashingPod(Workload w, String pod, String container, String reason, String message) {
        kube.pods().inNamespace(w.namespace()).resource(new PodBuilder().withNewMetadata().withName(pod)
                .withNamespace(w.namespace()).withLabels(Map.of("app.kubernetes.io/name", w.name())).endMetadata()
                .withNewStatus().withPhase("Running").addNewContainerStatus().withName(container).withReady(false)
                .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState()
                .endContainerStatus().endStatus().build()).create();
    }

    void removeWorkload(Workload w) {
        switch (w.kind()) {
            case "DaemonSet" -> kube.apps().daemonSets().inNamespace(w.namespace()).withName(w.name()).delete();
            case "StatefulSet" -> kube.apps().statefulSets().inNamespace(w.namespace()).withName(w.name()).delete();
            default -> kube.apps().deployments().inNamespace(w.namespace()).withName(w.name()).delete();
        }
    }

    /** Argo CD's Application {@code name} with this sync and health, and {@code extra} status fields. */
    void application(String name, String sync, String health, Map<String, Object> extra) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("sync", Map.of("status", sync));
        status.put("health", Map.of("status", health));
        status.putAll(extra);
        GenericKubernetesResource app = new GenericKubernetesResourceBuilder().withApiVersion("argoproj.io/v1alpha1")
                .withKind("Application").withNewMetadata().withName(name).withNamespace("argocd").endMetadata()
                .addToAdditionalProperties("spec", Map.of("project", "default"))
                .addToAdditionalProperties("status", status).build();
        kube.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd").resource(app)
                .createOr(r -> r.update());
    }

    /** The Cilium Application as the bootstrap writes it, pointing Cilium at {@code k8sServiceHost}. */
    void ciliumApplication(String k8sServiceHost) {
        kube.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd").resource(
                new GenericKubernetesResourceBuilder().withApiVersion("argoproj.io/v1alpha1").withKind("Application")
                        .withNewMetadata().withName("cilium").withNamespace("argocd").endMetadata()
                        .addToAdditionalProperties("spec", Map.of("source", Map.of("helm", Map.of("valuesObject",
                                Map.of("k8sServiceHost", k8sServiceHost))))).build())
                .createOr(r -> r.update());
    }

    void healthyApplication(String name) {
        application(name, "Synced", "Healthy", Map.of());
    }

    /** One entry of {@code status.resources}. */
    static Map<String, Object> resource(String kind, String namespace, String name, String health, String message) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kind", kind);
        r.put("namespace", namespace);
        r.put("name", name);
        r.put("status", "Synced");
        r.put("health", message == null ? Map.of("status", health) : Map.of("status", health, "message", message));
        return r;
    }

    static CheckResult row(DoctorReport report, String name) {
        return report.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + name + " in " + report.checks()));
    }
}

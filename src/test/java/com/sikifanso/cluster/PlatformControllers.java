package com.sikifanso.cluster;

import com.sikifanso.argocd.ArgoCdResources;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays, against the stand-in API server, what would run in a real cluster but cannot here: the
 * kubelet registering its node, the DaemonSet and Deployment controllers making what Helm created
 * ready (status, and the ReplicaSet Helm's wait looks for), Cilium making the nodes Ready once its
 * DaemonSet runs, argocd-server writing its initial admin Secret, and Argo CD reporting the
 * Applications it was given as Synced and Healthy. It polls, as controllers resync.
 */
final class PlatformControllers implements AutoCloseable {
    static final String ADMIN_PASSWORD = "stand-in-admin-pw";

    private final KubernetesClient kube;
    private final String node;
    private final List<String> done = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private final Thread loop;

    /** @param kube a client on the API server, closed with this; @param node the server node's name, registered NotReady as k3s does before a CNI runs */
    PlatformControllers(KubernetesClient kube, String node) {
        this.kube = kube;
        this.node = node;
        this.loop = Thread.ofPlatform().daemon().name("stand-in-controllers").start(this::run);
    }

    /** What the controllers did, in order ("DaemonSet kube-system/cilium ready", ...). */
    List<String> done() {
        return List.copyOf(done);
    }

    List<Throwable> failures() {
        return List.copyOf(failures);
    }

    private void run() {
        try {
            kube.nodes().resource(new NodeBuilder().withNewMetadata().withName(node).endMetadata().withNewStatus()
                    .addNewCondition().withType("Ready").withStatus("False").withReason("NetworkPluginNotReady")
                    .endCondition().endStatus().build()).create();
            done.add("Node " + node + " registered, not Ready");
        } catch (KubernetesClientException e) {
            failures.add(e);
        }
        while (running) {
            try {
                daemonSets();
                deployments();
                applications();
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            } catch (KubernetesClientException e) {
                failures.add(e);
            }
        }
    }

    private void daemonSets() {
        for (DaemonSet ds : kube.apps().daemonSets().inAnyNamespace().list().getItems()) {
            if (ds.getStatus() != null && ds.getStatus().getObservedGeneration() != null) {
                continue;
            }
            int nodes = kube.nodes().list().getItems().size();
            kube.apps().daemonSets().inNamespace(ds.getMetadata().getNamespace()).withName(ds.getMetadata().getName())
                    .editStatus(d -> {
                        d.setStatus(new DaemonSetStatusBuilder().withObservedGeneration(generation(d.getMetadata()))
                                .withDesiredNumberScheduled(nodes).withCurrentNumberScheduled(nodes)
                                .withUpdatedNumberScheduled(nodes).withNumberReady(nodes).withNumberAvailable(nodes)
                                .build());
                        return d;
                    });
            done.add("DaemonSet " + ds.getMetadata().getNamespace() + "/" + ds.getMetadata().getName() + " ready");
            if (ds.getMetadata().getName().equals("cilium")) {
                kube.nodes().withName(node).editStatus(n -> {
                    n.getStatus().getConditions().get(0).setStatus("True");
                    n.getStatus().getConditions().get(0).setReason("KubeletReady");
                    return n;
                });
                done.add("Node " + node + " Ready");
            }
        }
    }

    private void deployments() {
        for (Deployment d : kube.apps().deployments().inAnyNamespace().list().getItems()) {
            if (d.getStatus() != null && d.getStatus().getObservedGeneration() != null) {
                continue;
            }
            String ns = d.getMetadata().getNamespace();
            String name = d.getMetadata().getName();
            int replicas = Objects.requireNonNullElse(d.getSpec().getReplicas(), 1);
            long generation = generation(d.getMetadata());
            // Helm's wait finds the Deployment's current ReplicaSet by owner and pod template.
            kube.apps().replicaSets().inNamespace(ns).resource(new ReplicaSetBuilder().withNewMetadata()
                    .withName(name + "-standin").withLabels(d.getSpec().getSelector().getMatchLabels())
                    .addNewOwnerReference().withApiVersion("apps/v1").withKind("Deployment").withName(name)
                    .withUid(d.getMetadata().getUid()).withController(true).endOwnerReference().endMetadata()
                    .withNewSpec().withReplicas(replicas).withSelector(d.getSpec().getSelector())
                    .withTemplate(d.getSpec().getTemplate()).endSpec().withNewStatus().withReplicas(replicas)
                    .withReadyReplicas(replicas).withAvailableReplicas(replicas).withObservedGeneration(1L)
                    .endStatus().build()).create();
            kube.apps().replicaSets().inNamespace(ns).withName(name + "-standin").editStatus(rs -> {
                rs.getStatus().setObservedGeneration(generation(rs.getMetadata()));
                rs.getStatus().setReadyReplicas(replicas);
                rs.getStatus().setReplicas(replicas);
                return rs;
            });
            kube.apps().deployments().inNamespace(ns).withName(name).editStatus(x -> {
                x.setStatus(new DeploymentStatusBuilder().withObservedGeneration(generation).withReplicas(replicas)
                        .withUpdatedReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas)
                        .addNewCondition().withType("Available").withStatus("True").endCondition().build());
                return x;
            });
            done.add("Deployment " + ns + "/" + name + " available");
            if (ns.equals("argocd") && name.equals("argocd-server")) {
                kube.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata()
                        .withName("argocd-initial-admin-secret").endMetadata().addToData("password",
                                Base64.getEncoder().encodeToString(ADMIN_PASSWORD.getBytes(StandardCharsets.UTF_8)))
                        .build()).create();
                done.add("Secret argocd/argocd-initial-admin-secret written");
            }
        }
    }

    private void applications() {
        for (GenericKubernetesResource app : kube.genericKubernetesResources(ArgoCdResources.APPLICATION)
                .inAnyNamespace().list().getItems()) {
            if (app.getAdditionalProperties().get("status") != null) {
                continue;
            }
            app.setAdditionalProperty("status", Map.of(
                    "sync", Map.of("status", "Synced", "revision", "stand-in"),
                    "health", Map.of("status", "Healthy")));
            kube.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace(app.getMetadata().getNamespace())
                    .resource(app).updateStatus();
            done.add("Application " + app.getMetadata().getName() + " Synced, Healthy");
        }
    }

    private static long generation(io.fabric8.kubernetes.api.model.ObjectMeta meta) {
        return meta.getGeneration() == null ? 0L : meta.getGeneration();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        loop.interrupt();
        loop.join(5_000);
        kube.close();
    }
}

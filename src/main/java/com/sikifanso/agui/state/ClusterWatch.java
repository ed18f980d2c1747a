package com.sikifanso.agui.state;

import com.sikifanso.agents.AgentSandbox;
import com.sikifanso.argocd.ArgoCdResources;
import com.sikifanso.doctor.CheckResult;
import com.sikifanso.gitops.ApplicationSets;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Informers (list, then watch, relisting on their own when a watch drops) on what the cluster state is made of:
 * Argo CD's Applications in its namespace, the nodes, the agents' sandbox namespaces and the pods in them. Each
 * change calls {@code changed}; the state is then read from the informers' caches, with no request of its own.
 */
final class ClusterWatch implements AutoCloseable {
    /** The sandbox chart labels every agent namespace with it (agent-sandbox.labels). */
    static final String AGENT_LABEL = "sikifanso.io/agent";

    private final KubernetesClient kube;
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private final SharedIndexInformer<GenericKubernetesResource> applications;
    private final SharedIndexInformer<Node> nodes;
    private final SharedIndexInformer<Namespace> namespaces;
    private final SharedIndexInformer<Pod> pods;

    private ClusterWatch(KubernetesClient kube, Runnable changed) {
        this.kube = kube;
        this.applications = add(kube.genericKubernetesResources(ArgoCdResources.APPLICATION)
                .inNamespace(ApplicationSets.NAMESPACE).runnableInformer(0), changed, o -> true);
        this.nodes = add(kube.nodes().runnableInformer(0), changed, o -> true);
        this.namespaces = add(kube.namespaces().withLabel(AGENT_LABEL, "true").runnableInformer(0), changed,
                o -> true);
        // Pods of every namespace, kept only for the agents' (agent-*): a laptop cluster has a few dozen, and one
        // informer cannot select several namespaces; other pods' churn does not wake the feed.
        this.pods = add(kube.pods().inAnyNamespace().runnableInformer(0), changed, ClusterWatch::inAgentNamespace);
    }

    /**
     * Starts the informers on {@code kube} (which this watch then owns and closes) and waits until each has listed
     * once; throws, with everything stopped, when the API does not answer within {@code timeout}.
     */
    static ClusterWatch start(KubernetesClient kube, Runnable changed, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        ClusterWatch watch = new ClusterWatch(kube, changed);
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<CompletableFuture<Void>> started = new ArrayList<>();
            for (SharedIndexInformer<?> informer : watch.informers) {
                started.add(informer.start().toCompletableFuture());
            }
            for (var s : started) {
                s.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return watch;
        } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
            watch.close();
            throw e;
        }
    }

    /** What the informers hold now. */
    ClusterStateReader.Seen seen(Collection<String> definedAgents, List<CheckResult> doctor) {
        return new ClusterStateReader.Seen(nodes.getStore().list(), applications.getStore().list(),
                namespaces.getStore().list(), pods.getStore().list().stream().filter(ClusterWatch::inAgentNamespace)
                .toList(), definedAgents, doctor);
    }

    private static boolean inAgentNamespace(Pod pod) {
        String namespace = pod.getMetadata().getNamespace();
        return namespace != null && namespace.startsWith(AgentSandbox.namespace(""));
    }

    private <T extends HasMetadata> SharedIndexInformer<T> add(SharedIndexInformer<T> informer, Runnable changed,
                                                               Predicate<T> relevant) {
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                if (relevant.test(obj)) {
                    changed.run();
                }
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                if (relevant.test(newObj) || relevant.test(oldObj)) {
                    changed.run();
                }
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                if (relevant.test(obj)) {
                    changed.run();
                }
            }
        });
        informers.add(informer);
        return informer;
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::stop);
        kube.close();
    }
}

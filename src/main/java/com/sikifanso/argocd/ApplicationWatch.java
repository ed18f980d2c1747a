package com.sikifanso.argocd;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Applications in the argocd namespace, kept current by a watch; when the watch drops, by
 * listing them every poll interval instead.
 */
final class ApplicationWatch implements AutoCloseable {
    private final KubernetesClient kube;
    private final Duration pollInterval;
    private final Consumer<String> notices;
    private final ApplicationStates states = new ApplicationStates();
    private final Object changed = new Object();
    private volatile boolean watching;
    private Watch watch;
    private long lastPoll;

    ApplicationWatch(KubernetesClient kube, Duration pollInterval, Consumer<String> notices) {
        this.kube = kube;
        this.pollInterval = pollInterval;
        this.notices = notices;
    }

    /** Watches first and lists second, so no change can fall between the two. */
    void start() {
        try {
            watch = applications().watch(new Watcher<>() {
                @Override
                public void eventReceived(Action action, GenericKubernetesResource app) {
                    states.watched(app.getMetadata().getName(),
                            action == Action.DELETED ? null : ApplicationState.of(app));
                    signal();
                }

                @Override
                public void onClose(WatcherException cause) {
                    fallBackToPolling("the watch on Applications closed (" + cause.getMessage() + ")");
                }

                @Override
                public void onClose() {
                    watching = false;
                }
            });
            watching = true;
        } catch (KubernetesClientException e) {
            fallBackToPolling("cannot watch Applications (" + e.getMessage() + ")");
        }
        poll();
    }

    void startPolling() {
        poll();
    }

    private void fallBackToPolling(String why) {
        watching = false;
        notices.accept(why + "; polling every " + pollInterval.toSeconds() + "s instead");
        signal();
    }

    boolean watching() {
        return watching;
    }

    /** The current states; re-listed when polling and the interval has passed. */
    Map<String, ApplicationState> states() {
        if (!watching && System.nanoTime() - lastPoll >= pollInterval.toNanos()) {
            poll();
        }
        return states.current();
    }

    /** Waits until a watch event arrives or {@code max} passes. */
    void awaitChange(Duration max) throws InterruptedException {
        long millis = Math.max(1, Math.min(max.toMillis(), pollInterval.toMillis()));
        synchronized (changed) {
            changed.wait(millis);
        }
    }

    private void poll() {
        lastPoll = System.nanoTime();
        try {
            long askedAt = states.beforeList();
            Map<String, ApplicationState> fresh = new HashMap<>();
            applications().list().getItems().forEach(a -> fresh.put(a.getMetadata().getName(), ApplicationState.of(a)));
            states.listed(askedAt, fresh);
            signal();
        } catch (KubernetesClientException e) {
            notices.accept("cannot list Applications (" + e.getMessage() + "); retrying");
        }
    }

    private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<GenericKubernetesResource,
            io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
            io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>> applications() {
        return kube.genericKubernetesResources(ArgoCdResources.APPLICATION)
                .inNamespace(com.sikifanso.gitops.ApplicationSets.NAMESPACE);
    }

    private void signal() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.close();
        }
    }
}

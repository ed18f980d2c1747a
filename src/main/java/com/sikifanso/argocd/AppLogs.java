package com.sikifanso.argocd;

import com.sikifanso.catalog.SourceNames;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Suggestion;
import com.sikifanso.kube.LiveCluster;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.kube.OutputBudget;
import com.sikifanso.kube.Redactor;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.Loggable;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.TailPrettyLoggable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The logs of every pod an app runs, each line prefixed {@code pod/container} as stern does. Pods
 * are those in the app's destination namespace labelled {@code app.kubernetes.io/instance=<app>}
 * (Helm's release label; the release is named after the app) and any Pod in its resource tree.
 */
public final class AppLogs {
    static final String INSTANCE_LABEL = "app.kubernetes.io/instance";

    private final LiveCluster live;
    private final Duration pollInterval;

    AppLogs(LiveCluster live, Duration pollInterval) {
        this.live = live;
        this.pollInterval = pollInterval;
    }

    /** Which logs: one container (null: all), how far back (null: all), how many lines per container (null: all). */
    public record Request(String container, Duration since, Integer tail) {
    }

    /** A container whose log is read, in the words of the prefix. */
    record Source(String namespace, String pod, String container) {
        String prefix() {
            return pod + "/" + container + " ";
        }
    }

    /**
     * The newest lines (those matching {@code grep}, when given) within {@code budget}, credentials
     * masked: for a model to read, as {@code kube_logs} gives them.
     */
    public OutputBudget.Kept excerpt(ClusterName cluster, String app, Request request, Pattern grep, OutputBudget budget,
                                     String howToGetMore) {
        List<String> all = new ArrayList<>();
        read(cluster, app, request, line -> {
            if (grep == null || grep.matcher(line).find()) {
                all.add(Redactor.mask(line));
            }
        });
        return budget.keepLast(all, howToGetMore);
    }

    /** Writes the logs there are now to {@code lines}, pod by pod. */
    public void read(ClusterName cluster, String requested, Request request, Consumer<String> lines) {
        String app = SourceNames.requireApp(requested);
        try (KubernetesClient kube = live.kube(cluster)) {
            for (Source source : requireSources(kube, cluster, app, request)) {
                String log = loggable(kube, source, request).getLog();
                if (log != null) {
                    log.lines().forEach(line -> lines.accept(source.prefix() + line));
                }
            }
        } catch (KubernetesClientException e) {
            throw live.unreachable(cluster, e);
        }
    }

    /**
     * Follows the logs of every container, and of pods that start later, until the thread is
     * interrupted (Ctrl-C). Lines of different containers interleave as they arrive.
     */
    public void follow(ClusterName cluster, String requested, Request request, Consumer<String> lines) {
        String app = SourceNames.requireApp(requested);
        Consumer<String> sink = line -> {
            synchronized (lines) {
                lines.accept(line);
            }
        };
        Map<Source, LogWatch> watches = new ConcurrentHashMap<>();
        try (KubernetesClient kube = live.kube(cluster)) {
            requireSources(kube, cluster, app, request);
            while (!Thread.currentThread().isInterrupted()) {
                for (Source source : sources(kube, cluster, app, request)) {
                    watches.computeIfAbsent(source, s -> stream(kube, s, request, sink));
                }
                Thread.sleep(pollInterval.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (KubernetesClientException e) {
            throw live.unreachable(cluster, e);
        } finally {
            watches.values().forEach(LogWatch::close);
        }
    }

    private static LogWatch stream(KubernetesClient kube, Source source, Request request, Consumer<String> sink) {
        LogWatch watch = loggable(kube, source, request).watchLog();
        Thread.ofVirtual().name("logs-" + source.pod() + "-" + source.container()).start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(watch.getOutput(),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    sink.accept(source.prefix() + line);
                }
            } catch (IOException e) {
                // The pod went away or the watch was closed: its lines end here.
            }
        });
        return watch;
    }

    private static Loggable loggable(KubernetesClient kube, Source source, Request request) {
        ContainerResource container = kube.pods().inNamespace(source.namespace()).withName(source.pod())
                .inContainer(source.container());
        TailPrettyLoggable log = request.since() == null ? container
                : container.sinceSeconds((int) Math.max(1, request.since().toSeconds()));
        return request.tail() == null ? log : log.tailingLines(request.tail());
    }

    private List<Source> requireSources(KubernetesClient kube, ClusterName cluster, String app, Request request) {
        GenericKubernetesResource application = Applications.require(kube, cluster, app);
        String namespace = Applications.destinationNamespace(application);
        List<Pod> pods = pods(kube, application, app, namespace);
        if (pods.isEmpty()) {
            throw SikifansoException.failure("\"" + app + "\" has no pods in namespace " + namespace + " (none "
                    + "labelled " + INSTANCE_LABEL + "=" + app + ")", "see what it deploys with: ",
                    Suggestion.of("app", "status").arg("name", app));
        }
        List<Source> sources = sources(pods, request.container());
        if (sources.isEmpty()) {
            Set<String> containers = new LinkedHashSet<>();
            pods.forEach(p -> p.getSpec().getContainers().forEach(c -> containers.add(c.getName())));
            throw SikifansoException.usage("no container named \"" + request.container() + "\" in the pods of " + app,
                    "its containers: " + String.join(", ", containers));
        }
        return sources;
    }

    private List<Source> sources(KubernetesClient kube, ClusterName cluster, String app, Request request) {
        GenericKubernetesResource application = Applications.require(kube, cluster, app);
        return sources(pods(kube, application, app, Applications.destinationNamespace(application)),
                request.container());
    }

    private static List<Source> sources(List<Pod> pods, String container) {
        List<Source> sources = new ArrayList<>();
        for (Pod pod : pods) {
            for (Container c : pod.getSpec().getContainers()) {
                if (container == null || container.equals(c.getName())) {
                    sources.add(new Source(pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
                            c.getName()));
                }
            }
        }
        return sources;
    }

    /** The labelled pods of the destination namespace, plus any Pod the resource tree names directly. */
    private static List<Pod> pods(KubernetesClient kube, GenericKubernetesResource application, String app,
                                  String namespace) {
        Map<String, Pod> pods = new java.util.TreeMap<>();
        if (namespace != null) {
            kube.pods().inNamespace(namespace).withLabel(INSTANCE_LABEL, app).list().getItems()
                    .forEach(p -> pods.put(p.getMetadata().getNamespace() + "/" + p.getMetadata().getName(), p));
        }
        Object resources = Applications.map(application.getAdditionalProperties().get("status")).get("resources");
        if (resources instanceof List<?> list) {
            for (Object o : list) {
                Map<String, Object> r = Applications.map(o);
                String ns = Applications.text(r, "namespace");
                String key = ns + "/" + Applications.text(r, "name");
                if ("Pod".equals(r.get("kind")) && ns != null && !pods.containsKey(key)) {
                    Pod pod = kube.pods().inNamespace(ns).withName(Applications.text(r, "name")).get();
                    if (pod != null) {
                        pods.put(key, pod);
                    }
                }
            }
        }
        return List.copyOf(pods.values());
    }
}

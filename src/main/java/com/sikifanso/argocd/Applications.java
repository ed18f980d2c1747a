package com.sikifanso.argocd;

import com.sikifanso.catalog.SourceNames;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.sikifanso.kube.LiveCluster;
import com.sikifanso.kube.Redactor;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.ApplicationSets;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Argo CD Applications as the cluster holds them, read and asked to sync through the Kubernetes
 * API (as Argo CD's core mode does), so no Argo CD credentials are needed.
 */
public final class Applications {
    /** What {@code argocd app sync} in core mode writes: the application controller runs the operation. */
    static final String SYNC_PATCH =
            "{\"operation\":{\"initiatedBy\":{\"username\":\"sikifanso\"},\"sync\":{\"prune\":true}}}";

    private final LiveCluster live;

    Applications(LiveCluster live) {
        this.live = live;
    }

    /** One Application's sync and health. */
    public record AppStatus(String name, String sync, String health, String message) {
        public boolean ok() {
            return "Synced".equals(sync) && "Healthy".equals(health);
        }
    }

    /** One resource of an Application's tree ({@code status.resources[]}). */
    public record ResourceStatus(String kind, String namespace, String name, String status, String health,
                                 String message) {
        public boolean healthy() {
            return health == null || "Healthy".equals(health);
        }
    }

    /** One Application in detail. */
    public record AppDetail(String name, String sync, String health, String revision, String namespace,
                            String operationPhase, String message, List<ResourceStatus> resources) {
    }

    /** What a sync request did: the apps asked to sync, and those that already had an operation running. */
    public record SyncRequest(List<String> requested, List<String> alreadySyncing) {
        /** Every Application that will sync: those asked now and those already syncing. */
        public List<String> all() {
            return java.util.stream.Stream.concat(requested.stream(), alreadySyncing.stream()).toList();
        }
    }

    public List<AppStatus> list(ClusterName cluster) {
        try (KubernetesClient kube = live.kube(cluster)) {
            return all(kube).stream().map(Applications::status)
                    .sorted(Comparator.comparing(AppStatus::name)).toList();
        } catch (KubernetesClientException e) {
            throw live.unreachable(cluster, e);
        }
    }

    public AppDetail get(ClusterName cluster, String requested) {
        String app = SourceNames.requireApp(requested);
        try (KubernetesClient kube = live.kube(cluster)) {
            return detail(require(kube, cluster, app));
        } catch (KubernetesClientException e) {
            throw live.unreachable(cluster, e);
        }
    }

    /** Asks Argo CD to sync {@code app}, or every Application when it is empty. */
    public SyncRequest sync(ClusterName cluster, Optional<String> asked) {
        Optional<String> app = asked.map(SourceNames::requireApp);
        try (KubernetesClient kube = live.kube(cluster)) {
            List<GenericKubernetesResource> targets = app.isPresent()
                    ? List.of(require(kube, cluster, app.get()))
                    : all(kube).stream().sorted(Comparator.comparing(a -> a.getMetadata().getName())).toList();
            if (targets.isEmpty()) {
                throw SikifansoException.failure("cluster \"" + cluster + "\" has no Argo CD Applications to sync",
                        "enable an app first, e.g.: ",
                        Suggestion.of("app", "enable").arg("names", "qdrant"));
            }
            List<String> requested = new ArrayList<>();
            List<String> running = new ArrayList<>();
            for (GenericKubernetesResource a : targets) {
                String name = a.getMetadata().getName();
                // Argo CD runs one operation at a time; the one under way will bring the app to HEAD too.
                if (a.getAdditionalProperties().get("operation") != null) {
                    running.add(name);
                    continue;
                }
                applications(kube).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), SYNC_PATCH);
                requested.add(name);
            }
            return new SyncRequest(requested, running);
        } catch (KubernetesClientException e) {
            throw live.unreachable(cluster, e);
        }
    }

    /**
     * After a commit: asks Argo CD to sync {@code app} now rather than at its next poll of the repo.
     * False, and nothing asked, when the cluster is not running or has no such Application (yet).
     */
    public boolean syncIfPresent(ClusterName cluster, String requested) {
        String app = SourceNames.requireApp(requested);
        if (!live.running(cluster)) {
            return false;
        }
        try (KubernetesClient kube = live.kube(cluster)) {
            GenericKubernetesResource found = applications(kube).withName(app).get();
            if (found == null || found.getAdditionalProperties().get("operation") != null) {
                return found != null;
            }
            applications(kube).withName(app).patch(PatchContext.of(PatchType.JSON_MERGE), SYNC_PATCH);
            return true;
        } catch (KubernetesClientException e) {
            throw live.unreachable(cluster, e);
        }
    }

    /** The names of the cluster's Applications, for messages that list the valid ones. */
    static List<String> names(KubernetesClient kube) {
        return all(kube).stream().map(a -> a.getMetadata().getName()).sorted().toList();
    }

    static GenericKubernetesResource require(KubernetesClient kube, ClusterName cluster, String app) {
        GenericKubernetesResource found = applications(kube).withName(app).get();
        if (found == null) {
            List<String> names = names(kube);
            throw SikifansoException.failure("cluster \"" + cluster + "\" has no Argo CD Application named \""
                    + app + "\"", names.isEmpty()
                    ? Hint.of("there are none yet; enable an app with: ", Suggestion.of("app", "enable").arg("names", "NAME"))
                    : "Applications: " + String.join(", ", names));
        }
        return found;
    }

    private static List<GenericKubernetesResource> all(KubernetesClient kube) {
        return applications(kube).list().getItems();
    }

    private static io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<GenericKubernetesResource,
            io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
            io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>> applications(KubernetesClient kube) {
        return kube.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace(ApplicationSets.NAMESPACE);
    }

    /** What {@code app list} shows of one Application; the cluster state feed reports the same. */
    public static AppStatus status(GenericKubernetesResource app) {
        ApplicationState s = ApplicationState.of(app);
        return new AppStatus(s.name(), orUnknown(s.sync()), orUnknown(s.health()), s.converged() ? null : s.message());
    }

    private static AppDetail detail(GenericKubernetesResource app) {
        ApplicationState s = ApplicationState.of(app);
        Map<String, Object> status = map(app.getAdditionalProperties().get("status"));
        Map<String, Object> spec = map(app.getAdditionalProperties().get("spec"));
        List<ResourceStatus> resources = new ArrayList<>();
        if (status.get("resources") instanceof List<?> list) {
            for (Object o : list) {
                Map<String, Object> r = map(o);
                Map<String, Object> h = map(r.get("health"));
                resources.add(new ResourceStatus(text(r, "kind"), text(r, "namespace"), text(r, "name"),
                        text(r, "status"), text(h, "status"), Redactor.mask(text(h, "message"))));
            }
        }
        return new AppDetail(s.name(), orUnknown(s.sync()), orUnknown(s.health()),
                revision(app), text(map(spec.get("destination")), "namespace"),
                s.operationPhase(), s.converged() ? null : s.message(), resources);
    }

    /** The revision Argo CD last compared or synced ({@code status.sync.revision}); null before the first. */
    public static String revision(GenericKubernetesResource app) {
        return text(map(map(app.getAdditionalProperties().get("status")).get("sync")), "revision");
    }

    /** The namespace Argo CD deploys {@code app} into ({@code spec.destination.namespace}). */
    static String destinationNamespace(GenericKubernetesResource app) {
        return text(map(map(app.getAdditionalProperties().get("spec")).get("destination")), "namespace");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static String text(Map<String, Object> map, String key) {
        Object v = map.get(key);
        return v == null ? null : v.toString();
    }

    private static String orUnknown(String s) {
        return s == null ? "Unknown" : s;
    }
}

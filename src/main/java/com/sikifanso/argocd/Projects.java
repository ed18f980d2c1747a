package com.sikifanso.argocd;

import com.sikifanso.core.ClusterName;
import com.sikifanso.kube.LiveCluster;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.ApplicationSets;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Argo CD projects: which repos and destinations their Applications may use. */
public final class Projects {
    private final LiveCluster live;

    Projects(LiveCluster live) {
        this.live = live;
    }

    public record Project(String name, String description, List<String> sourceRepos, List<String> destinations) {
    }

    public List<Project> list(ClusterName cluster) {
        try (KubernetesClient kube = live.kube(cluster)) {
            return kube.genericKubernetesResources(ArgoCdResources.APP_PROJECT).inNamespace(ApplicationSets.NAMESPACE)
                    .list().getItems().stream().map(Projects::project)
                    .sorted(Comparator.comparing(Project::name)).toList();
        } catch (KubernetesClientException e) {
            throw live.unreachable(cluster, e);
        }
    }

    public Project get(ClusterName cluster, String name) {
        return list(cluster).stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> SikifansoException.failure("no Argo CD project \"" + name + "\"",
                        "projects: " + String.join(", ", list(cluster).stream().map(Project::name).toList())));
    }

    @SuppressWarnings("unchecked")
    private static Project project(GenericKubernetesResource p) {
        Map<String, Object> spec = (Map<String, Object>) p.getAdditionalProperties().getOrDefault("spec", Map.of());
        List<String> destinations = new ArrayList<>();
        for (Object d : (List<Object>) spec.getOrDefault("destinations", List.of())) {
            Map<String, Object> dest = (Map<String, Object>) d;
            destinations.add(dest.getOrDefault("server", dest.getOrDefault("name", "?")) + " / "
                    + dest.getOrDefault("namespace", "*"));
        }
        return new Project(p.getMetadata().getName(), (String) spec.get("description"),
                (List<String>) spec.getOrDefault("sourceRepos", List.of()), destinations);
    }
}

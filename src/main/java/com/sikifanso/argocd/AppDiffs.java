package com.sikifanso.argocd;

import com.sikifanso.catalog.SourceNames;
import com.sikifanso.core.ClusterName;
import com.sikifanso.kube.LiveCluster;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.sikifanso.core.Mappers;
import com.sikifanso.kube.Redactor;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.Session;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What Argo CD would change: a unified diff, per resource, between the live object and the
 * desired one, both cleaned of what the API server adds (status, managed fields, versions) and
 * written as YAML with sorted keys, so only real differences show.
 */
public final class AppDiffs {
    private static final ObjectMapper SORTED_YAML = Mappers.YAML.copy()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final List<String> SERVER_METADATA = List.of("managedFields", "resourceVersion", "uid",
            "generation", "creationTimestamp", "selfLink");
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private final LiveCluster live;
    private final ArgoCdApi api;

    AppDiffs(LiveCluster live, ArgoCdApi api) {
        this.live = live;
        this.api = api;
    }

    /** How a resource differs: changed in place, to be created, or to be pruned. */
    public enum Change { modified, missing, extra }

    /** One resource that differs, with its unified diff (live, then desired). */
    public record ResourceDiff(String group, String kind, String namespace, String name, Change change, String diff) {
    }

    public record AppDiff(String app, int resources, List<ResourceDiff> differences) {
        public String text() {
            if (differences.isEmpty()) {
                return "no differences: the " + resources + " resources of " + app + " match the GitOps repo\n";
            }
            StringBuilder s = new StringBuilder();
            differences.forEach(d -> s.append(d.diff()));
            return s.toString();
        }
    }

    public AppDiff diff(ClusterName cluster, String requested) {
        String app = SourceNames.requireApp(requested);
        Session session = live.requireRunning(cluster);
        Session.ArgoCd argocd = session.services() == null ? null : session.services().argocd();
        List<ArgoCdApi.ManagedResource> resources = api.managedResources(cluster, argocd, app);
        List<ResourceDiff> differences = new ArrayList<>();
        for (ArgoCdApi.ManagedResource r : resources) {
            String liveYaml = normalisedYaml(first(r.normalizedLiveState(), r.liveState()));
            String desiredYaml = normalisedYaml(first(r.predictedLiveState(), r.targetState()));
            if (!liveYaml.equals(desiredYaml)) {
                Change change = liveYaml.isEmpty() ? Change.missing : desiredYaml.isEmpty() ? Change.extra
                        : Change.modified;
                differences.add(new ResourceDiff(r.group(), r.kind(), r.namespace(), r.name(), change,
                        unified(path(r), liveYaml, desiredYaml)));
            }
        }
        return new AppDiff(SourceNames.shown(app), resources.size(), differences);
    }

    /** Argo CD sends "null" (or nothing) for a side that does not exist; the predicted state wins when present. */
    private static String first(String preferred, String fallback) {
        return present(preferred) ? preferred : present(fallback) ? fallback : null;
    }

    private static boolean present(String state) {
        return state != null && !state.isBlank() && !"null".equals(state.strip());
    }

    /** The object as YAML with sorted keys, without what the API server adds; empty when absent. */
    static String normalisedYaml(String json) {
        if (json == null) {
            return "";
        }
        try {
            Object parsed = Mappers.JSON.readValue(json, Object.class);
            if (!(parsed instanceof Map<?, ?>)) {
                return "";
            }
            Map<String, Object> object = Applications.map(parsed);
            object.remove("status");
            Map<String, Object> metadata = Applications.map(object.get("metadata"));
            if (!metadata.isEmpty()) {
                SERVER_METADATA.forEach(metadata::remove);
                Map<String, Object> annotations = Applications.map(metadata.get("annotations"));
                if (!annotations.isEmpty()) {
                    annotations.remove(LAST_APPLIED);
                    if (annotations.isEmpty()) {
                        metadata.remove("annotations");
                    }
                }
            }
            maskSecretData(object);
            // Values that look like credentials (env vars, connection strings) never reach a terminal or model.
            return Redactor.mask(SORTED_YAML.writeValueAsString(object));
        } catch (IOException | UnsupportedOperationException e) {
            throw SikifansoException.failure("Argo CD sent a resource state that is not a JSON object: "
                    + json.substring(0, Math.min(80, json.length())), "check Argo CD's version and health", e);
        }
    }

    /** A Secret's values are never shown, on either side of a diff. */
    private static void maskSecretData(Map<String, Object> object) {
        if (!"Secret".equals(object.get("kind"))) {
            return;
        }
        for (String field : List.of("data", "stringData")) {
            Map<String, Object> values = Applications.map(object.get(field));
            if (!values.isEmpty()) {
                values.replaceAll((key, value) -> "****");
            }
        }
    }

    static String unified(String path, String live, String desired) {
        List<String> from = lines(live);
        List<String> to = lines(desired);
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(live.isEmpty() ? "/dev/null" : "live/" + path,
                desired.isEmpty() ? "/dev/null" : "desired/" + path, from, DiffUtils.diff(from, to), 3);
        return String.join("\n", diff) + "\n";
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    private static String path(ArgoCdApi.ManagedResource r) {
        return (r.group().isEmpty() ? "" : r.group() + "/") + r.kind() + "/"
                + (r.namespace().isEmpty() ? "" : r.namespace() + "/") + r.name();
    }
}

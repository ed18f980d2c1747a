package com.sikifanso.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Mappers;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The images a rendered chart ({@code helm template} output) runs: the {@code image} of every container and init
 * container in the pod templates of its Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs and CronJobs (and
 * bare Pods), and the {@code spec.imageName} of a CloudNativePG {@code Cluster}, whose pods the operator starts. Helm
 * test hooks are left out: Argo CD never runs them. Images other operators choose at run time are not seen.
 */
public final class WorkloadImages {
    /** Where each kind keeps its pod spec. */
    private static final Map<String, String> POD_SPEC = Map.of(
            "Deployment", "/spec/template/spec", "StatefulSet", "/spec/template/spec",
            "DaemonSet", "/spec/template/spec", "ReplicaSet", "/spec/template/spec", "Job", "/spec/template/spec",
            "CronJob", "/spec/jobTemplate/spec/template/spec", "Pod", "/spec");

    private WorkloadImages() {
    }

    /** The distinct images in a multi-document YAML stream, sorted. */
    public static List<String> of(String rendered) {
        TreeSet<String> images = new TreeSet<>();
        for (String doc : rendered.split("(?m)^---\\s*$")) {
            JsonNode object = parse(doc);
            if (object == null || !object.isObject() || isTestHook(object)) {
                continue;
            }
            if (isPostgresCluster(object)) {
                String image = object.at("/spec/imageName").asText("").strip();
                if (!image.isEmpty()) {
                    images.add(image);
                }
                continue;
            }
            String specPath = POD_SPEC.get(object.path("kind").asText());
            if (specPath == null) {
                continue;
            }
            JsonNode spec = object.at(specPath);
            for (String list : List.of("initContainers", "containers")) {
                for (JsonNode container : spec.path(list)) {
                    String image = container.path("image").asText("").strip();
                    if (!image.isEmpty()) {
                        images.add(image);
                    }
                }
            }
        }
        return List.copyOf(images);
    }

    private static boolean isPostgresCluster(JsonNode object) {
        return object.path("kind").asText().equals("Cluster")
                && object.path("apiVersion").asText().startsWith("postgresql.cnpg.io/");
    }

    private static boolean isTestHook(JsonNode object) {
        return object.at("/metadata/annotations/helm.sh~1hook").asText("").contains("test");
    }

    private static JsonNode parse(String doc) {
        try {
            return Mappers.YAML.readTree(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Helm rendered a document that is not YAML: " + e.getOriginalMessage(), e);
        }
    }
}

package com.sikifanso.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.Mappers;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscoveryBuilder;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the stand-in API server says it serves, for the clients that ask (client-go, so Helm): the
 * discovery documents fabric8's mock lacks, and the typed kind of a list, which the mock calls
 * "List" and client-go cannot decode into, say, a ReplicaSetList (Helm's Deployment wait lists
 * ReplicaSets). Only the resources the platform's charts and the CLI use are listed.
 */
final class ApiDiscovery {
    private record Resource(String groupVersion, String plural, String kind, boolean namespaced) {
    }

    private static final List<Resource> RESOURCES = List.of(
            new Resource("v1", "namespaces", "Namespace", false), new Resource("v1", "nodes", "Node", false),
            new Resource("v1", "configmaps", "ConfigMap", true), new Resource("v1", "secrets", "Secret", true),
            new Resource("v1", "services", "Service", true),
            new Resource("v1", "serviceaccounts", "ServiceAccount", true),
            new Resource("v1", "pods", "Pod", true), new Resource("v1", "events", "Event", true),
            new Resource("apps/v1", "deployments", "Deployment", true),
            new Resource("apps/v1", "daemonsets", "DaemonSet", true),
            new Resource("apps/v1", "replicasets", "ReplicaSet", true),
            new Resource("apps/v1", "statefulsets", "StatefulSet", true),
            new Resource("rbac.authorization.k8s.io/v1", "clusterroles", "ClusterRole", false),
            new Resource("rbac.authorization.k8s.io/v1", "clusterrolebindings", "ClusterRoleBinding", false),
            new Resource("rbac.authorization.k8s.io/v1", "roles", "Role", true),
            new Resource("rbac.authorization.k8s.io/v1", "rolebindings", "RoleBinding", true),
            new Resource("argoproj.io/v1alpha1", "applications", "Application", true),
            new Resource("argoproj.io/v1alpha1", "applicationsets", "ApplicationSet", true),
            new Resource("argoproj.io/v1alpha1", "appprojects", "AppProject", true));

    private ApiDiscovery() {
    }

    /**
     * The documents by path (client-go adds ?timeout=32s, so callers match the path alone). Also
     * {@code /openapi/v3} 404 and an empty {@code /openapi/v2}: Helm validates manifests against the
     * server's OpenAPI schema, which the mock cannot give; with an empty one client-go's validator
     * skips kinds it does not know, as it does for a server that publishes no schema for them.
     */
    static Map<String, Supplier<MockResponse>> documents() {
        Map<String, Supplier<MockResponse>> d = new LinkedHashMap<>();
        d.put("/api", () -> json(new APIVersionsBuilder().withVersions("v1")
                .addNewServerAddressByClientCIDR("0.0.0.0/0", "127.0.0.1:6443").build()));
        d.put("/apis", () -> json(new APIGroupListBuilder().withGroups(RESOURCES.stream()
                .map(Resource::groupVersion).filter(gv -> gv.contains("/")).distinct()
                .map(ApiDiscovery::group).toList()).build()));
        for (String gv : RESOURCES.stream().map(Resource::groupVersion).distinct().toList()) {
            d.put(gv.contains("/") ? "/apis/" + gv : "/api/" + gv, () -> json(new APIResourceListBuilder()
                    .withGroupVersion(gv).withResources(RESOURCES.stream().filter(r -> r.groupVersion().equals(gv))
                            .map(r -> new APIResourceBuilder().withName(r.plural()).withKind(r.kind())
                                    .withNamespaced(r.namespaced()).withSingularName("")
                                    .withVerbs("create", "delete", "get", "list", "patch", "update", "watch").build())
                            .toList()).build()));
        }
        d.put("/openapi/v3", () -> new MockResponse().setResponseCode(404));
        d.put("/openapi/v2", () -> new MockResponse().setResponseCode(200)
                .setHeader("Content-Type", "application/com.github.proto-openapi.spec.v2.v1.0+protobuf"));
        return d;
    }

    /** A list answer of the CRUD store with its kind and apiVersion typed after the collection's path. */
    static void typeList(String path, MockResponse answer) {
        byte[] body = answer.getBody() == null ? null : answer.getBody().getBytes();
        if (body == null || body.length == 0 || body[0] != '{') {
            return;
        }
        String[] parts = path.replaceFirst("\\?.*", "").split("/");
        String plural = parts[parts.length - 1];
        String gv = parts.length > 2 && parts[1].equals("apis") ? parts[2] + "/" + parts[3] : "v1";
        Optional<Resource> resource = RESOURCES.stream()
                .filter(r -> r.groupVersion().equals(gv) && r.plural().equals(plural)).findFirst();
        try {
            JsonNode tree = Mappers.JSON.readTree(body);
            if (resource.isPresent() && tree instanceof ObjectNode list && "List".equals(list.path("kind").asText())) {
                list.put("kind", resource.get().kind() + "List");
                list.put("apiVersion", gv);
                answer.setBody(Mappers.JSON.writeValueAsBytes(list));
            }
        } catch (IOException notJson) {
            // Not a list: left as it is.
        }
    }

    private static APIGroup group(String groupVersion) {
        String[] gv = groupVersion.split("/");
        var v = new GroupVersionForDiscoveryBuilder().withGroupVersion(groupVersion).withVersion(gv[1]).build();
        return new APIGroupBuilder().withName(gv[0]).withVersions(v).withPreferredVersion(v).build();
    }

    static MockResponse json(Object body) {
        try {
            return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                    .setBody(Mappers.JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

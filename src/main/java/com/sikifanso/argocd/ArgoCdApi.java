package com.sikifanso.argocd;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.sikifanso.core.Throwables;
import com.sikifanso.kube.LiveCluster;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.Session;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The few calls to Argo CD's REST API that the Kubernetes resources cannot answer (the managed
 * resources' live and desired states), with a session token from the user and password in the
 * cluster's session.
 */
final class ArgoCdApi {
    private final HttpClient http;
    private final Duration timeout;

    ArgoCdApi(Duration timeout) {
        // Argo CD serves its API in plain HTTP here (server.insecure); no h2c upgrade dance.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    /** One entry of {@code GET /api/v1/applications/{name}/managed-resources}: states are JSON text. */
    record ManagedResource(String group, String kind, String namespace, String name, String targetState,
                           String liveState, String normalizedLiveState, String predictedLiveState) {
    }

    List<ManagedResource> managedResources(ClusterName cluster, Session.ArgoCd argocd, String app) {
        String base = baseUrl(cluster, argocd);
        String token = login(cluster, base, argocd);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/applications/"
                        + URLEncoder.encode(app, StandardCharsets.UTF_8) + "/managed-resources"))
                .timeout(timeout).header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> response = send(cluster, base, request);
        if (response.statusCode() == 404 || response.statusCode() == 403) {
            // Argo CD answers 403 rather than 404 for an app the user may not see, so both mean "no such app".
            throw SikifansoException.failure("Argo CD has no Application named \"" + app + "\" in cluster \""
                    + cluster + "\"", "see the Applications with: ",
                    Suggestion.of("app", "status"));
        }
        requireOk(response, base, "reading the managed resources of " + app);
        List<ManagedResource> resources = new ArrayList<>();
        for (JsonNode item : parse(response, base).path("items")) {
            resources.add(new ManagedResource(item.path("group").asText(""), item.path("kind").asText(""),
                    item.path("namespace").asText(""), item.path("name").asText(""), state(item, "targetState"),
                    state(item, "liveState"), state(item, "normalizedLiveState"),
                    state(item, "predictedLiveState")));
        }
        return resources;
    }

    private static String state(JsonNode item, String field) {
        JsonNode v = item.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String baseUrl(ClusterName cluster, Session.ArgoCd argocd) {
        if (argocd == null || argocd.url() == null || argocd.url().isBlank()) {
            throw SikifansoException.failure("the session of cluster \"" + cluster + "\" has no Argo CD URL",
                    "it is recorded when the cluster is created: ",
                    Suggestion.of("cluster", "create").arg("name", cluster));
        }
        String url = argocd.url().strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private String login(ClusterName cluster, String base, Session.ArgoCd argocd) {
        if (argocd.password() == null || argocd.password().isEmpty()) {
            throw SikifansoException.failure("the session of cluster \"" + cluster + "\" has no Argo CD password",
                    passwordHint(cluster));
        }
        String body = json(Map.of("username", argocd.username() == null ? "admin" : argocd.username(),
                "password", argocd.password()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/session")).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = send(cluster, base, request);
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw SikifansoException.failure("Argo CD at " + base + " refused the password of user \""
                    + (argocd.username() == null ? "admin" : argocd.username()) + "\" recorded for cluster \""
                    + cluster + "\"", passwordHint(cluster));
        }
        requireOk(response, base, "logging in");
        String token = parse(response, base).path("token").asText("");
        if (token.isEmpty()) {
            throw SikifansoException.failure("Argo CD at " + base + " answered the login without a token",
                    "check that " + base + " is Argo CD's API server (",
                    Suggestion.of("cluster", "info").tool("cluster_list"), " shows the URL)");
        }
        return token;
    }

    private static String passwordHint(ClusterName cluster) {
        return "put the current admin password in services.argocd.password of ~/.sikifanso/clusters/" + cluster
                + "/session.yaml, e.g. from: kubectl --context k3d-" + cluster + " -n argocd get secret "
                + "argocd-initial-admin-secret -o jsonpath='{.data.password}' | base64 -d";
    }

    private HttpResponse<String> send(ClusterName cluster, String base, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw SikifansoException.failure("Argo CD at " + base + " did not answer within "
                    + timeout.toSeconds() + "s", unreachableHint(cluster), e);
        } catch (IOException e) {
            String why = e instanceof ConnectException ? "connection refused" : Throwables.rootMessage(e);
            throw SikifansoException.failure("cannot reach Argo CD at " + base + " (" + why + ")",
                    unreachableHint(cluster), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SikifansoException.failure("interrupted while asking Argo CD at " + base, null, e);
        }
    }

    private static Hint unreachableHint(ClusterName cluster) {
        return Hint.of("check that the cluster is up (", Suggestion.of("cluster", "start").arg("cluster", cluster),
                ") and Argo CD is healthy (", Suggestion.of("app", "status").arg("name", "argocd"), "); ",
                Suggestion.of("cluster", "info").tool("cluster_list"), " shows the URL");
    }

    private static void requireOk(HttpResponse<String> response, String base, String doing) {
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body().strip();
            throw SikifansoException.failure("Argo CD at " + base + " answered HTTP " + response.statusCode()
                            + " when " + doing + (body.isEmpty() ? "" : ": " + abbreviate(body)),
                    "check Argo CD's health with: ",
                    Suggestion.of("app", "status").arg("name", "argocd"));
        }
    }

    private static JsonNode parse(HttpResponse<String> response, String base) {
        try {
            return Mappers.JSON.readTree(response.body());
        } catch (IOException e) {
            throw SikifansoException.failure("Argo CD at " + base + " answered with something that is not JSON: "
                    + abbreviate(response.body()), "check that " + base + " is Argo CD's API server", e);
        }
    }

    private static String json(Object value) {
        try {
            return Mappers.JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("maps of strings always serialise", e);
        }
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}

package com.sikifanso.argocd;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.TestHome;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code app diff} against a local HTTP server answering as Argo CD's API server does:
 * {@code POST /api/v1/session} and {@code GET /api/v1/applications/{name}/managed-resources},
 * whose states are JSON documents sent as strings.
 */
@EnableKubernetesMockClient(crud = true)
class AppDiffTest {
    static final String PASSWORD = "s3cret";
    static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.test.token";

    KubernetesClient client;

    @TempDir
    Path tmp;

    private HttpServer argocd;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, List<Map<String, Object>>> managed = new LinkedHashMap<>();
    private TestHome home;

    @BeforeEach
    void startArgoCd() throws IOException {
        argocd = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        argocd.createContext("/api/v1/session", this::session);
        argocd.createContext("/api/v1/applications/", this::managedResources);
        argocd.start();
        home = RunningLab.home(tmp, "http://127.0.0.1:" + argocd.getAddress().getPort() + "/", PASSWORD);
    }

    @AfterEach
    void stopArgoCd() {
        argocd.stop(0);
    }

    private void session(HttpExchange exchange) throws IOException {
        JsonNode body = Mappers.JSON.readTree(exchange.getRequestBody());
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body.path("username").asText());
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "{}");
        } else if (PASSWORD.equals(body.path("password").asText()) && "admin".equals(body.path("username").asText())) {
            respond(exchange, 200, "{\"token\":\"" + TOKEN + "\"}");
        } else {
            respond(exchange, 401, "{\"error\":\"Invalid username or password\",\"code\":16,"
                    + "\"message\":\"Invalid username or password\"}");
        }
    }

    private void managedResources(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path);
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\":\"invalid session\",\"code\":16}");
            return;
        }
        String app = path.substring("/api/v1/applications/".length(), path.length() - "/managed-resources".length());
        if (!path.endsWith("/managed-resources") || !managed.containsKey(app)) {
            // Argo CD answers 403 for an application the user cannot see, existing or not.
            respond(exchange, 403, "{\"error\":\"permission denied\",\"code\":7,\"message\":\"permission denied\"}");
            return;
        }
        respond(exchange, 200, Mappers.JSON.writeValueAsString(Map.of("items", managed.get(app))));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** A Deployment as the API server returns it: with status, managed fields and server-set metadata. */
    private static Map<String, Object> liveDeployment(int replicas, String image) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", "qdrant");
        metadata.put("namespace", "qdrant");
        metadata.put("uid", "6b1f0c0e-6d0c-4b5e-9a53-1d2b3c4d5e6f");
        metadata.put("resourceVersion", "48213");
        metadata.put("generation", 3);
        metadata.put("creationTimestamp", "2026-11-25T10:00:00Z");
        metadata.put("labels", Map.of("app.kubernetes.io/instance", "qdrant"));
        metadata.put("annotations", Map.of("kubectl.kubernetes.io/last-applied-configuration", "{\"big\":\"json\"}"));
        metadata.put("managedFields", List.of(Map.of("manager", "argocd-controller", "operation", "Apply")));
        return Map.of("apiVersion", "apps/v1", "kind", "Deployment", "metadata", metadata,
                "spec", spec(replicas, image), "status", Map.of("readyReplicas", replicas, "replicas", replicas));
    }

    private static Map<String, Object> desiredDeployment(int replicas, String image) {
        return Map.of("kind", "Deployment", "apiVersion", "apps/v1",
                "metadata", Map.of("namespace", "qdrant", "name", "qdrant",
                        "labels", Map.of("app.kubernetes.io/instance", "qdrant")),
                "spec", spec(replicas, image));
    }

    private static Map<String, Object> spec(int replicas, String image) {
        return Map.of("replicas", replicas, "template", Map.of("spec", Map.of("containers",
                List.of(Map.of("name", "qdrant", "image", image)))));
    }

    private static String json(Object o) {
        try {
            return o == null ? "null" : Mappers.JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One item of Argo CD's managed-resources response (v1alpha1 ResourceDiff). */
    private static Map<String, Object> item(String group, String kind, String name, Object live, Object desired) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("group", group);
        item.put("kind", kind);
        item.put("namespace", "qdrant");
        item.put("name", name);
        item.put("targetState", json(desired));
        item.put("liveState", json(live));
        item.put("normalizedLiveState", json(live));
        item.put("predictedLiveState", json(desired == null ? null : live == null ? desired : desired));
        item.put("hook", false);
        item.put("modified", live == null || desired == null || !json(live).equals(json(desired)));
        return item;
    }

    private AppDiffs diffs() {
        return RunningLab.services(home, client).diffs();
    }

    @Test
    void aChangedFieldIsAUnifiedDiffOfNormalisedYaml() {
        managed.put("qdrant", List.of(item("apps", "Deployment", "qdrant", liveDeployment(1, "qdrant/qdrant:v1.12.0"),
                desiredDeployment(2, "qdrant/qdrant:v1.13.0"))));

        AppDiffs.AppDiff diff = diffs().diff(ClusterName.of(RunningLab.CLUSTER), "qdrant");

        assertThat(diff.resources()).isEqualTo(1);
        assertThat(diff.differences()).singleElement().satisfies(d -> {
            assertThat(d.change()).isEqualTo(AppDiffs.Change.modified);
            assertThat(d.kind()).isEqualTo("Deployment");
        });
        assertThat(diff.text()).isEqualTo("""
                --- live/apps/Deployment/qdrant/qdrant
                +++ desired/apps/Deployment/qdrant/qdrant
                @@ -6,9 +6,9 @@
                   name: qdrant
                   namespace: qdrant
                 spec:
                -  replicas: 1
                +  replicas: 2
                   template:
                     spec:
                       containers:
                -        - image: qdrant/qdrant:v1.12.0
                +        - image: qdrant/qdrant:v1.13.0
                           name: qdrant
                """);
        assertThat(diff.text()).doesNotContain("managedFields", "resourceVersion", "uid", "readyReplicas",
                "last-applied-configuration", "creationTimestamp");
        assertThat(requests).containsExactly("POST /api/v1/session admin",
                "GET /api/v1/applications/qdrant/managed-resources");
    }

    @Test
    void resourcesToCreateAndToPruneDiffAgainstNothing() {
        managed.put("qdrant", List.of(
                item("", "Service", "qdrant-headless", null, Map.of("apiVersion", "v1", "kind", "Service",
                        "metadata", Map.of("name", "qdrant-headless", "namespace", "qdrant"))),
                item("", "ConfigMap", "old", Map.of("apiVersion", "v1", "kind", "ConfigMap",
                        "metadata", Map.of("name", "old", "namespace", "qdrant", "uid", "x")), null)));

        AppDiffs.AppDiff diff = diffs().diff(ClusterName.of(RunningLab.CLUSTER), "qdrant");

        assertThat(diff.differences()).extracting(AppDiffs.ResourceDiff::change)
                .containsExactly(AppDiffs.Change.missing, AppDiffs.Change.extra);
        assertThat(diff.text()).contains("--- /dev/null\n+++ desired/Service/qdrant/qdrant-headless\n")
                .contains("+kind: Service\n")
                .contains("--- live/ConfigMap/qdrant/old\n+++ /dev/null\n")
                .contains("-kind: ConfigMap\n");
    }

    @Test
    void onlyServerNoiseDifferingIsNoDifference() {
        Map<String, Object> desired = new LinkedHashMap<>(desiredDeployment(1, "qdrant/qdrant:v1.12.0"));
        Map<String, Object> live = liveDeployment(1, "qdrant/qdrant:v1.12.0");
        managed.put("qdrant", List.of(item("apps", "Deployment", "qdrant", live, desired)));

        AppDiffs.AppDiff diff = diffs().diff(ClusterName.of(RunningLab.CLUSTER), "qdrant");

        assertThat(diff.differences()).isEmpty();
        assertThat(diff.text()).isEqualTo("no differences: the 1 resources of qdrant match the GitOps repo\n");
    }

    @Test
    void aWrongPasswordSaysSoAndWhereToPutTheRightOne() {
        RunningLab.setState(home, com.sikifanso.session.ClusterState.RUNNING,
                "http://127.0.0.1:" + argocd.getAddress().getPort(), "stale");

        assertThatThrownBy(() -> diffs().diff(ClusterName.of(RunningLab.CLUSTER), "qdrant"))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("Argo CD at http://127.0.0.1:" + argocd.getAddress().getPort() + " refused the password "
                        + "of user \"admin\" recorded for cluster \"lab\"")
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .contains("services.argocd.password of ~/.sikifanso/clusters/lab/session.yaml")
                .contains("argocd-initial-admin-secret");
    }

    @Test
    void anUnreachableArgoCdSaysWhereItLookedAndWhatToCheck() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        RunningLab.setState(home, com.sikifanso.session.ClusterState.RUNNING, "http://127.0.0.1:" + closed, PASSWORD);

        assertThatThrownBy(() -> diffs().diff(ClusterName.of(RunningLab.CLUSTER), "qdrant"))
                .hasMessage("cannot reach Argo CD at http://127.0.0.1:" + closed + " (connection refused)")
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .contains("sikifanso cluster start lab").contains("sikifanso cluster info");
    }

    @Test
    void anAppArgoCdDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> diffs().diff(ClusterName.of(RunningLab.CLUSTER), "nope"))
                .hasMessage("Argo CD has no Application named \"nope\" in cluster \"lab\"");
        assertThatThrownBy(() -> diffs().diff(ClusterName.of(RunningLab.CLUSTER), "No/pe"))
                .hasMessageStartingWith("invalid app name \"No/pe\"");
        assertThat(new ArrayList<>(requests)).noneMatch(r -> r.contains("No/pe"));
    }

    @Test
    void aClusterThatIsNotRunningIsRefusedBeforeAnyRequest() {
        RunningLab.setState(home, com.sikifanso.session.ClusterState.STOPPED, "http://127.0.0.1:1", PASSWORD);

        assertThatThrownBy(() -> diffs().diff(ClusterName.of(RunningLab.CLUSTER), "qdrant"))
                .hasMessageContaining("is not running");
        assertThat(requests).isEmpty();
    }

    @Test
    void theCliPrintsTheDiffOrNoDifferences() {
        managed.put("qdrant", List.of(item("apps", "Deployment", "qdrant", liveDeployment(1, "qdrant/qdrant:v1"),
                desiredDeployment(2, "qdrant/qdrant:v1"))));
        managed.put("ollama", List.of());

        RunningLab.Run changed = RunningLab.cli(tmp, "app", "diff", "qdrant");
        assertThat(changed.code()).as(changed.err()).isZero();
        assertThat(changed.out()).contains("-  replicas: 1\n+  replicas: 2\n");

        RunningLab.Run same = RunningLab.cli(tmp, "app", "diff", "ollama");
        assertThat(same.out()).isEqualTo("no differences: the 0 resources of ollama match the GitOps repo\n");

        RunningLab.Run missing = RunningLab.cli(tmp, "app", "diff");
        assertThat(missing.code()).isEqualTo(2);
    }
}

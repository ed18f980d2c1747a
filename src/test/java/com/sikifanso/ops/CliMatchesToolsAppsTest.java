package com.sikifanso.ops;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.Services;
import com.sikifanso.TestHome;
import com.sikifanso.argocd.ArgoCdResources;
import com.sikifanso.argocd.RunningLab;
import com.sikifanso.catalog.CustomApp;
import com.sikifanso.core.Mappers;
import com.sikifanso.session.ClusterState;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For each app operation with a command, {@code sikifanso ... -o json} prints exactly what the MCP tool returns as
 * {@code structuredContent} for the same input, on the same prepared cluster: lab, recorded running, its Kubernetes
 * API the fabric8 mock server in CRUD mode (no real Argo CD or k3s runs here), reached as the CLI reaches a
 * cluster, through a kubeconfig. The tool side goes through {@link OperationRegistry#invoke} as the MCP server does.
 * {@code app logs} is not here: it stays a stream of log lines, not the tool's bounded excerpt (see its command).
 */
@EnableKubernetesMockClient(crud = true)
class CliMatchesToolsAppsTest {
    KubernetesClient client;

    @TempDir
    Path tmp;

    private TestHome home;
    private Services services;
    private final OperationRegistry registry = new OperationRegistry();

    @BeforeEach
    void runningLab() throws IOException {
        home = RunningLab.home(tmp, "http://127.0.0.1:1", "pw");
        RunningLab.writeKubeconfig(tmp, client);
        services = RunningLab.cliServices(tmp);
        RunningLab.argoCdHasQdrantAndADegradedLangfuse(client);
    }

    /** The command's {@code -o json} output. */
    private JsonNode cli(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-o", "json"));
        RunningLab.Run run = RunningLab.cli(tmp, all.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        return Mappers.JSON.readTree(run.out());
    }

    /** The tool's structuredContent, as the MCP server builds it (serialised, as it goes over the wire). */
    private JsonNode tool(String name, Map<String, Object> arguments) throws IOException {
        Object result = registry.invoke(name, arguments, new OperationContext(services, msg -> { }));
        return Mappers.JSON.readTree(Mappers.JSON.writeValueAsString(StructuredResults.of(result)));
    }

    /** Each run makes its own commit (its id hashes the time), so only that field is normalised. */
    private static JsonNode anyCommit(JsonNode result) {
        ObjectNode copy = result.deepCopy();
        assertThat(copy.path("commit").asText()).matches("[0-9a-f]{40}");
        copy.put("commit", "<commit>");
        return copy;
    }

    @Test
    void appListIsCatalogList() throws IOException {
        services.apps().enable(ClusterName.of(RunningLab.CLUSTER), List.of("qdrant"));

        JsonNode enabled = cli("app", "list");
        assertThat(enabled).isEqualTo(tool("catalog_list", Map.of("cluster", "lab", "enabledOnly", true)));
        assertThat(enabled.path("apps")).hasSize(1);
        assertThat(cli("app", "list", "--all")).isEqualTo(tool("catalog_list", Map.of("cluster", "lab")));
    }

    @Test
    void appStatusIsArgocdAppsAndOneAppIsAppStatus() throws IOException {
        JsonNode apps = cli("app", "status");
        assertThat(apps).isEqualTo(tool("argocd_apps", Map.of("cluster", "lab")));
        assertThat(apps.path("apps")).hasSize(2);
        assertThat(cli("app", "status", "langfuse")).isEqualTo(tool("app_status",
                Map.of("cluster", "lab", "name", "langfuse")));
    }

    @Test
    void appSyncIsAppSync() throws IOException {
        JsonNode cli = cli("app", "sync", "qdrant", "--no-wait");
        noOperationRunning("qdrant");

        assertThat(cli).isEqualTo(tool("app_sync", Map.of("cluster", "lab", "name", "qdrant")));
        assertThat(cli.path("requested").toString()).isEqualTo("[\"qdrant\"]");
    }

    /** What Argo CD's controller does once it has carried out the requested sync: clears the operation. */
    private void noOperationRunning(String app) {
        client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd").withName(app)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"operation\":null}");
    }

    @Test
    void appHistoryIsAppHistoryAndAppRollbackIsAppRollback() throws IOException {
        services.apps().enable(ClusterName.of(RunningLab.CLUSTER), List.of("qdrant"));
        services.apps().disable(ClusterName.of(RunningLab.CLUSTER), "qdrant", false);

        JsonNode history = cli("app", "history", "qdrant");
        assertThat(history).isEqualTo(tool("app_history", Map.of("cluster", "lab", "name", "qdrant")));
        String enabled = history.at("/revisions/1/revision").asText();

        JsonNode cli = cli("app", "rollback", "qdrant", "--to", enabled, "--no-wait");
        services.apps().disable(ClusterName.of(RunningLab.CLUSTER), "qdrant", false);
        JsonNode tool = tool("app_rollback", Map.of("cluster", "lab", "name", "qdrant", "revision", enabled));

        assertThat(anyCommit(cli)).isEqualTo(anyCommit(tool));
        assertThat(cli.path("present").asBoolean()).isTrue();
    }

    @Test
    void appAddIsAppAddAndAppRemoveIsAppRemove() throws IOException {
        JsonNode added = cli("app", "add", "podinfo", "--repo", "https://stefanprodan.github.io/podinfo",
                "--version", "6.10.1", "--no-wait");
        services.apps().remove(ClusterName.of(RunningLab.CLUSTER), "podinfo");
        assertThat(anyCommit(added)).isEqualTo(anyCommit(tool("app_add", Map.of("cluster", "lab", "name", "podinfo",
                "repoUrl", "https://stefanprodan.github.io/podinfo", "chart", "podinfo", "version", "6.10.1"))));

        JsonNode removed = cli("app", "remove", "podinfo", "--no-wait");
        services.apps().addWithValues(ClusterName.of(RunningLab.CLUSTER), new CustomApp("podinfo",
                "https://stefanprodan.github.io/podinfo", "podinfo", "6.10.1", "podinfo"), null);
        assertThat(anyCommit(removed)).isEqualTo(anyCommit(tool("app_remove", Map.of("cluster", "lab",
                "name", "podinfo"))));
    }

    @Test
    void appCredentialsIsAppCredentialsAndRotatingIsAppRotateCredentials() throws IOException {
        services.apps().enable(ClusterName.of(RunningLab.CLUSTER), List.of("valkey"));

        assertThat(cli("app", "credentials", "valkey")).isEqualTo(tool("app_credentials",
                Map.of("cluster", "lab", "name", "valkey")));
        assertThat(cli("app", "rotate-credentials", "valkey", "--no-wait")).isEqualTo(tool("app_rotate_credentials",
                Map.of("cluster", "lab", "name", "valkey")));
    }

    @Test
    void appDiffIsAppDiff() throws Exception {
        HttpServer argoCd = ArgoCdApi.withOneChangedDeployment();
        try {
            RunningLab.setState(home, ClusterState.RUNNING, "http://127.0.0.1:" + argoCd.getAddress().getPort() + "/",
                    "pw");

            JsonNode cli = cli("app", "diff", "qdrant");
            assertThat(cli).isEqualTo(tool("app_diff", Map.of("cluster", "lab", "name", "qdrant")));
            assertThat(cli.path("differences")).hasSize(1);
        } finally {
            argoCd.stop(0);
        }
    }

    /** Argo CD's API server as {@code app diff} uses it: a session, and one Application's managed resources. */
    private static final class ArgoCdApi {
        static HttpServer withOneChangedDeployment() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/session", exchange -> respond(exchange, "{\"token\":\"t\"}"));
            server.createContext("/api/v1/applications/qdrant/managed-resources", exchange -> respond(exchange,
                    Mappers.JSON.writeValueAsString(Map.of("items", List.of(changedDeployment())))));
            server.start();
            return server;
        }

        private static Map<String, Object> changedDeployment() throws IOException {
            Map<String, Object> metadata = Map.of("name", "qdrant", "namespace", "qdrant");
            String live = Mappers.JSON.writeValueAsString(Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                    "metadata", metadata, "spec", Map.of("replicas", 1)));
            String desired = Mappers.JSON.writeValueAsString(Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                    "metadata", metadata, "spec", Map.of("replicas", 2)));
            return Map.of("group", "apps", "kind", "Deployment", "namespace", "qdrant", "name", "qdrant",
                    "targetState", desired, "liveState", live, "normalizedLiveState", live,
                    "predictedLiveState", desired, "hook", false, "modified", true);
        }

        private static void respond(HttpExchange exchange, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }

    /**
     * Both run Helm for real (helm-java) through the cluster's own kubeconfig context. Helm asks for protobuf, which
     * the fabric8 mock server cannot answer, so here the API server is a small HTTP server holding Helm's release
     * records (Secrets, as Helm's storage driver writes them) at the infra settings' versions: each component is
     * "already at" its target, nothing changes, and the CLI and the tool see the same state.
     */
    @Test
    void clusterUpgradeIsClusterUpgrade() throws IOException {
        var infra = new com.sikifanso.infra.InfraConfigs().defaults();
        HttpServer kube = HelmReleases.serving(infra.cilium(), infra.argocd());
        try {
            com.sikifanso.LabKubeconfig.write(tmp.resolve("kubeconfig"),
                    "http://127.0.0.1:" + kube.getAddress().getPort());

            JsonNode cli = cli("cluster", "upgrade", "--all", "--skip-snapshot");

            assertThat(cli.at("/components/0/skipped").asText()).isEqualTo("already at "
                    + infra.cilium().targetRevision());
            assertThat(cli.at("/components/1/skipped").asText()).isEqualTo("already at "
                    + infra.argocd().targetRevision());
            assertThat(cli).isEqualTo(tool("cluster_upgrade", Map.of("cluster", "lab", "component", "all",
                    "skipSnapshot", true)));
        } finally {
            kube.stop(0);
        }
    }

    /** The Kubernetes API as {@code helm list} reads it: its version, and the release Secrets of a namespace. */
    private static final class HelmReleases {
        static HttpServer serving(com.sikifanso.infra.ChartCoordinates... charts) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/version", exchange -> ArgoCdApi.respond(exchange,
                    "{\"major\":\"1\",\"minor\":\"34\",\"gitVersion\":\"v1.34.0\"}"));
            server.createContext("/api/v1/namespaces/", exchange -> {
                String namespace = exchange.getRequestURI().getPath().split("/")[4];
                List<Object> items = new ArrayList<>();
                for (var chart : charts) {
                    if (chart.namespace().equals(namespace)) {
                        items.add(release(chart));
                    }
                }
                ArgoCdApi.respond(exchange, Mappers.JSON.writeValueAsString(Map.of("apiVersion", "v1",
                        "kind", "SecretList", "metadata", Map.of(), "items", items)));
            });
            server.start();
            return server;
        }

        /** A deployed release as Helm 3 stores it: a gzipped JSON record, base64 in the Secret's "release" key. */
        private static Map<String, Object> release(com.sikifanso.infra.ChartCoordinates chart) throws IOException {
            String json = Mappers.JSON.writeValueAsString(Map.of("name", chart.releaseName(), "namespace",
                    chart.namespace(), "version", 1, "info", Map.of("status", "deployed"),
                    "chart", Map.of("metadata", Map.of("name", chart.chart(), "version", chart.targetRevision()))));
            java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
                gz.write(json.getBytes(StandardCharsets.UTF_8));
            }
            java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
            return Map.of("apiVersion", "v1", "kind", "Secret", "type", "helm.sh/release.v1",
                    "metadata", Map.of("name", "sh.helm.release.v1." + chart.releaseName() + ".v1",
                            "namespace", chart.namespace(), "labels", Map.of("name", chart.releaseName(),
                                    "owner", "helm", "status", "deployed", "version", "1")),
                    "data", Map.of("release", b64.encodeToString(b64.encode(zipped.toByteArray()))));
        }
    }
}

package com.sikifanso.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.gitops.Scaffolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog's values rendered by the real Helm engine with the upstream charts at the pinned
 * versions (vendored under src/test/resources/charts, see its README; the chart repositories
 * cannot be reached here): the objects reference the generated Secrets with the keys declared in
 * the catalog entries, no literal password is rendered, the names and ports other entries and the
 * diagnostics use are the ones rendered, and a second render gives the same objects (Argo CD renders
 * on every refresh, so a Secret drawn at render time would keep the app OutOfSync for ever).
 */
class UpstreamChartsRenderTest {
    @TempDir
    Path dir;

    /** {@code helm template} of a vendored chart, release named after the app as the catalog ApplicationSet does. */
    private List<JsonNode> render(String chart, String app) throws IOException {
        String namespace = Mappers.YAML.readTree(Scaffolder.embeddedFile("catalog/" + app + ".yaml").orElseThrow())
                .get("namespace").asText();
        return VendoredCharts.render(dir, chart, app,
                Scaffolder.embeddedFile("catalog/values/" + app + ".yaml").orElseThrow(), namespace);
    }

    private static JsonNode only(List<JsonNode> objects, String kind) {
        List<JsonNode> found = objects.stream().filter(o -> o.get("kind").asText().equals(kind)).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.getFirst();
    }

    private static CredentialSpec declared(String app, String secret) throws IOException {
        CatalogEntry entry = Mappers.YAML.readValue(Scaffolder.embeddedFile("catalog/" + app + ".yaml").orElseThrow(),
                CatalogEntry.class);
        return entry.credentials().stream().filter(s -> s.secret().equals(secret)).findFirst()
                .orElseThrow(() -> new AssertionError(app + " declares no Secret " + secret));
    }

    @Test
    void postgresqlsClusterTakesItsSuperuserAndRolePasswordsFromTheGeneratedSecrets() throws IOException {
        List<JsonNode> objects = render("cnpg-cluster-0.6.0", "postgresql");

        JsonNode spec = only(objects, "Cluster").get("spec");
        assertThat(spec.at("/enableSuperuserAccess").asBoolean()).isTrue();
        String superuser = spec.at("/superuserSecret/name").asText();
        assertThat(declared("postgresql", superuser).data()).containsEntry("username", "postgres")
                .containsKey("password");
        assertThat(declared("postgresql", superuser).type()).isEqualTo("kubernetes.io/basic-auth");
        JsonNode role = spec.at("/managed/roles/0");
        assertThat(role.get("name").asText()).isEqualTo("temporal");
        CredentialSpec roleSecret = declared("postgresql", role.at("/passwordSecret/name").asText());
        assertThat(roleSecret.data()).containsEntry("username", "temporal").containsKey("password");
        // LiteLLM's role, for the virtual keys and spend in database litellm (litellm-proxy's DATABASE_URL).
        JsonNode litellm = spec.at("/managed/roles/1");
        assertThat(litellm.get("name").asText()).isEqualTo("litellm");
        assertThat(litellm.get("login").asBoolean()).isTrue();
        assertThat(declared("postgresql", litellm.at("/passwordSecret/name").asText()).data())
                .containsEntry("username", "litellm").containsKey("password");
        assertThat(spec.at("/bootstrap/initdb/postInitSQL").toString()).contains("CREATE DATABASE litellm OWNER litellm");
        assertThat(spec.at("/bootstrap/initdb/postInitSQL").toString()).doesNotContainIgnoringCase("password");
        assertThat(objects).noneMatch(o -> o.get("kind").asText().equals("Secret"));
    }

    @Test
    void valkeyReadsTheDefaultUsersPasswordFromTheGeneratedSecret() throws IOException {
        List<JsonNode> objects = render("valkey-0.9.4", "valkey");

        String rendered = objects.toString();
        CredentialSpec spec = declared("valkey", "valkey-credentials");
        JsonNode pod = objects.stream().filter(o -> o.get("kind").asText().matches("Deployment|StatefulSet"))
                .findFirst().orElseThrow().at("/spec/template/spec");
        List<String> secretVolumes = new ArrayList<>();
        pod.get("volumes").forEach(v -> {
            if (v.has("secret")) {
                secretVolumes.add(v.at("/secret/secretName").asText());
            }
        });
        assertThat(secretVolumes).contains(spec.secret());
        List<String> envRefs = new ArrayList<>();
        pod.get("containers").forEach(c -> c.path("env").forEach(e -> {
            JsonNode ref = e.at("/valueFrom/secretKeyRef");
            if (!ref.isMissingNode()) {
                envRefs.add(ref.get("name").asText() + "/" + ref.get("key").asText());
            }
        }));
        assertThat(envRefs).as("the metrics exporter's REDIS_PASSWORD").contains("valkey-credentials/password");
        assertThat(spec.data()).containsKey("password");
        // The init script reads /valkey-users-secret/<passwordKey>, i.e. the key "password".
        assertThat(rendered).contains("get_user_password").doesNotContain("changeme");
        assertThat(objects).noneMatch(o -> o.get("kind").asText().equals("Secret"));
    }

    @Test
    void opaServesPlainHttpSoNoRenderMakesANewCertificate() throws IOException {
        List<JsonNode> first = render("opa-kube-mgmt-10.0.0", "opa");
        List<JsonNode> second = render("opa-kube-mgmt-10.0.0", "opa");

        // Argo CD renders again on every refresh: an object that differs between renders stays OutOfSync.
        assertThat(second).isEqualTo(first);
        assertThat(first).noneMatch(o -> o.get("kind").asText().equals("Secret"));
        JsonNode opa = only(first, "Deployment").at("/spec/template/spec/containers/0");
        assertThat(opa.at("/readinessProbe/httpGet/scheme").asText()).isEqualTo("HTTP");
        assertThat(opa.get("args").toString()).doesNotContain("--tls-cert-file");
    }

    @Test
    void opasChartDefaultWouldRenderANewCertificateEachTime() throws IOException {
        String shipped = Scaffolder.embeddedFile("catalog/values/opa.yaml").orElseThrow();
        String chartDefault = shipped.replace("useHttps: false", "useHttps: true");
        assertThat(chartDefault).isNotEqualTo(shipped);

        List<JsonNode> first = VendoredCharts.render(dir, "opa-kube-mgmt-10.0.0", "opa", chartDefault, "runtime");
        List<JsonNode> second = VendoredCharts.render(dir, "opa-kube-mgmt-10.0.0", "opa", chartDefault, "runtime");

        assertThat(only(first, "Secret").at("/data/tls.crt")).isNotEqualTo(only(second, "Secret").at("/data/tls.crt"));
    }

    @Test
    void unstructuredServesItsApiAsUnstructuredWithProbesOnItsHealthcheck() throws IOException {
        List<JsonNode> objects = render("unstructured-api-0.0.3", "unstructured");

        assertThat(only(objects, "Service").at("/metadata/name").asText()).isEqualTo("unstructured");
        assertThat(only(objects, "Service").at("/spec/ports/0/port").asInt()).isEqualTo(8000);
        JsonNode api = only(objects, "Deployment").at("/spec/template/spec/containers/0");
        assertThat(api.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/healthcheck");
        assertThat(api.at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
        assertThat(api.at("/resources/limits/memory").asText()).isEqualTo("2Gi");
        assertThat(api.get("image").asText())
                .isEqualTo("downloads.unstructured.io/unstructured-io/unstructured-api:0.0.80");
        assertThat(render("unstructured-api-0.0.3", "unstructured")).isEqualTo(objects);
    }

    @Test
    void litellmsProxyReadsTheDeclaredSecretsAndAgentsFindItsPodsByLabel() throws IOException {
        List<JsonNode> objects = render("litellm-0.0.4", "litellm-proxy");
        CatalogEntry entry = Mappers.YAML.readValue(
                Scaffolder.embeddedFile("catalog/litellm-proxy.yaml").orElseThrow(), CatalogEntry.class);
        List<String> declared = entry.credentials().stream().map(CredentialSpec::secret).toList();

        // The Prisma migration Job (templates/hooks/migration.yaml, a helm hook) reads the same envFromSecretRefs;
        // helm-java's template returns the release manifest without hooks, so only the proxy is rendered here.
        JsonNode pod = only(objects, "Deployment").at("/spec/template");
        List<String> secretRefs = new ArrayList<>();
        pod.at("/spec/containers/0/envFrom").forEach(e -> {
            if (e.has("secretRef")) {
                secretRefs.add(e.at("/secretRef/name").asText());
            }
        });
        assertThat(secretRefs).containsExactlyInAnyOrderElementsOf(declared);
        entry.agentAccess().podLabels().forEach((key, value) ->
                assertThat(pod.at("/metadata/labels").path(key).asText()).as(key).isEqualTo(value));
        JsonNode service = objects.stream().filter(o -> o.get("kind").asText().equals("Service")).findFirst().orElseThrow();
        assertThat(service.at("/metadata/name").asText()).isEqualTo("litellm-proxy");
        assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(entry.agentAccess().port());
        assertSteady(objects, "litellm-0.0.4", "litellm-proxy");
    }

    /**
     * What keeps the app Synced in Argo CD, which renders again on every refresh: no stand-in dependency let in
     * (charts/README.md), no Secret drawn at render time, the same objects every time.
     */
    private void assertSteady(List<JsonNode> objects, String chart, String app) throws IOException {
        assertThat(objects).noneMatch(o -> o.at("/metadata/name").asText().startsWith("stand-in-"));
        assertThat(objects).noneMatch(o -> o.get("kind").asText().equals("Secret"));
        assertThat(render(chart, app)).isEqualTo(objects);
    }

    private static List<String> names(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> o.get("kind").asText().equals(kind))
                .map(o -> o.at("/metadata/name").asText()).toList();
    }

    /** {@code secret/key} of each env var named like {@code envName} in the pods of the given kinds that reads a Secret. */
    private static List<String> envSecretRefs(List<JsonNode> objects, String kinds, String envName) {
        List<String> refs = new ArrayList<>();
        objects.stream().filter(o -> o.get("kind").asText().matches(kinds)).forEach(o ->
                o.at("/spec/template/spec/containers").forEach(c -> c.path("env").forEach(e -> {
                    JsonNode ref = e.at("/valueFrom/secretKeyRef");
                    if (e.get("name").asText().matches(envName) && !ref.isMissingNode()) {
                        refs.add(ref.get("name").asText() + "/" + ref.get("key").asText());
                    }
                })));
        return refs;
    }

    private static List<Integer> servicePorts(List<JsonNode> objects, String name) {
        JsonNode service = objects.stream().filter(o -> o.get("kind").asText().equals("Service")
                && o.at("/metadata/name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Service " + name));
        List<Integer> ports = new ArrayList<>();
        service.at("/spec/ports").forEach(p -> ports.add(p.get("port").asInt()));
        return ports;
    }

    @Test
    void alloyTailsThePodLogsAndTakesOtlpOnItsService() throws IOException {
        List<JsonNode> objects = render("alloy-1.8.0", "alloy");

        JsonNode pod = only(objects, "DaemonSet").at("/spec/template/spec");
        assertThat(pod.get("volumes").toString()).contains("\"path\":\"/var/log\"");
        assertThat(pod.at("/containers/0/resources/limits/memory").asText()).isEqualTo("256Mi");
        assertThat(servicePorts(objects, "alloy")).contains(4317, 4318);
        String config = only(objects, "ConfigMap").at("/data/config.alloy").asText();
        assertThat(config).contains("http://loki.observability.svc.cluster.local:3100/loki/api/v1/push")
                .contains("tempo.observability.svc.cluster.local:4317");
        assertSteady(objects, "alloy-1.8.0", "alloy");
    }

    @Test
    void tempoReceivesOtlpKeepsTracesOnItsVolumeAndServesGrafanasDataSource() throws IOException {
        List<JsonNode> objects = render("tempo-1.24.4", "tempo");

        // Alloy forwards to tempo:4317; Grafana's Tempo data source (prometheus-stack's values) reads its HTTP port.
        JsonNode dataSources = Mappers.YAML.readTree(Scaffolder.embeddedFile("catalog/values/prometheus-stack.yaml")
                .orElseThrow()).at("/grafana/additionalDataSources");
        String tempoUrl = StreamSupport.stream(dataSources.spliterator(), false)
                .filter(d -> d.get("type").asText().equals("tempo")).findFirst().orElseThrow().get("url").asText();
        assertThat(tempoUrl).startsWith("http://tempo.observability.svc.cluster.local:");
        int grafanaReads = Integer.parseInt(tempoUrl.substring(tempoUrl.lastIndexOf(':') + 1));
        assertThat(servicePorts(objects, "tempo")).contains(grafanaReads, 4317, 4318);
        JsonNode set = only(objects, "StatefulSet");
        assertThat(set.at("/spec/volumeClaimTemplates/0/spec/resources/requests/storage").asText()).isEqualTo("10Gi");
        String config = objects.stream().filter(o -> o.get("kind").asText().equals("ConfigMap")).map(JsonNode::toString)
                .filter(c -> c.contains("tempo.yaml")).findFirst().orElseThrow();
        assertThat(config).contains("0.0.0.0:4317").contains("/var/tempo/traces").contains("backend: local");
        assertThat(render("tempo-1.24.4", "tempo")).isEqualTo(objects);
    }

    @Test
    void qdrantRunsOneReplicaOnItsVolumeWithoutAGeneratedApiKey() throws IOException {
        List<JsonNode> objects = render("qdrant-1.17.1", "qdrant");

        JsonNode set = only(objects, "StatefulSet");
        assertThat(set.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(set.at("/spec/volumeClaimTemplates/0/spec/resources/requests/storage").asText()).isEqualTo("10Gi");
        assertThat(set.at("/spec/template/spec/containers/0/resources/limits/memory").asText()).isEqualTo("1Gi");
        // apiKey: true would render a Secret with randAlphaNum 32 whenever lookup finds none (every Argo CD render).
        assertSteady(objects, "qdrant-1.17.1", "qdrant");
    }

    @Test
    void lokiRunsOneSingleBinaryOnItsVolumeAndServesAlloyAndGrafanaOn3100() throws IOException {
        List<JsonNode> objects = render("loki-6.55.0", "loki");

        JsonNode set = only(objects, "StatefulSet");
        assertThat(set.at("/metadata/name").asText()).isEqualTo("loki");
        assertThat(set.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(set.at("/spec/volumeClaimTemplates/0/spec/resources/requests/storage").asText()).isEqualTo("10Gi");
        // Alloy's loki.write and Grafana's Loki data source (prometheus-stack) both use loki:3100.
        assertThat(servicePorts(objects, "loki")).contains(3100);
        String config = objects.stream().filter(o -> o.get("kind").asText().equals("ConfigMap")
                && o.at("/metadata/name").asText().equals("loki")).findFirst().orElseThrow().toString();
        assertThat(config).contains("schema: v13").contains("object_store: filesystem").contains("auth_enabled: false");
        // Its dependencies (MinIO, the agent and rollout operators) are stand-ins (charts/README.md) kept off.
        assertSteady(objects, "loki-6.55.0", "loki");
    }

    @Test
    void temporalsServicesReadTheRolesPasswordFromTheCopiedSecret() throws IOException {
        List<JsonNode> objects = render("temporal-0.73.2", "temporal");
        CredentialSpec copied = declared("temporal", "temporal-postgresql");

        assertThat(names(objects, "Deployment")).contains("temporal-frontend", "temporal-history", "temporal-matching",
                "temporal-worker", "temporal-web");
        List<String> passwordRefs = envSecretRefs(objects, "Deployment|Job", ".*PASSWORD.*");
        assertThat(passwordRefs).isNotEmpty().allMatch(r -> r.equals(copied.secret() + "/password"));
        assertThat(copied.copyFrom().keys()).containsKey("password");
        String rendered = objects.toString();
        assertThat(rendered).contains("postgresql-rw.storage.svc.cluster.local").contains("temporal_visibility");
        assertSteady(objects, "temporal-0.73.2", "temporal");
    }

    @Test
    void cnpgsOperatorWatchesEveryNamespaceUnderTheNameItsDiagnosticsUse() throws IOException {
        List<JsonNode> objects = render("cloudnative-pg-0.28.0", "cnpg-operator");

        assertThat(names(objects, "Deployment")).containsExactly("cnpg-operator-cloudnative-pg");
        assertThat(names(objects, "CustomResourceDefinition")).contains("clusters.postgresql.cnpg.io");
        // clusterWide: bound cluster-wide and no WATCH_NAMESPACE, not a Role in cnpg-system only (postgresql lives in storage).
        assertThat(names(objects, "ClusterRoleBinding")).contains("cnpg-operator-cloudnative-pg");
        assertThat(names(objects, "RoleBinding")).doesNotContain("cnpg-operator-cloudnative-pg");
        assertThat(only(objects, "Deployment").at("/spec/template/spec/containers/0/env").toString())
                .doesNotContain("WATCH_NAMESPACE");
        assertSteady(objects, "cloudnative-pg-0.28.0", "cnpg-operator");
    }

    @Test
    void externalSecretsRunsItsThreeDeploymentsUnderTheNamesItsDiagnosticsUse() throws IOException {
        List<JsonNode> objects = render("external-secrets-2.4.1", "external-secrets");

        assertThat(names(objects, "Deployment")).containsExactlyInAnyOrder("external-secrets",
                "external-secrets-webhook", "external-secrets-cert-controller");
        objects.stream().filter(o -> o.get("kind").asText().equals("Deployment")).forEach(d ->
                assertThat(d.at("/spec/template/spec/containers/0/resources/limits/memory").asText())
                        .as(d.at("/metadata/name").asText()).isIn("256Mi", "128Mi"));
        // The webhook's Secret is rendered empty; the cert controller fills it in the cluster.
        assertThat(only(objects, "Secret").has("data")).isFalse();
        assertThat(objects).noneMatch(o -> o.at("/metadata/name").asText().startsWith("stand-in-"));
        assertThat(render("external-secrets-2.4.1", "external-secrets")).isEqualTo(objects);
    }

    @Test
    void langfusesWebAndWorkerReadOnlySecretsAndKeysItsEntryDeclares() throws IOException {
        List<JsonNode> objects = render("langfuse-1.5.23", "langfuse");

        assertThat(names(objects, "Deployment")).contains("langfuse-web", "langfuse-worker");
        List<String> refs = envSecretRefs(objects, "Deployment", ".*");
        assertThat(refs).contains("langfuse-postgresql/password", "langfuse-valkey/password",
                "langfuse-credentials/salt", "langfuse-credentials/encryption-key",
                "langfuse-credentials/nextauth-secret", "langfuse-credentials/clickhouse-password",
                "langfuse-credentials/s3-user", "langfuse-credentials/s3-password");
        for (String ref : refs) {
            String secret = ref.substring(0, ref.indexOf('/'));
            String key = ref.substring(ref.indexOf('/') + 1);
            CredentialSpec spec = declared("langfuse", secret);
            assertThat(spec.copyFrom() == null ? spec.data().keySet() : spec.copyFrom().keys().keySet()).as(ref)
                    .contains(key);
        }
        // Bitnami's ClickHouse and MinIO are stand-ins (charts/README.md) rendered because the values deploy them;
        // PostgreSQL and Valkey come from the postgresql and valkey apps.
        assertThat(names(objects, "ConfigMap")).contains("stand-in-clickhouse-rendered", "stand-in-minio-rendered")
                .doesNotContain("stand-in-postgresql-rendered", "stand-in-valkey-rendered");
        assertThat(objects).noneMatch(o -> o.get("kind").asText().equals("Secret"));
        assertThat(render("langfuse-1.5.23", "langfuse")).isEqualTo(objects);
    }
}

package com.sikifanso.credentials;

import com.sikifanso.catalog.ProfileSelection;
import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.GitCli;
import com.sikifanso.LabKubeconfig;
import com.sikifanso.Services;
import com.sikifanso.catalog.CredentialLint;
import com.sikifanso.cli.CommandLines;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.GitOpsRepo;
import com.sikifanso.gitops.RepoChange;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.mcp.McpOptions;
import com.sikifanso.mcp.SikifansoMcpServer;
import com.sikifanso.ops.Operation;
import com.sikifanso.ops.OperationRegistry;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.SikifansoHome;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-cluster credentials end to end, through the services and the command line as wired for
 * users, against fabric8's mock API server in CRUD mode standing in for the cluster (no
 * kube-apiserver or k3s can run here; the test plays the kubelet by setting rollout status).
 */
@EnableKubernetesMockClient(crud = true)
class AppCredentialsTest {
    private static final String CLUSTER = "lab";

    KubernetesClient client;

    @TempDir
    Path dir;

    private Services services;
    private Map<String, String> env;
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void runningCluster() throws Exception {
        Path kubeconfig = LabKubeconfig.write(dir.resolve("kubeconfig"), client.getMasterUrl().toString());
        env = Map.of("SIKIFANSO_HOME", dir.resolve("home").toString(), "KUBECONFIG", kubeconfig.toString(),
                "HOME", dir.toString(), "DOCKER_HOST", "unix:///nonexistent.sock");
        services = new Services(new BuildInfo("test", "none"), new SikifansoHome(dir.resolve("home")),
                Duration.ofSeconds(5), progress::add, env);
        services.clusters().prepare(ClusterName.of(CLUSTER), new TemplateSource.Embedded(), null);
        setState(CLUSTER, ClusterState.RUNNING);
    }

    private void setState(String cluster, ClusterState state) {
        services.sessions().save(services.sessions().load(ClusterName.of(cluster)).withState(state));
    }

    private Map<String, String> secret(String namespace, String name) {
        Secret s = client.secrets().inNamespace(namespace).withName(name).get();
        assertThat(s).as(namespace + "/" + name).isNotNull();
        Map<String, String> values = new TreeMap<>();
        s.getData().forEach((k, v) -> values.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        return values;
    }

    private record Run(int code, String out, String err) {
    }

    private Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("-c", CLUSTER));
        all.addAll(List.of(args));
        int code = CommandLines.run(all.toArray(String[]::new), env, new PrintWriter(out, true),
                new PrintWriter(err, true), false);
        return new Run(code, out.toString(), err.toString());
    }

    private GitCli git() {
        return new GitCli(dir.resolve("home/clusters").resolve(CLUSTER).resolve("gitops"));
    }

    @Test
    void enablingOnARunningClusterCreatesLabelledSecretsInTheAppsNamespaces() {
        services.apps().enable(ClusterName.of(CLUSTER), List.of("langfuse"));

        Map<String, String> superuser = secret("storage", "postgresql-superuser");
        assertThat(superuser.get("username")).isEqualTo("postgres");
        assertThat(superuser.get("password")).matches("[A-Za-z0-9]{32}");
        assertThat(client.secrets().inNamespace("storage").withName("postgresql-superuser").get().getType())
                .isEqualTo("kubernetes.io/basic-auth");
        Map<String, String> langfuse = secret("observability", "langfuse-credentials");
        assertThat(langfuse.get("encryption-key")).matches("[0-9a-f]{64}");
        assertThat(langfuse.get("secret-key")).matches("sk-lf-[A-Za-z0-9]{32}");
        assertThat(langfuse.get("salt")).isNotEqualTo(langfuse.get("nextauth-secret"));
        // Consumers read copies of the producers' values in their own namespace.
        assertThat(secret("observability", "langfuse-postgresql").get("password")).isEqualTo(superuser.get("password"));
        assertThat(secret("observability", "langfuse-valkey").get("password"))
                .isEqualTo(secret("storage", "valkey-credentials").get("password"));
        assertThat(secret("observability", "grafana-admin")).containsKeys("admin-user", "admin-password");
        assertThat(client.secrets().inAnyNamespace().withLabel("app.kubernetes.io/managed-by", "sikifanso").list()
                .getItems()).as("postgresql's superuser, temporal and litellm roles; valkey; langfuse's own and two "
                + "copies; grafana").hasSize(8);
        assertThat(progress).anyMatch(p -> p.startsWith("credentials: created the Secrets"));
        Path store = dir.resolve("home/clusters/lab/credentials.yaml");
        assertThat(store).exists();
    }

    @Test
    void litellmGetsItsDatabaseUrlBuiltFromThePostgresqlRolesGeneratedPassword() {
        Run enable = cli("app", "enable", "litellm-proxy", "--no-wait");
        assertThat(enable.code()).as(enable.err()).isZero();

        Map<String, String> role = secret("storage", "postgresql-litellm");
        assertThat(role).containsEntry("username", "litellm");
        assertThat(role.get("password")).hasSize(32);
        assertThat(secret("gateway", "litellm-proxy-database")).containsExactly(Map.entry("DATABASE_URL",
                "postgresql://litellm:" + role.get("password")
                        + "@postgresql-rw.storage.svc.cluster.local:5432/litellm"));
    }

    @Test
    void theValuesAreNeitherInTheRepoNorItsHistoryNorTheCommandsOutput() throws Exception {
        Run enable = cli("app", "enable", "litellm-proxy", "--no-wait");
        assertThat(enable.code()).as(enable.err()).isZero();

        List<String> generated = new ArrayList<>();
        for (String[] ref : List.of(new String[] {"gateway", "litellm-proxy-credentials"},
                new String[] {"observability", "langfuse-credentials"}, new String[] {"storage", "valkey-credentials"},
                new String[] {"storage", "postgresql-superuser"})) {
            secret(ref[0], ref[1]).forEach((k, v) -> {
                if (v.length() >= 32) {
                    generated.add(v);
                }
            });
        }
        assertThat(generated).hasSizeGreaterThan(8);
        String history = git().run("log", "-p", "--all", "--format=%H %s");
        assertThat(history).contains("enable litellm-proxy");
        assertThat(Files.readString(dir.resolve("home/clusters/lab/credentials.yaml"))).contains(generated.getFirst());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve("home/clusters/lab/credentials.yaml")))).isEqualTo("rw-------");
        for (String value : generated) {
            assertThat(history).doesNotContain(value);
            assertThat(enable.out() + enable.err()).doesNotContain(value);
        }
        assertThat(git().status()).isEmpty();
    }

    @Test
    void appCredentialsShowsThemOnRequestAsJson() throws Exception {
        services.apps().enable(ClusterName.of(CLUSTER), List.of("litellm-proxy"));

        Run shown = cli("app", "credentials", "litellm-proxy", "-o", "json");

        assertThat(shown.code()).as(shown.err()).isZero();
        JsonNode json = Mappers.JSON.readTree(shown.out());
        assertThat(json.get("app").asText()).isEqualTo("litellm-proxy");
        JsonNode master = json.get("secrets").get(0);
        assertThat(master.get("name").asText()).isEqualTo("litellm-proxy-credentials");
        assertThat(master.at("/values/LITELLM_MASTER_KEY").asText())
                .isEqualTo(secret("gateway", "litellm-proxy-credentials").get("LITELLM_MASTER_KEY"));
        JsonNode copy = json.get("secrets").get(1);
        assertThat(copy.get("copiedFrom").asText()).isEqualTo("langfuse:langfuse-credentials");
        assertThat(copy.at("/values/LANGFUSE_SECRET_KEY").asText())
                .isEqualTo(secret("observability", "langfuse-credentials").get("secret-key"));

        Run table = cli("app", "credentials", "litellm-proxy");
        assertThat(table.out()).contains("gateway/litellm-proxy-credentials", "LITELLM_MASTER_KEY",
                master.at("/values/LITELLM_MASTER_KEY").asText());
    }

    @Test
    void secretsThatExistAreNeverOverwrittenAndADeletedOneComesBackWithTheSameValues() {
        services.apps().enable(ClusterName.of(CLUSTER), List.of("valkey"));
        Map<String, String> first = secret("storage", "valkey-credentials");
        Secret edited = client.secrets().inNamespace("storage").withName("valkey-credentials").get();
        edited.getData().put("password", Base64.getEncoder().encodeToString("set-by-hand".getBytes()));
        client.secrets().inNamespace("storage").resource(edited).update();

        // What cluster create and cluster start run once the API server answers.
        services.apps().provisionCredentials(ClusterName.of(CLUSTER));
        assertThat(secret("storage", "valkey-credentials").get("password")).isEqualTo("set-by-hand");

        client.secrets().inNamespace("storage").withName("valkey-credentials").delete();
        services.apps().provisionCredentials(ClusterName.of(CLUSTER));
        assertThat(secret("storage", "valkey-credentials")).isEqualTo(first);
    }

    @Test
    void appsEnabledBeforeTheClusterRanGetTheirSecretsWhenItComesUp() {
        setState(CLUSTER, ClusterState.NOT_CREATED);
        services.apps().enableProfiles(ClusterName.of(CLUSTER), ProfileSelection.parse("agent-dev"));
        assertThat(client.secrets().inAnyNamespace().list().getItems()).isEmpty();
        AppCredentials.Shown before = services.credentials().show(ClusterName.of(CLUSTER), "litellm-proxy");

        setState(CLUSTER, ClusterState.RUNNING);
        services.apps().provisionCredentials(ClusterName.of(CLUSTER));

        assertThat(secret("gateway", "litellm-proxy-credentials"))
                .isEqualTo(before.secrets().getFirst().values());
    }

    @Test
    void twoClustersGetDifferentCredentials() {
        services.clusters().prepare(ClusterName.of("lab2"), new TemplateSource.Embedded(), null);
        services.apps().enable(ClusterName.of(CLUSTER), List.of("valkey"));
        services.apps().enable(ClusterName.of("lab2"), List.of("valkey"));

        String one = services.credentials().show(ClusterName.of(CLUSTER), "valkey").secrets().getFirst().values().get("password");
        String two = services.credentials().show(ClusterName.of("lab2"), "valkey").secrets().getFirst().values().get("password");

        assertThat(one).matches("[A-Za-z0-9]{32}");
        assertThat(two).matches("[A-Za-z0-9]{32}").isNotEqualTo(one);
    }

    @Test
    void rotationChangesTheValuesTheConsumersCopiesFollowAndBothRestart() throws Exception {
        services.apps().enable(ClusterName.of(CLUSTER), List.of("langfuse"));
        client.apps().deployments().inNamespace("observability")
                .resource(deployment("observability", "langfuse-web", "langfuse")).create();
        client.apps().statefulSets().inNamespace("storage").resource(statefulSet("storage", "valkey", "valkey"))
                .create();
        Map<String, String> before = secret("storage", "valkey-credentials");

        Run rotate;
        try (AutoCloseable controller = rollsOutRestartedWorkloads()) {
            rotate = cli("app", "rotate-credentials", "valkey");
        }

        assertThat(rotate.code()).as(rotate.err()).isZero();
        String after = secret("storage", "valkey-credentials").get("password");
        assertThat(after).matches("[A-Za-z0-9]{32}").isNotEqualTo(before.get("password"));
        assertThat(secret("observability", "langfuse-valkey").get("password")).isEqualTo(after);
        assertThat(services.credentials().show(ClusterName.of(CLUSTER), "valkey").secrets().getFirst().values().get("password"))
                .isEqualTo(after);
        assertThat(restartedAt("observability", "langfuse-web")).isNotNull();
        assertThat(client.apps().statefulSets().inNamespace("storage").withName("valkey").get().getSpec()
                .getTemplate().getMetadata().getAnnotations()).containsKey(Rollouts.RESTARTED_AT);
        assertThat(rotate.out()).contains("Rotated valkey: storage/valkey-credentials",
                "Updated the copies: observability/langfuse-valkey", "Deployment observability/langfuse-web",
                "StatefulSet storage/valkey").doesNotContain(after);
    }

    @Test
    void valuesBoundToStoredDataAreKeptByRotation() {
        services.apps().enable(ClusterName.of(CLUSTER), List.of("langfuse"));
        Map<String, String> before = secret("observability", "langfuse-credentials");

        AppCredentials.Rotation rotation = services.credentials().rotate(ClusterName.of(CLUSTER), "langfuse");

        Map<String, String> after = secret("observability", "langfuse-credentials");
        for (String kept : List.of("salt", "encryption-key", "public-key", "secret-key", "admin-password")) {
            assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
        }
        assertThat(after.get("nextauth-secret")).isNotEqualTo(before.get("nextauth-secret"));
        assertThat(after.get("clickhouse-password")).isNotEqualTo(before.get("clickhouse-password"));
        assertThat(after.get("s3-user")).isEqualTo("minio");
        assertThat(rotation.rotated().kept()).contains("langfuse-credentials/salt");
        assertThat(rotation.commit()).isNull();
    }

    @Test
    void rotationWaitsForTheRestartedPodsAndTimesOutWithExitCode3() {
        services.apps().enable(ClusterName.of(CLUSTER), List.of("valkey"));
        client.apps().statefulSets().inNamespace("storage").resource(statefulSet("storage", "valkey", "valkey"))
                .create();

        Run timedOut = cli("app", "rotate-credentials", "valkey", "--timeout", "1s");
        assertThat(timedOut.code()).isEqualTo(3);
        assertThat(timedOut.err()).contains("not rolled out within 1s: StatefulSet storage/valkey");

        Run noWait = cli("app", "rotate-credentials", "valkey", "--no-wait");
        assertThat(noWait.code()).as(noWait.err()).isZero();
    }

    @Test
    void rotationMovesAnOlderTemplatesLiteralPasswordsToGeneratedSecrets() throws Exception {
        GitOpsRepo repo = new GitOpsRepo(git().dir());
        repo.apply(new RepoChange("an older template")
                .write("catalog/valkey.yaml", "name: valkey\ncategory: storage\ndescription: Valkey\n"
                        + "repoURL: https://valkey.io/valkey-helm\nchart: valkey\ntargetRevision: \"0.9.4\"\n"
                        + "namespace: storage\nenabled: true\ntier: 1-data\n")
                .write("catalog/values/valkey.yaml", "auth:\n  enabled: true\n  aclUsers:\n    default:\n"
                        + "      permissions: \"~* &* +@all\"\n      password: changeme\n"));

        AppCredentials.Rotation rotation = services.credentials().rotate(ClusterName.of(CLUSTER), "valkey");

        assertThat(rotation.migrated()).containsExactly("valkey");
        assertThat(git().subjects().getFirst()).isEqualTo("credentials: move valkey from literal passwords to "
                + "generated Secrets");
        String values = Files.readString(git().dir().resolve("catalog/values/valkey.yaml"));
        assertThat(CredentialLint.check("valkey", values)).isEmpty();
        assertThat(values).contains("usersExistingSecret: valkey-credentials");
        assertThat(Files.readString(git().dir().resolve("catalog/valkey.yaml"))).contains("enabled: true",
                "secret: valkey-credentials");
        assertThat(secret("storage", "valkey-credentials").get("password")).matches("[A-Za-z0-9]{32}");
    }

    @Test
    void badRequestsSayWhatIsWrongAndChangeNothing() throws Exception {
        services.apps().enable(ClusterName.of(CLUSTER), List.of("qdrant", "valkey", "temporal"));
        String head = git().head();

        assertThat(cli("app", "credentials", "qdrant").err()).contains("qdrant has no generated credentials",
                "apps with credentials: langfuse, litellm-proxy, nemo-guardrails, postgresql, prometheus-stack, "
                        + "temporal, valkey");
        assertThat(cli("app", "credentials", "nosuch").err()).contains("app \"nosuch\" is not in the catalog");
        assertThat(cli("app", "credentials", "langfuse").err()).contains(
                "no credentials were generated for langfuse in cluster \"lab\" yet", "sikifanso app enable langfuse");
        assertThatThrownBy(() -> services.credentials().rotate(ClusterName.of(CLUSTER), "temporal"))
                .isInstanceOf(SikifansoException.class)
                .hasMessageContaining("temporal's credentials are copies of postgresql's");
        assertThatThrownBy(() -> services.credentials().rotate(ClusterName.of(CLUSTER), "langfuse"))
                .hasMessageContaining("langfuse is not enabled");
        assertThatThrownBy(() -> services.credentials().rotate(ClusterName.of(CLUSTER), "qdrant"))
                .hasMessageContaining("qdrant has no generated credentials");
        Map<String, String> valkey = secret("storage", "valkey-credentials");
        setState(CLUSTER, ClusterState.STOPPED);
        Run stopped = cli("app", "rotate-credentials", "valkey");
        assertThat(stopped.code()).isEqualTo(1);
        assertThat(stopped.err()).contains("cluster \"lab\" is not running", "sikifanso cluster start lab");

        assertThat(secret("storage", "valkey-credentials")).isEqualTo(valkey);
        assertThat(git().head()).isEqualTo(head);
    }

    @Test
    void aClusterThatDoesNotAnswerLeavesTheRepoAsItWas() throws Exception {
        LabKubeconfig.write(dir.resolve("kubeconfig"), "https://127.0.0.1:1");
        String head = git().head();

        Run enable = cli("app", "enable", "valkey", "--no-wait");

        assertThat(enable.code()).isEqualTo(1);
        assertThat(enable.err()).contains("cannot create the credentials of valkey in cluster \"lab\"");
        assertThat(git().head()).isEqualTo(head);
        assertThat(Files.readString(git().dir().resolve("catalog/valkey.yaml"))).contains("enabled: false");
    }

    @Test
    void noMcpToolReturnsCredentials() {
        Operation<?, ?> show = new OperationRegistry().find("app_credentials").orElseThrow();
        assertThat(show.revealsSecrets()).isTrue();

        List<String> offered = new SikifansoMcpServer(services, new OperationRegistry(),
                new McpOptions(false, null, null, null, false)).offered().stream().map(Operation::name).toList();

        assertThat(offered).contains("app_rotate_credentials").doesNotContain("app_credentials");
        assertThat(new OperationRegistry().all().stream().filter(Operation::revealsSecrets).map(Operation::name))
                .containsExactly("app_credentials");
    }

    private Deployment deployment(String namespace, String name, String instance) {
        return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels(Rollouts.INSTANCE_LABEL, instance).endMetadata()
                .withNewSpec().withReplicas(1).withNewTemplate().withNewMetadata().endMetadata().endTemplate()
                .endSpec().build();
    }

    private io.fabric8.kubernetes.api.model.apps.StatefulSet statefulSet(String namespace, String name,
                                                                          String instance) {
        return new StatefulSetBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels(Rollouts.INSTANCE_LABEL, instance).endMetadata()
                .withNewSpec().withReplicas(1).withNewTemplate().withNewMetadata().endMetadata().endTemplate()
                .endSpec().withNewStatus().withReplicas(1).withReadyReplicas(0).withCurrentRevision("a")
                .withUpdateRevision("b").endStatus().build();
    }

    /**
     * Plays the Deployment and StatefulSet controllers (which no mock runs): a workload whose pod
     * template carries the restart annotation gets the status of a finished rollout.
     */
    private AutoCloseable rollsOutRestartedWorkloads() {
        java.util.concurrent.ScheduledExecutorService controller =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        controller.scheduleWithFixedDelay(() -> {
            for (Deployment d : client.apps().deployments().inAnyNamespace().list().getItems()) {
                if (restarted(d.getSpec().getTemplate()) && d.getStatus() == null) {
                    d.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
                            .withObservedGeneration(d.getMetadata().getGeneration()).withReplicas(1)
                            .withUpdatedReplicas(1).withAvailableReplicas(1).withReadyReplicas(1).build());
                    client.apps().deployments().inNamespace(d.getMetadata().getNamespace()).resource(d).update();
                }
            }
            for (var s : client.apps().statefulSets().inAnyNamespace().list().getItems()) {
                if (restarted(s.getSpec().getTemplate()) && s.getStatus().getReadyReplicas() == 0) {
                    s.getStatus().setObservedGeneration(s.getMetadata().getGeneration());
                    s.getStatus().setReadyReplicas(1);
                    s.getStatus().setCurrentRevision(s.getStatus().getUpdateRevision());
                    client.apps().statefulSets().inNamespace(s.getMetadata().getNamespace()).resource(s).update();
                }
            }
        }, 0, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
        return controller::shutdownNow;
    }

    private static boolean restarted(io.fabric8.kubernetes.api.model.PodTemplateSpec template) {
        return template.getMetadata().getAnnotations() != null
                && template.getMetadata().getAnnotations().containsKey(Rollouts.RESTARTED_AT);
    }

    private String restartedAt(String namespace, String deployment) {
        Map<String, String> annotations = client.apps().deployments().inNamespace(namespace).withName(deployment)
                .get().getSpec().getTemplate().getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(Rollouts.RESTARTED_AT);
    }
}

package com.sikifanso.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.LabKubeconfig;
import com.sikifanso.Services;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.ClusterName;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.SikifansoHome;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dry runs against a running cluster: fabric8's mock API server in CRUD mode stands in for it (no kube-apiserver
 * can run here) and counts every request, so "no Argo CD call" is measured, not assumed; the GitOps repo is a real
 * git repository, checked with the git CLI as a user would.
 */
@EnableKubernetesMockClient(crud = true)
class PlansTest {
    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path home;

    private Services services;
    private Path repo;

    @BeforeEach
    void runningCluster() throws IOException {
        Path kubeconfig = home.resolve("kubeconfig");
        LabKubeconfig.write(kubeconfig, client.getMasterUrl().toString());
        services = new Services(new BuildInfo("test", "none"), new SikifansoHome(home.resolve("home")),
                Duration.ofSeconds(5), line -> { }, Map.of("KUBECONFIG", kubeconfig.toString(),
                        "HOME", home.toString(), "DOCKER_HOST", "unix:///nonexistent.sock"));
        services.clusters().prepare(ClusterName.of("lab"), new TemplateSource.Embedded(), null);
        services.sessions().save(services.sessions().load(ClusterName.of("lab")).withState(ClusterState.RUNNING));
        repo = Path.of(services.sessions().load(ClusterName.of("lab")).gitOpsPath());
    }

    private <I extends Record, O extends Record> Plan plan(Operation<I, O> operation, I input) {
        return services.invocations().plan(operation, input,
                Invocations.Caller.program(Surface.ai, line -> { }));
    }

    @Test
    void enablingPlansTheAppAndTheDependenciesItWouldEnable() {
        Plan plan = plan(CatalogOps.ENABLE, new CatalogOps.EnableInput("lab", List.of("langfuse"), true));

        // langfuse needs cnpg-operator, postgresql and valkey; postgresql in turn prometheus-stack.
        assertThat(plan.files()).containsExactlyInAnyOrder("catalog/langfuse.yaml", "catalog/cnpg-operator.yaml",
                "catalog/postgresql.yaml", "catalog/valkey.yaml", "catalog/prometheus-stack.yaml");
        assertThat(plan.diff()).contains("--- a/catalog/langfuse.yaml", "+++ b/catalog/langfuse.yaml",
                "-enabled: false", "+enabled: true", "+++ b/catalog/valkey.yaml");
        assertThat(plan.summary()).contains("catalog: enable langfuse", "auto-enabled dependencies",
                "cluster lab", "5 files");
        assertThat(plan.safety()).isEqualTo(Safety.CHANGE);
        assertThat(plan.arguments()).containsEntry("names", List.of("langfuse"));
    }

    @Test
    void aPlanChangesNothingAndCallsNoApi() throws Exception {
        String head = git("rev-parse", "HEAD");
        String status = git("status", "--porcelain");
        List<String> homeFiles = files(home.resolve("home"));
        int requests = server.getRequestCount();

        plan(CatalogOps.ENABLE, new CatalogOps.EnableInput("lab", List.of("langfuse"), true));
        plan(AgentOps.CREATE, agent("bob", null));
        plan(ArgoCdOps.SYNC, new ArgoCdOps.SyncInput("lab", null, true, 300));

        // Listed before git status runs again: git may rewrite .git/index itself (racily clean entries).
        List<String> homeFilesAfter = files(home.resolve("home"));
        assertThat(git("rev-parse", "HEAD")).isEqualTo(head);
        assertThat(git("status", "--porcelain")).isEqualTo(status).isEmpty();
        assertThat(git("log", "--oneline").lines().count()).isEqualTo(1);
        assertThat(homeFilesAfter).as("no journal, credentials or session written").isEqualTo(homeFiles);
        assertThat(server.getRequestCount()).as("requests to the Kubernetes API (Argo CD)").isEqualTo(requests);
    }

    @Test
    void creatingAnAgentPlansItsFiles() {
        Plan plan = plan(AgentOps.CREATE, agent("bob", null));

        assertThat(plan.files()).contains("agents/bob.yaml").allMatch(f -> f.startsWith("agents/"));
        assertThat(plan.diff()).contains("+++ b/agents/bob.yaml", "+name: bob");
        assertThat(plan.summary()).contains("agent: create bob");
        assertThat(plan.changesRepository()).isTrue();
    }

    @Test
    void aPlanFailsWithTheMessageTheCallWouldFailWith() {
        CatalogOps.EnableInput unknown = new CatalogOps.EnableInput("lab", List.of("no-such-app"), false);
        String callMessage = messageOf(() -> services.invocations().invoke(CatalogOps.ENABLE, unknown,
                Invocations.Caller.program(Surface.cli, line -> { })));
        assertThatThrownBy(() -> plan(CatalogOps.ENABLE, unknown)).hasMessage(callMessage)
                .hasMessageContaining("no-such-app");

        AgentOps.AgentSettings bad = agent("bob", "lots");
        String badSpec = messageOf(() -> services.agents().create(ClusterName.of("lab"), "bob", bad.spec()));
        assertThatThrownBy(() -> plan(AgentOps.CREATE, bad)).hasMessage(badSpec).hasMessageContaining("lots");

        assertThatThrownBy(() -> plan(CatalogOps.ENABLE, new CatalogOps.EnableInput("nope", List.of("qdrant"),
                false))).hasMessageContaining("nope");
    }

    @Test
    void aChangeThatIsAlreadyMadePlansNothing() {
        services.apps().enable(ClusterName.of("lab"), List.of("qdrant"));

        Plan plan = plan(CatalogOps.ENABLE, new CatalogOps.EnableInput("lab", List.of("qdrant"), false));

        assertThat(plan.changesRepository()).isFalse();
        assertThat(plan.diff()).isEmpty();
        assertThat(plan.summary()).contains("would change nothing", "already enabled");
    }

    @Test
    void operationsThatMakeNoCommitArePlannedInWords() {
        Plan sync = plan(ArgoCdOps.SYNC, new ArgoCdOps.SyncInput("lab", "qdrant", false, 300));
        Plan delete = plan(ClusterOps.CLUSTER_DELETE, new ClusterOps.ClusterRef("lab"));

        assertThat(sync.summary()).contains("sync qdrant in cluster lab", "No GitOps commit, so no diff.");
        assertThat(sync.files()).isEmpty();
        assertThat(delete.summary()).startsWith("Delete cluster lab").contains("no diff");
        assertThat(delete.safety().destructive()).isTrue();
        assertThatThrownBy(() -> plan(ClusterOps.CLUSTER_STOP, new ClusterOps.ClusterRef("ghost")))
                .hasMessageContaining("ghost");
    }

    @Test
    void secretsInThePlannedDiffAreMasked() {
        Plan plan = plan(CatalogOps.ADD, new CatalogOps.AppAddInput("lab", "podinfo",
                "https://stefanprodan.github.io/podinfo", "podinfo", "6.10.1", null,
                "auth:\n  password: hunter2-Secret\n", false, false));

        assertThat(plan.files()).contains("apps/coordinates/podinfo.yaml", "apps/values/podinfo.yaml");
        assertThat(plan.diff()).contains("password: ****").doesNotContain("hunter2");
    }

    @Test
    void everyMutatingOperationIsPlannedOneWayOrTheOther() {
        for (Operation<?, ?> op : new OperationRegistry().all()) {
            if (!op.safety().readOnly()) {
                assertThat(Plans.COMMITTING.contains(op.name()) ^ Plans.IN_WORDS.containsKey(op.name()))
                        .as(op.name() + ": rehearsed (Plans.COMMITTING) or in words (Plans.IN_WORDS), not both")
                        .isTrue();
            }
        }
    }

    static AgentOps.AgentSettings agent(String name, String cpuRequest) {
        return new AgentOps.AgentSettings("lab", name, cpuRequest, null, null, null, null, null, null, null, false);
    }

    private static String messageOf(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("the call did not fail");
    }

    private String git(String... args) throws IOException, InterruptedException {
        return git(repo, args);
    }

    /** The git CLI in {@code repo}, as a user would read it; fails the test when git does. */
    static String git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            // Files, not directories: the git CLI's own reads here touch .git's mtime.
            return s.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p) + " " + p.toFile().length() + " " + p.toFile().lastModified())
                    .sorted().toList();
        }
    }
}

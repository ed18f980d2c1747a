package com.sikifanso.ops;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.LabKubeconfig;
import com.sikifanso.Services;
import com.sikifanso.argocd.ArgoCdResources;
import com.sikifanso.cli.CommandLines;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.SikifansoHome;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agent and snapshot changes are waited for through what their services say must converge (their PendingSync),
 * from the tool with {@code wait: true} and from the CLI without {@code --no-wait}. fabric8's mock API server stands
 * in for the running cluster (none can run here); the test plays Argo CD, acting a little after the call.
 */
@EnableKubernetesMockClient(crud = true)
class AgentAndSnapshotWaitsTest {
    KubernetesClient client;

    @TempDir
    Path dir;

    private Services services;
    private Map<String, String> env;
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService argo = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void runningCluster() throws Exception {
        Path kubeconfig = dir.resolve("kubeconfig");
        LabKubeconfig.write(kubeconfig, client.getMasterUrl().toString());
        Path home = dir.resolve("home");
        env = Map.of("KUBECONFIG", kubeconfig.toString(), "HOME", dir.toString(),
                "DOCKER_HOST", "unix:///nonexistent.sock", "SIKIFANSO_HOME", home.toString());
        services = new Services(new BuildInfo("test", "none"), new SikifansoHome(home), Duration.ofSeconds(5),
                progress::add, env);
        services.clusters().prepare(ClusterName.of("lab"), new TemplateSource.Embedded(), null);
        services.sessions().save(services.sessions().load(ClusterName.of("lab")).withState(ClusterState.RUNNING));
    }

    @AfterEach
    void stopArgo() {
        argo.shutdownNow();
    }

    private Resource<GenericKubernetesResource> application(String name) {
        return client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd").withName(name);
    }

    private void create(GenericKubernetesResource application) {
        client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd").resource(application)
                .create();
    }

    private GenericKubernetesResource healthy(String name) {
        return new GenericKubernetesResourceBuilder().withApiVersion("argoproj.io/v1alpha1").withKind("Application")
                .withNewMetadata().withName(name).withNamespace("argocd").endMetadata()
                .addToAdditionalProperties("status", Map.of("sync", Map.of("status", "Synced"),
                        "health", Map.of("status", "Healthy")))
                .build();
    }

    private void deployedLater(String app) {
        argo.schedule(() -> create(healthy(app)), 300, TimeUnit.MILLISECONDS);
    }

    private void removedLater(String app) {
        create(healthy(app));
        argo.schedule(() -> application(app).delete(), 300, TimeUnit.MILLISECONDS);
    }

    private Object call(String tool, Map<String, Object> args) {
        return new OperationRegistry().invoke(tool, args, new OperationContext(services, progress::add));
    }

    @Test
    void agentCreateWithWaitReturnsOnceArgoCdReportsTheSandboxHealthy() {
        deployedLater("coder");

        call("agent_create", Map.of("cluster", "lab", "name", "coder", "wait", true));

        assertThat(progress).anyMatch(l -> l.contains("coder: sync=Synced health=Healthy"));
    }

    @Test
    void agentDeleteWithWaitReturnsOnceItsApplicationIsGone() {
        services.agents().create(ClusterName.of("lab"), "bob", com.sikifanso.agents.AgentSpec.DEFAULTS);
        removedLater("bob");

        call("agent_delete", Map.of("cluster", "lab", "name", "bob", "wait", true));

        assertThat(application("bob").get()).as("returned only after Argo CD removed it").isNull();
    }

    @Test
    void snapshotRestoreWithWaitReturnsOnceWhatItRemovedIsGone() {
        services.snapshots().capture(ClusterName.of("lab"), "empty", false);
        services.apps().enable(ClusterName.of("lab"), List.of("qdrant"));
        removedLater("qdrant");

        call("snapshot_restore", Map.of("name", "empty", "wait", true));

        assertThat(application("qdrant").get()).as("returned only after Argo CD removed it").isNull();
    }

    /** The commit is printed before the wait, so a timeout (exit 3) never hides it. */
    @Test
    void theCliPrintsTheCommitThenTimesOutWithExitThree() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = CommandLines.run(new String[] {"-c", "lab", "agent", "create", "coder", "--timeout", "1s"}, env,
                new PrintWriter(out, true), new PrintWriter(err, true), false);

        assertThat(code).as(err.toString()).isEqualTo(3);
        assertThat(out.toString()).startsWith("created agent coder (namespace agent-coder, commit ");
        assertThat(err.toString()).contains("timed out waiting for: coder", "wait longer with --timeout");
    }
}

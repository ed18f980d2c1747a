package com.sikifanso.ops;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.LabKubeconfig;
import com.sikifanso.Services;
import com.sikifanso.argocd.ArgoCdResources;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.SikifansoHome;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
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
 * Operations called with {@code wait: true}, as an MCP client would, against fabric8's mock API
 * server standing in for the running cluster (none can run here); the test plays Argo CD.
 */
@EnableKubernetesMockClient(crud = true)
class WaitingOperationsTest {
    KubernetesClient client;

    @TempDir
    Path home;

    private Services services;
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService argo = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void runningCluster() throws Exception {
        Path kubeconfig = home.resolve("kubeconfig");
        LabKubeconfig.write(kubeconfig, client.getMasterUrl().toString());
        services = new Services(new BuildInfo("test", "none"), new SikifansoHome(home.resolve("home")),
                Duration.ofSeconds(5), progress::add, Map.of("KUBECONFIG", kubeconfig.toString(),
                        "HOME", home.toString(), "DOCKER_HOST", "unix:///nonexistent.sock"));
        services.clusters().prepare(ClusterName.of("lab"), new TemplateSource.Embedded(), null);
        services.sessions().save(services.sessions().load(ClusterName.of("lab")).withState(ClusterState.RUNNING));
    }

    @AfterEach
    void stopArgo() {
        argo.shutdownNow();
    }

    private void healthyLater(String app) {
        argo.schedule(() -> client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd")
                .resource(new GenericKubernetesResourceBuilder().withApiVersion("argoproj.io/v1alpha1")
                        .withKind("Application").withNewMetadata().withName(app).withNamespace("argocd")
                        .endMetadata().addToAdditionalProperties("status", Map.of(
                                "sync", Map.of("status", "Synced"), "health", Map.of("status", "Healthy")))
                        .build())
                .create(), 300, TimeUnit.MILLISECONDS);
    }

    /** Argo CD's controller: runs a requested sync operation and clears it. */
    private void carriesOutRequestedSyncs(String app) {
        argo.scheduleWithFixedDelay(() -> {
            var application = client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd")
                    .withName(app);
            var current = application.get();
            if (current != null && current.getAdditionalProperties().get("operation") != null) {
                application.patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                        io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE), "{\"operation\":null}");
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
    }

    private Object call(String tool, Map<String, Object> args) {
        return new OperationRegistry().invoke(tool, args, new OperationContext(services, progress::add));
    }

    @Test
    void enablingWithWaitReturnsOnceArgoCdReportsTheAppHealthy() {
        healthyLater("qdrant");

        Object result = call("catalog_enable", Map.of("cluster", "lab", "names", List.of("qdrant"), "wait", true));

        assertThat(((com.sikifanso.catalog.AppService.ToggleResult) result).changed()).containsExactly("qdrant");
        assertThat(progress).anyMatch(l -> l.contains("qdrant: sync=Synced health=Healthy"));
    }

    @Test
    void rollingBackWithWaitReturnsOnceArgoCdReportsTheAppSynced() {
        services.apps().enable(ClusterName.of("lab"), List.of("qdrant"));
        services.apps().disable(ClusterName.of("lab"), "qdrant", false);
        healthyLater("qdrant");
        carriesOutRequestedSyncs("qdrant");

        Object result = call("app_rollback", Map.of("cluster", "lab", "name", "qdrant", "wait", true));

        assertThat(((com.sikifanso.argocd.AppHistory.Rollback) result).present()).isTrue();
        assertThat(progress).anyMatch(l -> l.contains("qdrant: sync=Synced health=Healthy"));
    }

    @Test
    void withoutWaitTheCallReturnsRightAfterTheCommit() {
        call("agent_create", Map.of("cluster", "lab", "name", "bob"));

        assertThat(progress).noneMatch(l -> l.contains("waiting for Argo CD"));
    }

    @Test
    void waitingWithoutAReadableKubeconfigFailsNamingIt() {
        services = new Services(new BuildInfo("test", "none"), services.sessions().home(), Duration.ofSeconds(5),
                progress::add, Map.of("KUBECONFIG", home.resolve("missing-kubeconfig").toString()));

        assertThatThrownBy(() -> call("catalog_enable", Map.of("cluster", "lab", "names", List.of("valkey"), "wait", true)))
                .isInstanceOf(SikifansoException.class)
                .hasMessageContaining("cannot read the kubeconfig");
    }
}

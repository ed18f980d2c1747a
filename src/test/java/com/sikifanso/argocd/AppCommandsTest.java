package com.sikifanso.argocd;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.ops.OperationContext;
import com.sikifanso.ops.OperationRegistry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands as a user runs them, in this JVM, against the mock API server (CRUD mode) reached
 * the way the CLI reaches a cluster: a kubeconfig with context {@code k3d-lab}.
 */
@EnableKubernetesMockClient(crud = true)
class AppCommandsTest {
    KubernetesClient client;

    @TempDir
    Path tmp;

    @BeforeEach
    void runningLabWithKubeconfig() throws IOException {
        RunningLab.home(tmp, "http://127.0.0.1:1", "pw");
        RunningLab.writeKubeconfig(tmp, client);
        RunningLab.argoCdHasQdrantAndADegradedLangfuse(client);
    }

    private RunningLab.Run cli(String... args) {
        return RunningLab.cli(tmp, args);
    }

    @Test
    void statusListsEveryAppAsATable() {
        RunningLab.Run run = cli("app", "status");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "NAME       SYNC        HEALTH     MESSAGE",
                "langfuse   OutOfSync   Degraded   Deployment langfuse-web in namespace observability: "
                        + "container crash-looping",
                "qdrant     Synced      Healthy");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void statusOfOneAppShowsItsResourcesAndWhyOneIsUnhealthy() throws IOException {
        RunningLab.Run run = cli("app", "status", "langfuse");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Application: langfuse\n", "Health:      Degraded\n",
                "Namespace:   observability\n")
                .containsPattern("Deployment +observability +langfuse-web +Synced +Degraded")
                .contains("✗ Deployment langfuse-web: Degraded - container crash-looping\n");

        JsonNode json = Mappers.JSON.readTree(cli("app", "status", "langfuse", "-o", "json").out());
        assertThat(json.at("/resources/0/message").asText()).isEqualTo("container crash-looping");
    }

    @Test
    void anUnknownAppIsExitCodeOneWithTheAppsThereAre() {
        RunningLab.Run run = cli("app", "status", "qdrnt");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("cluster \"lab\" has no Argo CD Application named \"qdrnt\"")
                .contains("Applications: langfuse, qdrant");
    }

    @Test
    void syncWaitsUntilArgoCdHasCarriedOutTheOperation() throws InterruptedException {
        List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread argoCd = Thread.ofVirtual().start(() -> {
            // Argo CD's controller: take the requested operation, run it, clear it with the result.
            var qdrant = client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd")
                    .withName("qdrant");
            while (qdrant.get().getAdditionalProperties().get("operation") == null) {
                Thread.onSpinWait();
            }
            seen.add(qdrant.get().getAdditionalProperties().get("operation"));
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            qdrant.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"operation\":null,\"status\":{"
                    + "\"operationState\":{\"phase\":\"Succeeded\",\"message\":\"successfully synced\"}}}");
        });

        RunningLab.Run run = cli("app", "sync", "qdrant", "--timeout", "10s");
        argoCd.join(java.time.Duration.ofSeconds(5));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("sync requested: qdrant\n");
        assertThat(run.err()).contains("qdrant: sync=Synced health=Healthy operation=Pending")
                .contains("qdrant is Synced and Healthy");
        assertThat(seen).containsExactly(Map.of("initiatedBy", Map.of("username", "sikifanso"),
                "sync", Map.of("prune", true)));
    }

    @Test
    void syncOfADegradedAppTimesOutWithExitCodeThree() {
        RunningLab.Run run = cli("app", "sync", "langfuse", "--timeout", "1s");

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("timed out waiting for: langfuse (sync=OutOfSync health=Degraded");
    }

    @Test
    void syncNoWaitOnlyAsks() throws IOException {
        RunningLab.Run run = cli("app", "sync", "--no-wait", "-o", "json");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Mappers.JSON.readTree(run.out()).path("requested").toString()).isEqualTo("[\"langfuse\",\"qdrant\"]");
        assertThat(run.err()).doesNotContain("waiting");
    }

    @Test
    void rollbackCommitsAndAsksArgoCdToSyncAtOnce() {
        RunningLab.cliServices(tmp).apps().enable(ClusterName.of(RunningLab.CLUSTER), List.of("qdrant"));
        RunningLab.cliServices(tmp).apps().disable(ClusterName.of(RunningLab.CLUSTER), "qdrant", false);

        RunningLab.Run run = cli("app", "rollback", "qdrant", "--no-wait");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("rolled back: qdrant to ");
        assertThat(client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd")
                .withName("qdrant").get().getAdditionalProperties().get("operation"))
                .isEqualTo(Map.of("initiatedBy", Map.of("username", "sikifanso"), "sync", Map.of("prune", true)));
    }

    @Test
    void theOperationsAnswerAsTheCommandsDo() {
        OperationRegistry registry = new OperationRegistry();
        OperationContext context = new OperationContext(RunningLab.cliServices(tmp), msg -> { });

        Object apps = registry.invoke("argocd_apps", Map.of("cluster", "lab"), context);
        assertThat(registry.find("argocd_apps").orElseThrow().render(apps)).startsWith("NAME       SYNC        HEALTH")
                .contains("qdrant     Synced      Healthy");

        Object detail = registry.invoke("app_status", Map.of("cluster", "lab", "name", "langfuse"), context);
        // The CLI's text, plain: one renderer for every surface.
        assertThat(registry.find("app_status").orElseThrow().render(detail))
                .startsWith("Application: langfuse\nSync:        OutOfSync\nHealth:      Degraded\n"
                        + "Revision:    6.10.1\nNamespace:   observability\n")
                .endsWith("✗ Deployment langfuse-web: Degraded - container crash-looping\n");

        Object sync = registry.invoke("app_sync", Map.of("cluster", "lab", "name", "qdrant"), context);
        assertThat(registry.find("app_sync").orElseThrow().render(sync)).isEqualTo("sync requested: qdrant\n");
        assertThat(client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd")
                .withName("qdrant").get().getAdditionalProperties()).containsKey("operation");
    }

    @Test
    void theOperationsAreRegisteredWithTheirSafety() {
        OperationRegistry registry = new OperationRegistry();

        assertThat(registry.find("app_status")).hasValueSatisfying(o -> assertThat(o.safety().readOnly()).isTrue());
        assertThat(registry.find("app_logs")).hasValueSatisfying(o -> assertThat(o.safety().readOnly()).isTrue());
        assertThat(registry.find("app_sync")).hasValueSatisfying(o -> assertThat(o.safety().readOnly()).isFalse());
        assertThat(registry.find("app_rollback")).hasValueSatisfying(o -> {
            assertThat(o.safety().destructive()).isTrue();
            assertThat(o.confirmationFor(com.sikifanso.ops.ArgumentBinder.bind(o.input(),
                    Map.of("cluster", "lab", "name", "qdrant")))).hasValue("Roll \"qdrant\" in cluster \"lab\" back "
                    + "to the revision before its last change? Its files are rewritten in a new commit and Argo CD "
                    + "applies it.");
        });
        assertThat(registry.find("argocd_apps")).isPresent();
    }
}

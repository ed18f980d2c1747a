package com.sikifanso.argocd;

import static com.sikifanso.catalog.CatalogEntryFiles.entry;
import static com.sikifanso.catalog.CatalogEntryFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.catalog.CommunityCatalog;
import com.sikifanso.core.ClusterName;
import com.sikifanso.ops.OperationContext;
import com.sikifanso.ops.OperationRegistry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog source's entry, enabled into lab's real GitOps repo as {@code community--vectordb}, is named
 * {@code community/vectordb} by every app command. Argo CD is the fabric8 mock API server in CRUD mode holding the
 * Application the ApplicationSet would make (no real Argo CD runs here); the source is a real git repository.
 */
@EnableKubernetesMockClient(crud = true)
class SourcedAppCommandsTest {
    private static final ClusterName LAB = ClusterName.of(RunningLab.CLUSTER);

    KubernetesClient client;

    @TempDir
    Path tmp;

    private CommunityCatalog community;

    @BeforeEach
    void labWithCommunityVectordbEnabled() throws Exception {
        community = CommunityCatalog.serving(tmp.resolve("community"), Map.of("vectordb", List.of("1.0.0")));
        write(community.entries(), "vectordb", entry("vectordb", community.chartsUrl()));
        community.commitAll("vectordb");
        Path home = tmp.resolve("home");
        RunningLab.home(home, "http://127.0.0.1:1", "pw");
        RunningLab.writeKubeconfig(home, client);
        RunningLab.Run added = cli("catalog", "source", "add", "community", community.ref());
        assertThat(added.code()).as(added.err()).isZero();
        RunningLab.cliServices(home).apps().enable(LAB, List.of("community/vectordb"));
        client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd").resource(
                RunningLab.application("community--vectordb", "rag", "Synced", "Healthy", List.of(
                        RunningLab.resource("StatefulSet", "rag", "vectordb", "Healthy", null)))).create();
    }

    @AfterEach
    void stop() {
        community.close();
    }

    private RunningLab.Run cli(String... args) {
        return RunningLab.cli(tmp.resolve("home"), args);
    }

    private Object operationOf(String application) {
        return client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd")
                .withName(application).get().getAdditionalProperties().get("operation");
    }

    @Test
    void statusAndHistoryNameTheEntrySourceSlashApp() {
        RunningLab.Run one = cli("app", "status", "community/vectordb");
        RunningLab.Run all = cli("app", "status");
        RunningLab.Run history = cli("app", "history", "community/vectordb");

        assertThat(one.code()).as(one.err()).isZero();
        assertThat(one.out()).startsWith("Application: community/vectordb\n").contains("Namespace:   rag\n");
        assertThat(all.out()).containsPattern("(?m)^community/vectordb +Synced +Healthy");
        assertThat(history.code()).as(history.err()).isZero();
        assertThat(history.out()).contains("catalog: enable community--vectordb");
    }

    @Test
    void syncAndRollbackOfSourceSlashAppActOnItsApplication() {
        OperationContext context = new OperationContext(RunningLab.cliServices(tmp.resolve("home")), msg -> { });
        Object sync = new OperationRegistry().invoke("app_sync", Map.of("cluster", "lab", "name",
                "community/vectordb", "wait", false), context);

        assertThat(sync.toString()).contains("community--vectordb");
        assertThat(operationOf("community--vectordb")).isEqualTo(Map.of("initiatedBy",
                Map.of("username", "sikifanso"), "sync", Map.of("prune", true)));

        client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd")
                .withName("community--vectordb").edit(a -> {
                    a.getAdditionalProperties().remove("operation");
                    return a;
                });
        RunningLab.cliServices(tmp.resolve("home")).apps().disable(LAB, "community/vectordb", false);
        RunningLab.Run rollback = cli("app", "rollback", "community/vectordb", "--no-wait");

        assertThat(rollback.code()).as(rollback.err()).isZero();
        assertThat(rollback.out()).startsWith("rolled back: community--vectordb to ");
        assertThat(operationOf("community--vectordb")).isNotNull();
    }

    @Test
    void aNameWithTwoSlashesIsRefusedWithTheForm() {
        RunningLab.Run run = cli("app", "status", "community/vector/db");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("invalid app name \"community/vector/db\": it has more than one '/'",
                "SOURCE/app, e.g. community/qdrant");
    }
}

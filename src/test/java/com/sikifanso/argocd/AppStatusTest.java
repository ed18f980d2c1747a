package com.sikifanso.argocd;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.argocd.RunningLab.application;
import static com.sikifanso.argocd.RunningLab.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.TestHome;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.ClusterState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Status and sync against fabric8's mock API server in CRUD mode; the test plays Argo CD. */
@EnableKubernetesMockClient(crud = true)
class AppStatusTest {
    KubernetesClient client;

    @TempDir
    Path tmp;

    private TestHome home;
    private Applications applications;

    @BeforeEach
    void runningLab() {
        home = RunningLab.home(tmp, "http://127.0.0.1:1", "pw");
        applications = RunningLab.services(home, client).applications();
    }

    private void argoCdHas(GenericKubernetesResource app) {
        client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd").resource(app).create();
    }

    private GenericKubernetesResource stored(String name) {
        return client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd").withName(name).get();
    }

    @Test
    void allApplicationsWithSyncAndHealthSortedByName() {
        argoCdHas(application("qdrant", "qdrant", "Synced", "Healthy", List.of()));
        argoCdHas(application("langfuse", "observability", "OutOfSync", "Degraded", List.of(resource("Deployment",
                "observability", "langfuse-web", "Degraded", "container crash-looping"))));

        assertThat(applications.list(ClusterName.of(RunningLab.CLUSTER))).containsExactly(
                new Applications.AppStatus("langfuse", "OutOfSync", "Degraded",
                        "Deployment langfuse-web in namespace observability: container crash-looping"),
                new Applications.AppStatus("qdrant", "Synced", "Healthy", null));
    }

    @Test
    void oneApplicationWithItsResourceTreeAndEachUnhealthyMessage() {
        argoCdHas(application("langfuse", "observability", "Synced", "Degraded", List.of(
                resource("Service", "observability", "langfuse-web", "Healthy", null),
                resource("Deployment", "observability", "langfuse-web", "Degraded", "container crash-looping"),
                resource("ConfigMap", "observability", "langfuse-env", null, null))));

        Applications.AppDetail d = applications.get(ClusterName.of(RunningLab.CLUSTER), "langfuse");

        assertThat(d.sync()).isEqualTo("Synced");
        assertThat(d.health()).isEqualTo("Degraded");
        assertThat(d.namespace()).isEqualTo("observability");
        assertThat(d.revision()).isEqualTo("6.10.1");
        assertThat(d.resources()).containsExactly(
                new Applications.ResourceStatus("Service", "observability", "langfuse-web", "Synced", "Healthy", null),
                new Applications.ResourceStatus("Deployment", "observability", "langfuse-web", "Synced", "Degraded",
                        "container crash-looping"),
                new Applications.ResourceStatus("ConfigMap", "observability", "langfuse-env", "Synced", null, null));
        assertThat(d.resources()).filteredOn(r -> !r.healthy()).extracting(Applications.ResourceStatus::message)
                .containsExactly("container crash-looping");
    }

    @Test
    void anUnknownAppIsRefusedNamingTheApplicationsThereAre() {
        argoCdHas(application("qdrant", "qdrant", "Synced", "Healthy", List.of()));
        argoCdHas(application("ollama", "ollama", "Synced", "Healthy", List.of()));

        assertThatThrownBy(() -> applications.get(ClusterName.of(RunningLab.CLUSTER), "qdrnt"))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("cluster \"lab\" has no Argo CD Application named \"qdrnt\"")
                .extracting(e -> ((SikifansoException) e).hint()).isEqualTo("Applications: ollama, qdrant");
    }

    @Test
    void aClusterThatIsNotRunningIsRefusedWithTheCommandThatStartsIt() {
        RunningLab.setState(home, ClusterState.STOPPED, "http://127.0.0.1:1", "pw");

        assertThatThrownBy(() -> applications.list(ClusterName.of(RunningLab.CLUSTER)))
                .hasMessage("cluster \"lab\" is not running (state: stopped), so there is nothing to ask")
                .extracting(e -> ((SikifansoException) e).hint()).isEqualTo("start it with: sikifanso cluster start lab");

        RunningLab.setState(home, ClusterState.NOT_CREATED, "http://127.0.0.1:1", "pw");
        assertThatThrownBy(() -> applications.sync(ClusterName.of(RunningLab.CLUSTER), Optional.empty()))
                .extracting(e -> ((SikifansoException) e).hint())
                .isEqualTo("create its nodes with: sikifanso cluster create lab");
    }

    @Test
    void syncSetsTheOperationFieldAsArgoCdCoreModeDoes() {
        argoCdHas(application("qdrant", "qdrant", "OutOfSync", "Healthy", List.of()));

        Applications.SyncRequest request = applications.sync(ClusterName.of(RunningLab.CLUSTER), Optional.of("qdrant"));

        assertThat(request).isEqualTo(new Applications.SyncRequest(List.of("qdrant"), List.of()));
        assertThat(stored("qdrant").getAdditionalProperties().get("operation")).isEqualTo(Map.of(
                "initiatedBy", Map.of("username", "sikifanso"), "sync", Map.of("prune", true)));
        assertThat(stored("qdrant").getAdditionalProperties()).containsKeys("spec", "status");
    }

    @Test
    void syncWithoutAnAppSyncsAllAndLeavesRunningOperationsAlone() {
        argoCdHas(application("qdrant", "qdrant", "OutOfSync", "Healthy", List.of()));
        argoCdHas(application("valkey", "storage", "OutOfSync", "Healthy", List.of()));
        client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd").withName("valkey")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"operation\":{\"sync\":{\"revision\":\"abc\"}}}");

        Applications.SyncRequest request = applications.sync(ClusterName.of(RunningLab.CLUSTER), Optional.empty());

        assertThat(request).isEqualTo(new Applications.SyncRequest(List.of("qdrant"), List.of("valkey")));
        assertThat(stored("valkey").getAdditionalProperties().get("operation"))
                .isEqualTo(Map.of("sync", Map.of("revision", "abc")));
    }

    @Test
    void syncingAnUnknownAppOrAnEmptyClusterIsRefused() {
        assertThatThrownBy(() -> applications.sync(ClusterName.of(RunningLab.CLUSTER), Optional.empty()))
                .hasMessage("cluster \"lab\" has no Argo CD Applications to sync");
        assertThatThrownBy(() -> applications.sync(ClusterName.of(RunningLab.CLUSTER), Optional.of("nope")))
                .hasMessage("cluster \"lab\" has no Argo CD Application named \"nope\"");
    }
}

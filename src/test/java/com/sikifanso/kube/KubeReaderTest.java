package com.sikifanso.kube;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import com.sikifanso.session.SikifansoHome;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against fabric8's mock API server in expectations mode (pod logs need it; see DESIGN.md): no
 * kube-apiserver can run on this machine.
 */
@EnableKubernetesMockClient
class KubeReaderTest {
    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path home;

    private KubeReader reader(ClusterState state) {
        SessionStore sessions = new SessionStore(new SikifansoHome(home));
        sessions.save(new Session("lab", state, Instant.now(), "embedded", null, home.toString(), null, null, null));
        return new KubeReader(sessions,
                cluster -> new KubernetesClientBuilder().withConfig(client.getConfiguration()).build());
    }

    private void podExists() {
        server.expect().get().withPath("/api/v1/namespaces/agent-bob/pods/worker")
                .andReturn(200, new PodBuilder().withNewMetadata().withName("worker").withNamespace("agent-bob")
                        .endMetadata().withNewSpec().addNewContainer().withName("main").endContainer().endSpec()
                        .build()).always();
    }

    @Test
    void listsPodsWithReadinessAndRestarts() {
        server.expect().get().withPath("/api/v1/namespaces/agent-bob/pods").andReturn(200,
                new io.fabric8.kubernetes.api.model.PodListBuilder().addToItems(new PodBuilder()
                        .withNewMetadata().withName("worker").endMetadata()
                        .withNewSpec().addNewContainer().withName("main").endContainer().withNodeName("k3d-lab-server-0")
                        .endSpec().withNewStatus().withPhase("Running").addNewContainerStatus().withName("main")
                        .withReady(true).withRestartCount(2).endContainerStatus().endStatus().build()).build())
                .once();

        assertThat(reader(ClusterState.RUNNING).pods(ClusterName.of("lab"), "agent-bob")).singleElement()
                .satisfies(p -> {
                    assertThat(p.name()).isEqualTo("worker");
                    assertThat(p.ready()).isEqualTo("1/1");
                    assertThat(p.restarts()).isEqualTo(2);
                    assertThat(p.phase()).isEqualTo("Running");
                });
    }

    @Test
    void listsServicesWithTheirPorts() {
        server.expect().get().withPath("/api/v1/namespaces/rag/services").andReturn(200,
                new io.fabric8.kubernetes.api.model.ServiceListBuilder().addToItems(new ServiceBuilder()
                        .withNewMetadata().withName("qdrant").endMetadata().withNewSpec().withType("ClusterIP")
                        .withClusterIP("10.43.0.9").addNewPort().withPort(6333).withProtocol("TCP").endPort()
                        .endSpec().build()).build()).once();

        assertThat(reader(ClusterState.RUNNING).services(ClusterName.of("lab"), "rag")).singleElement()
                .satisfies(s -> assertThat(s.ports()).containsExactly("6333/TCP"));
    }

    @Test
    void eventsAreMaskedAndTheMostRecentKept() {
        server.expect().get().withPath("/api/v1/namespaces/storage/events").andReturn(200,
                new io.fabric8.kubernetes.api.model.EventListBuilder()
                        .addToItems(event("a", "2026-11-25T10:00:00Z", "old"))
                        .addToItems(event("b", "2026-11-25T10:02:00Z", "env DB_PASSWORD=changeme rejected"))
                        .addToItems(event("c", "2026-11-25T10:01:00Z", "middle")).build()).once();

        var events = reader(ClusterState.RUNNING).events(ClusterName.of("lab"), "storage", 2);

        assertThat(events).extracting(KubeReader.EventRow::message)
                .containsExactly("middle", "env DB_PASSWORD=**** rejected");
    }

    private static io.fabric8.kubernetes.api.model.Event event(String name, String time, String message) {
        return new EventBuilder().withNewMetadata().withName(name).endMetadata().withLastTimestamp(time)
                .withType("Warning").withReason("Failed").withMessage(message)
                .withNewInvolvedObject().withKind("Pod").withName("valkey-0").endInvolvedObject().build();
    }

    @Test
    void logsAreMaskedFilteredAndCappedWithANote() {
        podExists();
        StringBuilder log = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            log.append("request ").append(i).append(i == 29 ? " token=abcdef123456" : "").append('\n');
        }
        server.expect().get().withPath("/api/v1/namespaces/agent-bob/pods/worker/log?pretty=false&container=main"
                + "&tailLines=100").andReturn(200, log.toString()).once();

        KubeReader.Logs logs = reader(ClusterState.RUNNING).logs(ClusterName.of("lab"), "agent-bob", "worker", null, null,
                "request", new OutputBudget(10, 16 * 1024));

        assertThat(logs.container()).isEqualTo("main");
        assertThat(logs.lines()).hasSize(10).last().isEqualTo("request 30");
        assertThat(logs.lines()).contains("request 29 token=****");
        assertThat(logs.truncated()).isTrue();
        assertThat(logs.note()).startsWith("showing the last 10 of 30 lines");
    }

    @Test
    void aMissingPodNamesTheNamespace() {
        assertThatThrownBy(() -> reader(ClusterState.RUNNING).logs(ClusterName.of("lab"), "agent-bob", "ghost", null, null, null,
                OutputBudget.DEFAULT)).hasMessage("no pod \"ghost\" in namespace agent-bob");
    }

    @Test
    void aClusterThatIsNotRunningIsRefusedWithTheFix() {
        assertThatThrownBy(() -> reader(ClusterState.STOPPED).pods(ClusterName.of("lab"), "default"))
                .hasMessage("cluster \"lab\" is not running (state: stopped), so there is nothing to ask")
                .extracting(e -> ((com.sikifanso.core.SikifansoException) e).hint())
                .isEqualTo("start it with: sikifanso cluster start lab");
    }

    @Test
    void anUnreachableApiServerIsAClearFailure() {
        server.expect().get().withPath("/api/v1/namespaces/x/pods").andReturn(500, "boom").once();

        assertThatThrownBy(() -> reader(ClusterState.RUNNING).pods(ClusterName.of("lab"), "x"))
                .hasMessageStartingWith("cannot talk to the Kubernetes API of cluster \"lab\"");
    }
}

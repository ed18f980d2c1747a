package com.sikifanso.agui.state;

import static com.sikifanso.agui.state.StateFixtures.fast;
import static com.sikifanso.agui.state.StateFixtures.ticking;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.EventType;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.core.ClusterName;
import com.sikifanso.platform.AttachedLab;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's and {@code events -f --state}'s state feed on an attached cluster: it watches the API through the
 * context attach recorded (the kubeconfig has no k3d context and Docker answers nowhere). fabric8's mock API server,
 * shaped as EKS, stands in for the cloud cluster.
 */
@EnableKubernetesMockClient(crud = true)
class AttachedClusterStateFeedTest {
    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path tmp;

    @Test
    void theFeedReadsTheAttachedClustersNodesAndTheDoctorVerdictsWithoutDocker() throws Exception {
        try (AttachedLab lab = new AttachedLab(tmp, server, client)) {
            ClusterName prod = ClusterName.of(AttachedLab.NAME);
            StateJournal journal = new StateJournal(lab.services.sessions().home().clusterDir(prod));

            JsonNode state;
            try (ClusterStateFeed feed = ClusterStateFeed.whileListening(lab.services, prod, fast(ticking()))) {
                JournalEntry snapshot = journal.awaitMore(EventType.STATE_SNAPSHOT, 0);
                state = ((AguiEvent.StateSnapshot) snapshot.event()).snapshot();
            }

            assertThat(state.path("cluster").asText()).isEqualTo("prod");
            List<String> nodes = new ArrayList<>();
            state.path("nodes").fieldNames().forEachRemaining(nodes::add);
            assertThat(nodes).containsExactly("ip-10-0-1-23.eu-west-1.compute.internal",
                    "ip-10-0-2-45.eu-west-1.compute.internal");
            assertThat(state.path("nodes")).allSatisfy(n -> assertThat(n.path("ready").asBoolean()).isTrue());
            List<String> doctor = new ArrayList<>();
            state.path("doctor").forEach(c -> doctor.add(c.path("name").asText() + " " + c.path("status").asText()));
            assertThat(doctor).contains("Attached cluster pass", "Kubernetes API pass")
                    .noneMatch(row -> row.startsWith("Docker") || row.startsWith("Node containers"));
        }
    }

    /**
     * sikifanso never starts an attached cluster, so when its API does not answer (here: the context's server moved
     * to a port nothing listens on) the feed says to check the context and its login, not to start it.
     */
    @Test
    void anAttachedClusterThatDoesNotAnswerIsToldToCheckItsContextNotToStart() throws Exception {
        try (AttachedLab lab = new AttachedLab(tmp, server, client)) {
            ClusterName prod = ClusterName.of(AttachedLab.NAME);
            java.nio.file.Files.writeString(lab.kubeconfig, java.nio.file.Files.readString(lab.kubeconfig)
                    .replace(client.getMasterUrl().toString(), "https://127.0.0.1:1/"));
            StateJournal journal = new StateJournal(lab.services.sessions().home().clusterDir(prod));

            AguiEvent.Custom unreachable;
            try (ClusterStateFeed feed = ClusterStateFeed.whileListening(lab.services, prod, fast(ticking()))) {
                unreachable = (AguiEvent.Custom) journal.awaitMore(EventType.CUSTOM, 0).event();
            }

            assertThat(unreachable.name()).isEqualTo(ClusterStateFeed.UNREACHABLE);
            assertThat(unreachable.value().path("message").asText())
                    .startsWith("cannot talk to the Kubernetes API of attached cluster \"prod\" (context ");
            assertThat(unreachable.value().path("hint").asText()).as(unreachable.value().toString())
                    .contains("check that context's server and credentials", "aws sso login",
                            "sikifanso cluster doctor prod").doesNotContain("cluster start");
        }
    }
}

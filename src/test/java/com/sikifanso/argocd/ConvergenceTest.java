package com.sikifanso.argocd;

import com.sikifanso.core.ClusterName;
import com.sikifanso.catalog.SyncTargets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import com.sikifanso.session.SikifansoHome;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against fabric8's mock API server (CRUD mode), standing in for a cluster that cannot run here. */
@EnableKubernetesMockClient(crud = true)
class ConvergenceTest {
    KubernetesClient client;

    @TempDir
    Path home;

    private final List<String> progress = new ArrayList<>();

    private Convergence convergence(ClusterState state) {
        SessionStore sessions = new SessionStore(new SikifansoHome(home));
        sessions.save(new Session("lab", state, Instant.now(), "embedded", null, home.toString(), null, null, null));
        return new Convergence(sessions,
                cluster -> new KubernetesClientBuilder().withConfig(client.getConfiguration()).build(),
                new SyncOrchestrator(Duration.ofSeconds(1), Duration.ofMillis(100)), com.sikifanso.agui.RunProgress.toLines(progress::add));
    }

    @Test
    void aStoppedClusterHasNothingToWaitForAndSaysWhen() {
        SyncOutcome outcome = convergence(ClusterState.STOPPED).await(ClusterName.of("lab"), SyncTargets.appears("x"),
                Duration.ofSeconds(5));

        assertThat(outcome).isEqualTo(new SyncOutcome.Converged(List.of()));
        assertThat(progress).containsExactly("cluster lab is stopped: the change applies when it starts");
    }

    @Test
    void aClusterPreparedWithGitopsOnlyWaitsSilently() {
        SyncOutcome outcome = convergence(ClusterState.NOT_CREATED).await(ClusterName.of("lab"), SyncTargets.appears("x"),
                Duration.ofSeconds(5));

        assertThat(outcome).isEqualTo(new SyncOutcome.Converged(List.of()));
        assertThat(progress).isEmpty();
    }

    @Test
    void aHealthyApplicationOnARunningClusterConverges() {
        client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd")
                .resource(new GenericKubernetesResourceBuilder().withApiVersion("argoproj.io/v1alpha1")
                        .withKind("Application").withNewMetadata().withName("researcher").withNamespace("argocd")
                        .endMetadata().addToAdditionalProperties("status", Map.of("sync", Map.of("status", "Synced"),
                                "health", Map.of("status", "Healthy"))).build())
                .create();

        SyncOutcome outcome = convergence(ClusterState.RUNNING).await(ClusterName.of("lab"), SyncTargets.appears("researcher"),
                Duration.ofSeconds(5));

        assertThat(outcome).isEqualTo(new SyncOutcome.Converged(List.of("researcher")));
    }

    @Test
    void aTimeoutIsExitCodeThreeAndNamesWhatIsPending() {
        SyncOutcome outcome = convergence(ClusterState.RUNNING).await(ClusterName.of("lab"), SyncTargets.appears("never"),
                Duration.ofMillis(500));

        assertThatThrownBy(() -> outcome.requireConverged("--timeout"))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("timed out waiting for: never (not present)")
                .extracting(e -> ((SikifansoException) e).exitCode()).isEqualTo(3);
    }

    @Test
    void aFailureIsExitCodeOneWithTheReason() {
        assertThatThrownBy(() -> new SyncOutcome.Failed("valkey", "sync=OutOfSync health=Missing (boom)")
                .requireConverged("--timeout"))
                .hasMessage("Argo CD could not bring valkey up: sync=OutOfSync health=Missing (boom)")
                .extracting(e -> ((SikifansoException) e).exitCode()).isEqualTo(1);
    }
}

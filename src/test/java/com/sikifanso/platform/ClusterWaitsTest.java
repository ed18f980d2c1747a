package com.sikifanso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.core.SikifansoException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Waits whose API server answers with an error, in expectations mode (the CRUD mode never refuses). */
@EnableKubernetesMockClient
class ClusterWaitsTest {
    KubernetesMockServer server;
    KubernetesClient client;

    private final List<String> progress = new ArrayList<>();
    private final ClusterWaits waits = new ClusterWaits(Clock.systemUTC(), Duration.ofMillis(50));

    @Test
    void anApiServerRefusingTheRequestIsReportedAsAnAnswerNotAsSilence() {
        server.expect().get().withPath("/api/v1/nodes").andReturn(403, "nodes is forbidden").always();

        assertThatThrownBy(() -> waits.firstNode(client, Duration.ofMillis(300), com.sikifanso.agui.RunProgress.toLines(progress::add)))
                .isInstanceOfSatisfying(SikifansoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(SikifansoException.TIMEOUT);
                    assertThat(e.getMessage()).startsWith("no node registered within 300ms (the API server answered"
                            + " HTTP 403");
                });
    }

    @Test
    void theAdminPasswordIsDecodedFromItsSecret() {
        server.expect().get().withPath("/api/v1/namespaces/argocd/secrets/argocd-initial-admin-secret")
                .andReturn(200, TestInfra.map("apiVersion", "v1", "kind", "Secret", "metadata",
                        TestInfra.map("name", "argocd-initial-admin-secret", "namespace", "argocd"), "data",
                        TestInfra.map("password", "aHVudGVyMg=="))).always();

        assertThat(waits.adminPassword(client, "argocd", Duration.ofSeconds(1), com.sikifanso.agui.RunProgress.toLines(progress::add))).contains("hunter2");
        assertThat(progress).isEmpty();
    }
}

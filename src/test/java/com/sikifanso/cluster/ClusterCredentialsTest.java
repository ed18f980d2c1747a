package com.sikifanso.cluster;

import com.sikifanso.catalog.ProfileSelection;
import com.sikifanso.core.ClusterName;
import com.sikifanso.kube.KubeClients;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.Session;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cluster create --profile} ends with the enabled apps' Secrets, and {@code cluster start}
 * keeps their values. The nodes are the real stand-in containers on Docker; the platform
 * bootstrap (which needs a real k3s) is replaced by one that points the cluster's kubeconfig
 * context at fabric8's mock API server in CRUD mode, which then plays the cluster's API.
 */
@EnableKubernetesMockClient(crud = true)
class ClusterCredentialsTest {
    KubernetesClient client;

    @TempDir
    Path tmp;

    private TestClusters clusters;

    @BeforeEach
    void requireDocker() {
        RealDocker.require();
        clusters = TestClusters.at(tmp);
        clusters.withBootstrap(new ClusterBootstrap() {
            @Override
            public Optional<Session.Services> bootstrap(Target target, com.sikifanso.core.Progress progress) {
                pointAtMock(target.cluster());
                return Optional.empty();
            }

            @Override
            public void awaitStarted(String apiUrl, Instant deadline, Duration timeout, com.sikifanso.core.Progress progress) {
                // The mock answers at once.
            }
        });
    }

    @AfterEach
    void cleanUp() {
        if (clusters != null) {
            clusters.removeAll();
        }
    }

    /** The merged kubeconfig's entry for the cluster, now pointing at the mock server. */
    private void pointAtMock(String cluster) {
        String context = KubeClients.context(ClusterName.of(cluster));
        try {
            Files.writeString(clusters.kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - name: %1$s
                      cluster: {server: "%2$s", insecure-skip-tls-verify: true}
                    users:
                    - name: %1$s
                      user: {token: test}
                    contexts:
                    - name: %1$s
                      context: {cluster: %1$s, user: %1$s}
                    current-context: %1$s
                    """.formatted(context, client.getMasterUrl()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String masterKey() {
        Secret secret = client.secrets().inNamespace("gateway").withName("litellm-proxy-credentials").get();
        assertThat(secret).as("gateway/litellm-proxy-credentials").isNotNull();
        return secret.getData().get("LITELLM_MASTER_KEY");
    }

    @Test
    void createWithAProfileEndsWithTheAppsSecretsAndStartKeepsTheirValues() {
        String name = clusters.name("cred");
        ClusterService.CreateRequest base = clusters.request(name);
        clusters.service().create(new ClusterService.CreateRequest(ClusterName.of(name), new TemplateSource.Embedded(), ProfileSelection.parse("agent-dev"),
                base.agents(), base.image(), false, false, base.timeout(), false, PullPolicy.MISSING, null),
                com.sikifanso.agui.RunProgress.toLines(clusters.progress::add));

        String key = masterKey();
        assertThat(clusters.progress).anyMatch(p -> p.startsWith("credentials: created the Secrets")
                && p.contains("gateway/litellm-proxy-credentials"));
        assertThat(client.secrets().inNamespace("observability").withName("langfuse-credentials").get()).isNotNull();

        clusters.service().stop(ClusterName.of(name), com.sikifanso.agui.RunProgress.toLines(clusters.progress::add));
        client.secrets().inNamespace("gateway").withName("litellm-proxy-credentials").delete();
        clusters.service().start(ClusterName.of(name), Duration.ofSeconds(30), PullPolicy.MISSING, com.sikifanso.agui.RunProgress.toLines(clusters.progress::add));

        assertThat(masterKey()).as("the same value comes back at start").isEqualTo(key);
        assertThat(List.copyOf(clusters.progress)).noneMatch(p -> p.startsWith("warning:"));
    }
}

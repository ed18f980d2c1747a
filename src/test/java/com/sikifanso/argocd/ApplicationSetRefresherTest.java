package com.sikifanso.argocd;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import com.sikifanso.session.SikifansoHome;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against fabric8's mock API server in CRUD mode: no kube-apiserver can run on this machine. */
@EnableKubernetesMockClient(crud = true)
class ApplicationSetRefresherTest {
    KubernetesClient client;

    @TempDir
    Path home;

    private SessionStore sessions;
    private final List<String> notices = new ArrayList<>();

    @BeforeEach
    void applicationSetsExist() {
        sessions = new SessionStore(new SikifansoHome(home));
        for (String name : List.of("root", "catalog", "agents")) {
            client.genericKubernetesResources(ArgoCdResources.APPLICATION_SET).inNamespace("argocd")
                    .resource(new GenericKubernetesResourceBuilder().withApiVersion("argoproj.io/v1alpha1")
                            .withKind("ApplicationSet").withNewMetadata().withName(name).withNamespace("argocd")
                            .endMetadata().build())
                    .create();
        }
    }

    private void session(ClusterState state) {
        sessions.save(new Session("lab", state, Instant.now(), "embedded", null, home.resolve("gitops").toString(),
                null, null, null));
    }

    private GenericKubernetesResource appSet(String name) {
        return client.genericKubernetesResources(ArgoCdResources.APPLICATION_SET).inNamespace("argocd")
                .withName(name).get();
    }

    @Test
    void aRunningClustersApplicationSetGetsTheRefreshAnnotation() {
        session(ClusterState.RUNNING);

        new ApplicationSetRefresher(sessions,
                cluster -> new KubernetesClientBuilder().withConfig(client.getConfiguration()).build(), notices::add).refresh(ClusterName.of("lab"), "agents");

        assertThat(appSet("agents").getMetadata().getAnnotations())
                .containsEntry("argocd.argoproj.io/application-set-refresh", "true");
        assertThat(appSet("catalog").getMetadata().getAnnotations()).isNullOrEmpty();
        assertThat(notices).containsExactly("Argo CD: asked ApplicationSet agents to refresh");
    }

    @Test
    void aClusterThatIsNotRunningIsLeftAlone() {
        session(ClusterState.NOT_CREATED);

        new ApplicationSetRefresher(sessions, cluster -> {
            throw new AssertionError("no API call for a cluster that is not running");
        }, notices::add).refresh(ClusterName.of("lab"), "catalog");

        assertThat(notices).isEmpty();
    }

    @Test
    void anUnreachableClusterIsAWarningNotAFailure() {
        session(ClusterState.RUNNING);
        Config closedPort = new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").withRequestTimeout(2000)
                .withConnectionTimeout(2000).withRequestRetryBackoffLimit(0).build();

        new ApplicationSetRefresher(sessions,
                cluster -> new KubernetesClientBuilder().withConfig(closedPort).build(), notices::add)
                .refresh(ClusterName.of("lab"), "root");

        assertThat(notices).singleElement().asString()
                .startsWith("warning: committed, but could not ask Argo CD to refresh ApplicationSet root")
                .endsWith("it picks the change up within 3 minutes");
    }
}

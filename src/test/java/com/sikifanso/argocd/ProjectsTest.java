package com.sikifanso.argocd;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.kube.LiveCluster;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import com.sikifanso.session.SikifansoHome;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against fabric8's mock API server in CRUD mode, standing in for Argo CD's AppProject objects. */
@EnableKubernetesMockClient(crud = true)
class ProjectsTest {
    KubernetesClient client;

    @TempDir
    Path home;

    private Projects projects() {
        SessionStore sessions = new SessionStore(new SikifansoHome(home));
        sessions.save(new Session("lab", ClusterState.RUNNING, Instant.now(), "embedded", null, home.toString(), null,
                null, null));
        client.genericKubernetesResources(ArgoCdResources.APP_PROJECT).inNamespace("argocd")
                .resource(new GenericKubernetesResourceBuilder().withApiVersion("argoproj.io/v1alpha1")
                        .withKind("AppProject").withNewMetadata().withName("default").withNamespace("argocd")
                        .endMetadata().addToAdditionalProperties("spec", Map.of("sourceRepos", List.of("*"),
                                "destinations", List.of(Map.of("server", "https://kubernetes.default.svc",
                                        "namespace", "*")))).build())
                .create();
        return new Projects(new LiveCluster(sessions,
                cluster -> new KubernetesClientBuilder().withConfig(client.getConfiguration()).build()));
    }

    @Test
    void listsProjectsWithTheirReposAndDestinations() {
        assertThat(projects().list(ClusterName.of("lab"))).containsExactly(new Projects.Project("default", null, List.of("*"),
                List.of("https://kubernetes.default.svc / *")));
    }

    @Test
    void anUnknownProjectNamesTheOnesThereAre() {
        assertThatThrownBy(() -> projects().get(ClusterName.of("lab"), "nope"))
                .hasMessage("no Argo CD project \"nope\"")
                .extracting(e -> ((com.sikifanso.core.SikifansoException) e).hint()).isEqualTo("projects: default");
    }
}

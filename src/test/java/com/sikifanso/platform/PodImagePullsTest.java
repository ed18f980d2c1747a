package com.sikifanso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.core.SikifansoException;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap's waits say which images k3s is still pulling and fail at once on one it cannot
 * pull. Pods and events are written as the kubelet writes them (fabric8's mock server in CRUD mode;
 * no kubelet runs here).
 */
@EnableKubernetesMockClient(crud = true)
class PodImagePullsTest {
    KubernetesClient client;

    private final List<String> progress = new ArrayList<>();
    private final ClusterWaits waits = new ClusterWaits(Clock.systemUTC(), Duration.ofMillis(50));

    private void pod(String name, String image, String reason, String message) {
        client.pods().inNamespace("argocd").resource(new PodBuilder().withNewMetadata().withName(name)
                .withNamespace("argocd").endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage(image).endContainer().endSpec()
                .withNewStatus().addNewContainerStatus().withName("main").withImage(image).withNewState()
                .withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState()
                .endContainerStatus().endStatus().build()).create();
    }

    private void event(String name, String reason, String message) {
        client.v1().events().inNamespace("argocd").resource(new EventBuilder().withNewMetadata().withName(name)
                .withNamespace("argocd").endMetadata().withReason(reason).withMessage(message)
                .withNewInvolvedObject().withKind("Pod").withName("argocd-server-1").withNamespace("argocd")
                .endInvolvedObject().build()).create();
    }

    private void deployment() {
        client.apps().deployments().inNamespace("argocd").resource(new DeploymentBuilder().withNewMetadata()
                .withName("argocd-server").withNamespace("argocd").endMetadata().withNewSpec().withReplicas(1)
                .endSpec().build()).create();
    }

    @Test
    void anImageK3sCannotPullFailsTheWaitAtOnceWithTheRegistrysAnswer() {
        deployment();
        pod("argocd-server-1", "quay.io/argoproj/argocd:v9.9.9", "ErrImagePull", "failed to pull and unpack image"
                + " \"quay.io/argoproj/argocd:v9.9.9\": quay.io/argoproj/argocd:v9.9.9: not found");

        assertThatThrownBy(() -> waits.deploymentsAvailable(client, "argocd", List.of("argocd-server"),
                Duration.ofMinutes(5), com.sikifanso.agui.RunProgress.toLines(progress::add)))
                .isInstanceOfSatisfying(SikifansoException.class, e -> {
                    assertThat(e.exitCode()).as("a failure, not a timeout").isEqualTo(SikifansoException.FAILURE);
                    assertThat(e.getMessage()).isEqualTo("k3s cannot pull quay.io/argoproj/argocd:v9.9.9 for pod"
                            + " argocd/argocd-server-1 (ErrImagePull: failed to pull and unpack image"
                            + " \"quay.io/argoproj/argocd:v9.9.9\": quay.io/argoproj/argocd:v9.9.9: not found)");
                    assertThat(e.hint()).contains("--registry-config");
                });
    }

    @Test
    void aWaitThatTimesOutNamesTheImagesStillBeingPulled() {
        deployment();
        pod("argocd-server-1", "quay.io/argoproj/argocd:v3.4.5", "ContainerCreating", null);
        event("e1", "Pulling", "Pulling image \"quay.io/argoproj/argocd:v3.4.5\"");
        event("e2", "Pulling", "Pulling image \"ecr-public.aws.com/docker/library/redis:8.2\"");
        event("e3", "Pulled", "Successfully pulled image \"ecr-public.aws.com/docker/library/redis:8.2\" in 2.1s");

        assertThatThrownBy(() -> waits.deploymentsAvailable(client, "argocd", List.of("argocd-server"),
                Duration.ofMillis(300), com.sikifanso.agui.RunProgress.toLines(progress::add)))
                .isInstanceOfSatisfying(SikifansoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(SikifansoException.TIMEOUT);
                    assertThat(e.getMessage()).endsWith("(Deployment argocd/argocd-server is not available (0/1"
                            + " replicas); pulling quay.io/argoproj/argocd:v3.4.5)");
                });
    }
}

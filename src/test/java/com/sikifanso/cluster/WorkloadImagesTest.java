package com.sikifanso.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The images of rendered charts: the upstream charts vendored in src/test/resources/charts (see its README), rendered
 * by the real Helm engine with the catalog's own values files, as Argo CD renders them; the expected images follow
 * from each chart's values and appVersion at its vendored tag.
 */
class WorkloadImagesTest {
    private static final Path CHARTS = Path.of("src/test/resources/charts");
    private static final Path VALUES = Path.of("src/main/resources/bootstrap/catalog/values");

    private static String render(String chart, String app) {
        return new Helm(CHARTS.resolve(chart)).template().withName(app).withNamespace("apps")
                .withValuesFile(VALUES.resolve(app + ".yaml")).call();
    }

    @Test
    void aStatefulSetsContainersAndTheSidecarItsValuesTurnOnAreFound() {
        // valkey 0.9.4: appVersion 9.0.2; catalog/values/valkey.yaml turns metrics on (the redis_exporter sidecar).
        assertThat(WorkloadImages.of(render("valkey-0.9.4", "valkey")))
                .containsExactly("docker.io/valkey/valkey:9.0.2", "ghcr.io/oliver006/redis_exporter:v1.79.0");
    }

    @Test
    void deploymentsAndDaemonSetsAreFound() {
        assertThat(WorkloadImages.of(render("ollama-1.56.0", "ollama"))).containsExactly("ollama/ollama:0.23.2");
        assertThat(WorkloadImages.of(render("nvidia-device-plugin-0.20.0", "nvidia-device-plugin")))
                .containsExactly("nvcr.io/nvidia/k8s-device-plugin:v0.20.0");
    }

    @Test
    void aCloudNativePgClustersImageIsFoundThoughTheOperatorStartsItsPods() {
        assertThat(WorkloadImages.of(render("cnpg-cluster-0.6.0", "postgresql")))
                .containsExactly("ghcr.io/cloudnative-pg/postgresql:17");
    }

    @Test
    void initContainersCronJobsAndJobsCountTestHooksAndOtherKindsDoNot() {
        String rendered = """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: backup}
                spec:
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          initContainers: [{name: wait, image: busybox:1.36}]
                          containers: [{name: dump, image: example.org/dump:2}]
                ---
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate}
                spec:
                  template:
                    spec:
                      containers: [{name: migrate, image: example.org/migrate:1}, {name: again, image: busybox:1.36}]
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: smoke
                  annotations: {"helm.sh/hook": test}
                spec:
                  containers: [{name: t, image: example.org/only-in-tests:1}]
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                data: {image: example.org/not-a-container:1}
                ---
                # an empty document, as Helm leaves between templates
                """;
        assertThat(WorkloadImages.of(rendered))
                .containsExactly("busybox:1.36", "example.org/dump:2", "example.org/migrate:1");
    }
}

package com.sikifanso.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.argocd.RunningLab;
import com.sikifanso.clusterfile.LockFile;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The images of a running cluster in its lock, and their drift, as the Kubernetes API reports its pods. No k3s API
 * server runs here: fabric8's mock server in CRUD mode holds the pods, with the container statuses a kubelet writes
 * (imageID {@code repo@sha256:...} once a container started, none while it is pulling).
 */
@EnableKubernetesMockClient(crud = true)
class LockImagesTest {
    private static final String QDRANT_DIGEST = "sha256:" + "a".repeat(64);
    private static final String CILIUM_DIGEST = "sha256:" + "c".repeat(64);

    KubernetesClient client;

    @TempDir
    Path root;

    @BeforeEach
    void runningLab() throws Exception {
        RunningLab.home(root, "http://127.0.0.1:1", "pw");
        RunningLab.writeKubeconfig(root, client);
        create(pod("rag", "qdrant-0", "qdrant/qdrant:v1.17.1", "docker.io/qdrant/qdrant@" + QDRANT_DIGEST));
        create(pod("rag", "qdrant-1", "qdrant/qdrant:v1.17.1", null));
        create(new PodBuilder(pod("kube-system", "cilium-x", "quay.io/cilium/cilium:v1.19.6",
                "quay.io/cilium/cilium@" + CILIUM_DIGEST)).editSpec().addNewInitContainer().withName("config")
                .withImage("quay.io/cilium/cilium:v1.19.6").endInitContainer().endSpec().build());
        create(pod("models", "ollama-0", "ollama/ollama:0.6.0", null));
    }

    @Test
    void theLockHasEachImageOncePerNamespaceWithTheDigestTheNodeReported() throws Exception {
        Path file = root.resolve("lab.lock");

        RunningLab.Run run = RunningLab.cli(root, "cluster", "lock", "--file", file.toString());

        assertThat(run.code()).as(run.err()).isZero();
        LockFile lock = com.sikifanso.clusterfile.LockFileParser.read(file);
        assertThat(lock.metadata().images()).isEqualTo("pods");
        assertThat(lock.images()).containsExactly(
                new LockFile.Image("kube-system", "quay.io/cilium/cilium:v1.19.6", CILIUM_DIGEST),
                new LockFile.Image("models", "ollama/ollama:0.6.0", null),
                new LockFile.Image("rag", "qdrant/qdrant:v1.17.1", QDRANT_DIGEST));
        assertThat(run.out()).endsWith(", 0 complete profiles, 3 images.\n");
    }

    @Test
    void diffLockSaysWhichImageChangedItsTagOrItsDigest() {
        Path file = root.resolve("lab.lock");
        assertThat(RunningLab.cli(root, "cluster", "lock", "--file", file.toString()).code()).isZero();
        client.pods().inNamespace("rag").withName("qdrant-0").delete();
        client.pods().inNamespace("rag").withName("qdrant-1").delete();
        create(pod("rag", "qdrant-0", "qdrant/qdrant:v1.17.2", null));
        client.pods().inNamespace("kube-system").withName("cilium-x").delete();
        create(pod("kube-system", "cilium-x", "quay.io/cilium/cilium:v1.19.6", "quay.io/cilium/cilium@sha256:"
                + "d".repeat(64)));
        create(pod("tools", "debug", "busybox:1.37", null));

        RunningLab.Run run = RunningLab.cli(root, "cluster", "diff-lock", file.toString());

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        String commit = run.out().substring(run.out().indexOf("locked at commit ") + 17).substring(0, 7);
        assertThat(run.out()).isEqualTo("Cluster lab has drifted from " + file + " (locked at commit " + commit
                + ", now " + commit + "):\n"
                + "  image kube-system/quay.io/cilium/cilium: digest sha256:cccccccccccc -> sha256:dddddddddddd\n"
                + "  image rag/qdrant/qdrant: image qdrant/qdrant:v1.17.1 -> qdrant/qdrant:v1.17.2\n"
                + "  image tools/busybox: added (busybox:1.37)\n");
    }

    @Test
    void aRunningClusterWhoseApiDoesNotAnswerIsAFailureNotALockWithoutImages() throws Exception {
        com.sikifanso.LabKubeconfig.write(root.resolve("kubeconfig"), "https://127.0.0.1:1");
        Path file = root.resolve("lab.lock");

        RunningLab.Run run = RunningLab.cli(root, "cluster", "lock", "--file", file.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: cannot talk to the Kubernetes API of cluster \"lab\": ");
        assertThat(file).doesNotExist();
    }

    private void create(Pod pod) {
        client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).create();
    }

    /** A pod with one container; {@code imageId} null as while its image is still being pulled. */
    private static Pod pod(String namespace, String name, String image, String imageId) {
        PodBuilder pod = new PodBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage(image).endContainer().endSpec();
        if (imageId != null) {
            pod.withNewStatus().addNewContainerStatus().withName("main").withImage(image).withImageID(imageId)
                    .endContainerStatus().endStatus();
        }
        return pod.build();
    }
}

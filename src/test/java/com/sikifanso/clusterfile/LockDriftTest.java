package com.sikifanso.clusterfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.infra.Cni;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparisons LockOpsTest and LockImagesTest do not reach through a real repo or the mock API server. */
class LockDriftTest {
    private static final LockFile.Chart CILIUM = new LockFile.Chart("https://helm.cilium.io/", "cilium", "1.19.6");
    private static final LockFile.Chart ARGOCD = new LockFile.Chart("https://argoproj.github.io/argo-helm",
            "argo-cd", "10.2.1");

    @Test
    void aProfileNoLongerCompleteAndAnotherCniAreDrift() {
        LockFile locked = lock(new LockFile.Platform("rancher/k3s:v1.36.3-k3s1", Cni.cilium, CILIUM, ARGOCD),
                List.of("rag"), List.of());
        LockFile now = lock(new LockFile.Platform("rancher/k3s:v1.36.4-k3s1", Cni.flannel, null, ARGOCD),
                List.of(), List.of());

        assertThat(LockDrift.between(locked, now)).extracting(LockDrift.Change::text).containsExactly(
                "platform k3s: image rancher/k3s:v1.36.3-k3s1 -> rancher/k3s:v1.36.4-k3s1",
                "platform network: cni cilium -> flannel",
                "platform cilium: removed (was cilium 1.19.6)",
                "profile rag: removed");
    }

    @Test
    void severalTagsOfOneRepositoryInANamespaceAreListedOneByOne() {
        LockFile locked = lock(null, List.of(), List.of(image("a", "app:1"), image("a", "app:2")));
        LockFile now = lock(null, List.of(), List.of(image("a", "app:2"), image("a", "app:3"), image("b", "app:1")));

        assertThat(LockDrift.between(locked, now)).extracting(LockDrift.Change::text).containsExactly(
                "image a/app: removed (was app:1)",
                "image a/app: added (app:3)",
                "image b/app: added (app:1)");
    }

    @Test
    void imagesAreNotComparedWhenOneSideHasNone() {
        LockFile locked = lock(null, List.of(), List.of(image("a", "app:1")));
        LockFile withoutImages = new LockFile(LockFile.API_VERSION, LockFile.KIND, new LockFile.Metadata("lab", "c",
                "t", "not recorded: cluster lab was stopped, no pods to ask"), null, List.of(), null, null, null,
                null);

        assertThat(LockDrift.between(locked, withoutImages)).isEmpty();
    }

    @Test
    void theRepositoryOfAnImageLeavesTheRegistryPortAndDropsTheTagOrDigest() {
        assertThat(image("a", "localhost:5000/team/app:1.2").repository()).isEqualTo("localhost:5000/team/app");
        assertThat(image("a", "busybox@sha256:" + "0".repeat(64)).repository()).isEqualTo("busybox");
        assertThat(image("a", "localhost:5000/app").repository()).isEqualTo("localhost:5000/app");
    }

    private static LockFile.Image image(String namespace, String image) {
        return new LockFile.Image(namespace, image, null);
    }

    private static LockFile lock(LockFile.Platform platform, List<String> profiles, List<LockFile.Image> images) {
        return new LockFile(LockFile.API_VERSION, LockFile.KIND, new LockFile.Metadata("lab", "c", "t",
                LockFile.IMAGES_FROM_PODS), platform, profiles, null, null, null, images);
    }
}

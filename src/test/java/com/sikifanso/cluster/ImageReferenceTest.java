package com.sikifanso.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {
    @Test
    void dockerHubNamesHaveNoHostInFront() {
        assertThat(ImageReference.parse("rancher/k3s:v1.36.3-k3s1"))
                .isEqualTo(new ImageReference("docker.io", "rancher/k3s", "v1.36.3-k3s1"));
        assertThat(ImageReference.parse("busybox")).isEqualTo(new ImageReference("docker.io", "busybox", "latest"));
        assertThat(ImageReference.parse("rancher/k3s:v1").configKey()).isEqualTo("https://index.docker.io/v1/");
    }

    @Test
    void aFirstComponentWithADotAColonOrLocalhostIsTheRegistry() {
        assertThat(ImageReference.parse("127.0.0.1:5000/a/b:t"))
                .isEqualTo(new ImageReference("127.0.0.1:5000", "127.0.0.1:5000/a/b", "t"));
        assertThat(ImageReference.parse("ghcr.io/acme/k3s").registry()).isEqualTo("ghcr.io");
        assertThat(ImageReference.parse("localhost/k3s:x").registry()).isEqualTo("localhost");
        assertThat(ImageReference.parse("localhost:5000/k3s").tag()).isEqualTo("latest");
    }

    @Test
    void aDigestStaysPartOfTheName() {
        assertThat(ImageReference.parse("rancher/k3s@sha256:abc"))
                .isEqualTo(new ImageReference("docker.io", "rancher/k3s@sha256:abc", null));
    }
}

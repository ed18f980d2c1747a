package com.sikifanso.kube;

import com.sikifanso.core.K3dNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.Mappers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigsTest {
    private static final String K3S = """
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: Q0E=
                server: https://127.0.0.1:6443
              name: default
            contexts:
            - context: {cluster: default, user: default}
              name: default
            current-context: default
            kind: Config
            users:
            - name: default
              user: {client-certificate-data: Q0VSVA==, client-key-data: S0VZ}
            """;

    @TempDir
    Path tmp;

    @Test
    void theFileIsKubeconfigsFirstEntryElseTheHomeDefault() {
        assertThat(Kubeconfigs.location(Map.of("KUBECONFIG", "/a/one:/b/two", "HOME", "/h")))
                .isEqualTo(Path.of("/a/one"));
        assertThat(Kubeconfigs.location(Map.of("HOME", "/h"))).isEqualTo(Path.of("/h/.kube/config"));
    }

    @Test
    void k3sEntriesAreRenamedAndPointAtTheHostPort() {
        ObjectNode rewritten = rewritten("lab", 41234);

        assertThat(rewritten.at("/clusters/0/name").asText()).isEqualTo("k3d-lab");
        assertThat(rewritten.at("/clusters/0/cluster/server").asText()).isEqualTo("https://127.0.0.1:41234");
        assertThat(rewritten.at("/clusters/0/cluster/certificate-authority-data").asText()).isEqualTo("Q0E=");
        assertThat(rewritten.at("/users/0/name").asText()).isEqualTo("k3d-lab");
        assertThat(rewritten.at("/users/0/user/client-key-data").asText()).isEqualTo("S0VZ");
        assertThat(rewritten.at("/contexts/0/context/cluster").asText()).isEqualTo("k3d-lab");
        assertThat(rewritten.path("current-context").asText()).isEqualTo("k3d-lab");
    }

    @Test
    void mergingTwiceReplacesTheClustersEntriesAndKeepsEveryoneElses() throws IOException {
        Path file = tmp.resolve("config");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters: [{name: work, cluster: {server: "https://work:6443"}}]
                contexts: [{name: work, context: {cluster: work, user: me}}]
                users: [{name: me, user: {token: t}}]
                current-context: work
                """);
        Kubeconfigs kubeconfigs = new Kubeconfigs(Map.of("KUBECONFIG", file.toString()));

        kubeconfigs.merge(rewritten("lab", 1111), new K3dNames("lab"), false);
        kubeconfigs.merge(rewritten("lab", 2222), new K3dNames("lab"), false);

        JsonNode config = Mappers.YAML.readTree(file.toFile());
        assertThat(config.path("clusters").findValuesAsText("name")).containsExactly("work", "k3d-lab");
        assertThat(config.path("users").findValuesAsText("name")).containsExactly("me", "k3d-lab");
        assertThat(config.at("/clusters/1/cluster/server").asText()).isEqualTo("https://127.0.0.1:2222");
        assertThat(config.path("current-context").asText()).as("--no-switch-context").isEqualTo("work");
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
        assertThat(tmp.resolve("config.lock")).doesNotExist();

        kubeconfigs.merge(rewritten("lab", 2222), new K3dNames("lab"), true);
        assertThat(Mappers.YAML.readTree(file.toFile()).path("current-context").asText()).isEqualTo("k3d-lab");

        kubeconfigs.remove(new K3dNames("lab"));
        config = Mappers.YAML.readTree(file.toFile());
        assertThat(config.path("clusters").findValuesAsText("name")).containsExactly("work");
        assertThat(config.path("contexts").findValuesAsText("name")).containsExactly("work");
        assertThat(config.path("users").findValuesAsText("name")).containsExactly("me");
    }

    @Test
    void aKubeconfigWhoseParentIsAFileIsRefusedUpFront() throws IOException {
        Path plain = Files.writeString(tmp.resolve("plain"), "x");
        Kubeconfigs kubeconfigs = new Kubeconfigs(Map.of("KUBECONFIG", plain.resolve("config").toString()));

        assertThatThrownBy(kubeconfigs::checkWritable)
                .hasMessage("cannot write kubeconfig " + plain.resolve("config") + ": " + plain
                        + " is not a directory");
    }

    private static ObjectNode rewritten(String cluster, int port) {
        return Kubeconfigs.rewrite(K3S.getBytes(StandardCharsets.UTF_8), new K3dNames(cluster), port);
    }
}

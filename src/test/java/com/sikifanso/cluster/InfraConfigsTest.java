package com.sikifanso.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.infra.InfraConfig;
import com.sikifanso.infra.InfraConfigs;
import com.sikifanso.infra.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Infra defaults from the jar with a repo's overrides: maps merge, lists and scalars replace. */
class InfraConfigsTest {
    @TempDir
    Path repo;

    @Test
    void theDefaultsDisableWhatCiliumReplaces() {
        Platform p = new InfraConfigs().defaults().platform();

        assertThat(p.k3sImage()).startsWith("rancher/k3s:");
        assertThat(p.servers()).isEqualTo(1);
        assertThat(p.k3sArgs()).containsExactly("--flannel-backend=none", "--disable-network-policy",
                "--disable-kube-proxy", "--disable=traefik", "--disable=servicelb");
        assertThat(p.nodePorts()).isEqualTo(new Platform.NodePorts(30082, 30083, 30080, 30081));
    }

    @Test
    void overridesMergeMapsAndReplaceListsAndScalars() throws IOException {
        write("platform.yaml", "agents: 2\nnodePorts:\n  argocdUI: 30090\nk3sArgs:\n  - --disable=traefik\n");
        write("cilium-values.yaml", "debug:\n  enabled: true\nhubble:\n  relay:\n    enabled: false\n");

        InfraConfig infra = new InfraConfigs().load(repo);

        assertThat(infra.platform().agents()).isEqualTo(2);
        assertThat(infra.platform().nodePorts()).isEqualTo(new Platform.NodePorts(30082, 30083, 30090, 30081));
        assertThat(infra.platform().k3sArgs()).containsExactly("--disable=traefik");
        assertThat(infra.ciliumValues().at("/debug/enabled").asBoolean()).isTrue();
        assertThat(infra.ciliumValues().at("/hubble/relay/enabled").asBoolean()).isFalse();
        assertThat(infra.ciliumValues().at("/hubble/ui/enabled").asBoolean()).isTrue();
        assertThat(infra.ciliumValues().at("/k8sServicePort").asInt()).isEqualTo(6443);
    }

    @Test
    void anUnknownKeyNamesTheKeyAndTheFile() throws IOException {
        Path file = write("cilium.yaml", "targetRevison: 1.19.7\n");

        assertThatThrownBy(() -> new InfraConfigs().load(repo))
                .hasMessage("unknown key \"targetRevison\" in " + file);
    }

    @Test
    void aValueOfTheWrongTypeNamesTheFile() throws IOException {
        Path file = write("platform.yaml", "agents: two\n");

        assertThatThrownBy(() -> new InfraConfigs().load(repo))
                .hasMessageStartingWith(file + " has a value of the wrong type");
    }

    @Test
    void brokenYamlNamesTheFileAndLine() throws IOException {
        Path file = write("argocd.yaml", "chart: argo-cd\nrepoURL: [oops\n");

        assertThatThrownBy(() -> new InfraConfigs().load(repo))
                .hasMessageStartingWith(file + " is not valid YAML");
    }

    private Path write(String name, String yaml) throws IOException {
        Path file = repo.resolve("infra").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, yaml);
    }
}

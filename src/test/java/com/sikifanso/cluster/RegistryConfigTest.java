package com.sikifanso.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --registry-config files in the shape k3s reads registries.yaml into (wharfie's Registry type). */
class RegistryConfigTest {
    static final String MIRROR_WITH_LOGIN = """
            mirrors:
              docker.io:
                endpoint:
                  - "https://mirror.example.com:5000"
                rewrite:
                  "^rancher/(.*)": "mirrored/rancher/$1"
            configs:
              mirror.example.com:5000:
                auth:
                  username: robot
                  password: s3cret
                tls:
                  insecure_skip_verify: true
            """;

    @TempDir
    Path tmp;

    private SikifansoException refused(String yaml) throws Exception {
        Path file = tmp.resolve("registries.yaml");
        Files.writeString(file, yaml);
        try {
            RegistryConfig.read(file);
        } catch (SikifansoException e) {
            assertThat(e.exitCode()).isEqualTo(SikifansoException.USAGE);
            assertThat(e.hint()).contains("mirrors:").contains("configs:");
            return e;
        }
        throw new AssertionError("accepted: " + yaml);
    }

    @Test
    void mirrorsAndConfigsAsK3sDocumentsThemAreAcceptedAsGiven() throws Exception {
        Path file = tmp.resolve("registries.yaml");
        Files.writeString(file, MIRROR_WITH_LOGIN);

        assertThat(RegistryConfig.read(file)).isEqualTo(MIRROR_WITH_LOGIN);
    }

    @Test
    void aMistypedKeyIsNamedWithItsPathAndWhatIsAllowed() throws Exception {
        assertThat(refused("mirrors:\n  docker.io:\n    endpoints: [\"https://m.example.com\"]\n").getMessage())
                .endsWith("registries.yaml: unknown key mirrors.docker.io.endpoints (allowed here: endpoint, rewrite)");
        assertThat(refused("mirror:\n  docker.io: {}\n").getMessage())
                .endsWith("unknown key mirror (allowed here: auths, configs, mirrors)");
        assertThat(refused("configs:\n  r.example.com:\n    tls:\n      ca: /x\n").getMessage())
                .endsWith("unknown key configs.r.example.com.tls.ca (allowed here: ca_file, cert_file, insecure_skip_verify,"
                        + " key_file)");
    }

    @Test
    void endpointsMustBeAListOfUrlsAndTheFileMustBeAMappingOfYaml() throws Exception {
        assertThat(refused("mirrors:\n  docker.io:\n    endpoint: mirror.example.com\n").getMessage())
                .endsWith("mirrors.docker.io.endpoint must be a list of URLs like https://mirror.example.com:5000");
        assertThat(refused("mirrors: [a, b]\n").getMessage()).endsWith("mirrors must be a mapping");
        assertThat(refused("").getMessage()).endsWith("holds no mirrors or configs");
        assertThat(refused("mirrors: {docker.io: [\n").getMessage()).contains("is not YAML");
    }

    @Test
    void aMissingFileIsAUsageError() {
        assertThatThrownBy(() -> RegistryConfig.read(tmp.resolve("nope.yaml")))
                .isInstanceOf(SikifansoException.class)
                .hasMessageStartingWith("--registry-config " + tmp.resolve("nope.yaml") + " cannot be read");
    }

    @Test
    void outputWithoutSecretsKeepsTheMirrorsAndDropsTheLogins() {
        Session.K3dConfig nodes = new Session.K3dConfig("img", 1, 0, MIRROR_WITH_LOGIN);
        Session session = new Session("c", null, null, null, null, null, null, nodes, null);

        String shown = session.withoutSecrets().k3dConfig().registryConfig();

        assertThat(shown).contains("https://mirror.example.com:5000").contains("insecure_skip_verify")
                .doesNotContain("s3cret").doesNotContain("robot");
    }
}

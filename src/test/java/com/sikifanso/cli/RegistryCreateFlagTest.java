package com.sikifanso.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.cluster.RegistryRequest;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** --registry-create in k3d v5.9.0's forms (NAME[:HOST][:HOSTPORT], the name used as given) and the bare PORT. */
class RegistryCreateFlagTest {
    private static RegistryRequest parsed(String... args) {
        ClusterCreateCommand command = new ClusterCreateCommand();
        new CommandLine(command).parseArgs(args);
        return command.registryCreate;
    }

    @Test
    void thePortTheNameTheNameWithAPortAndTheFlagAloneAreRead() {
        assertThat(parsed("lab", "--registry-create", "5001")).isEqualTo(new RegistryRequest(null, 5001));
        assertThat(parsed("lab", "--registry-create", "my-registry")).isEqualTo(new RegistryRequest("my-registry", 0));
        assertThat(parsed("lab", "--registry-create=my-registry:5001"))
                .isEqualTo(new RegistryRequest("my-registry", 5001));
        assertThat(parsed("lab", "--registry-create", "my-registry:127.0.0.1:5001"))
                .isEqualTo(new RegistryRequest("my-registry", 5001));
        assertThat(parsed("lab", "--registry-create")).isEqualTo(new RegistryRequest(null, 0));
        assertThat(parsed("lab")).isNull();
    }

    @Test
    void aBadNameHostOrPortIsRefusedNamingTheForms() {
        assertThatThrownBy(() -> parsed("lab", "--registry-create", "my-registry:0.0.0.0:5001"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--registry-create \"my-registry:0.0.0.0:5001\": the registry is published on"
                        + " 127.0.0.1 only, not 0.0.0.0; leave the host out: my-registry:5001");
        assertThatThrownBy(() -> parsed("lab", "--registry-create", "my-registry:http"))
                .hasMessageContaining("--registry-create \"my-registry:http\": \"http\" is not a port; write"
                        + " --registry-create PORT, NAME, NAME:PORT or NAME:127.0.0.1:PORT");
        assertThatThrownBy(() -> parsed("lab", "--registry-create", "-bad:5001"))
                .isInstanceOf(CommandLine.ParameterException.class);
        assertThatThrownBy(() -> parsed("lab", "--registry-create", "_bad:5001"))
                .hasMessageContaining("\"_bad\" is not a container name");
        assertThatThrownBy(() -> parsed("lab", "--registry-create", "70000"))
                .hasMessageContaining("--registry-create takes a host port from 1 to 65535, not 70000");
        assertThatThrownBy(() -> parsed("lab", "--registry-create", "a:b:c:5001"))
                .hasMessageContaining("has too many parts");
    }
}

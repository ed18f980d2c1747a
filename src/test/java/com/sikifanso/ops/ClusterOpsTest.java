package com.sikifanso.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.Services;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.ClusterState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cluster_* operations as an MCP client calls them, with Docker pointed at a socket nobody serves. */
class ClusterOpsTest {
    @TempDir
    Path home;

    private Services services;

    @BeforeEach
    void noDocker() {
        services = NoDockerServices.on(home);
    }

    private Object call(String tool, Map<String, Object> args) {
        return new OperationRegistry().invoke(tool, args, new OperationContext(services, msg -> { }));
    }

    @Test
    void gitopsOnlyPreparesTheClusterWithItsProfile() {
        ClusterOps.ClusterCreated created = (ClusterOps.ClusterCreated) call("cluster_create",
                Map.of("name", "lab", "gitopsOnly", true, "profiles", List.of("rag")));

        assertThat(created.session().state()).isEqualTo(ClusterState.NOT_CREATED);
        assertThat(created.profile()).hasValueSatisfying(p -> assertThat(p.changed()).contains("qdrant"));
    }

    @Test
    void aCommaInsideOneProfileItemIsRefusedBeforeAnythingIsMade() {
        assertThatThrownBy(() -> call("cluster_create", Map.of("name", "lab", "gitopsOnly", true,
                "profiles", List.of("agent-dev,rag"))))
                .isInstanceOf(com.sikifanso.ops.InvalidArguments.class)
                .hasMessageContaining("one profile name per array item");
        assertThat(home.resolve("clusters").resolve("lab")).doesNotExist();
    }

    @Test
    void creatingNodesWithoutDockerSaysHowToStartIt() {
        assertThatThrownBy(() -> call("cluster_create", Map.of("name", "lab")))
                .isInstanceOf(SikifansoException.class)
                .hasMessageContaining("Docker");
    }

    @Test
    void startingAClusterThatDoesNotExistNamesIt() {
        assertThatThrownBy(() -> call("cluster_start", Map.of("cluster", "ghost")))
                .isInstanceOf(SikifansoException.class)
                .hasMessageContaining("ghost");
    }

    @Test
    void upgradingAClusterThatIsNotRunningSaysSo() {
        call("cluster_create", Map.of("name", "lab", "gitopsOnly", true));

        assertThatThrownBy(() -> call("cluster_upgrade", Map.of("cluster", "lab", "component", "cilium")))
                .isInstanceOf(SikifansoException.class)
                .hasMessageContaining("only a running cluster can be upgraded");
    }

    @Test
    void theUpgradeComponentIsAnEnumInTheSchema() {
        Operation<?, ?> upgrade = new OperationRegistry().find("cluster_upgrade").orElseThrow();

        assertThat(JsonSchemas.input(upgrade.input())).extractingByKey("properties").asString()
                .contains("enum=[cilium, argocd, all]");
        assertThat(upgrade.safety().destructive()).isTrue();
    }
}

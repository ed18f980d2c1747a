package com.sikifanso.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.catalog.Catalog;
import com.sikifanso.core.Mappers;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An agent template's workload: checked by the sandbox's validation, written into the values file the CLI commits,
 * and rendered by the real agent-sandbox chart (Helm engine) as a Deployment under the sandbox's rules.
 */
class AgentWorkloadTest {
    private static final Catalog CATALOG = Catalog.load(Path.of("src/main/resources/bootstrap"));

    private static AgentSpec withWorkload(AgentValues.Workload workload) {
        return AgentSpec.DEFAULTS.overriddenBy(new AgentSpec(null, null, null, null, null, List.of("qdrant"), null,
                null, null, null, workload));
    }

    @Test
    void aWorkloadRunsUnderTheSandboxsAccountWithTheRestrictedSecurityContext() throws Exception {
        AgentValues values = AgentSandbox.values("scout", withWorkload(new AgentValues.Workload(
                "ghcr.io/team/researcher:1.2.0", List.of("python", "-m", "researcher"), List.of("--port", "8000"),
                Map.of("LOG_LEVEL", "info"))), CATALOG);

        String file = Mappers.YAML.writeValueAsString(values);
        Deployment deployment = SandboxChart.Manifests.parse(SandboxChart.renderValuesFile("scout", file))
                .one("Deployment", Deployment.class);

        assertThat(deployment.getMetadata().getNamespace()).isEqualTo("agent-scout");
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getServiceAccountName()).isEqualTo("agent");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        Container c = pod.getContainers().getFirst();
        assertThat(c.getImage()).isEqualTo("ghcr.io/team/researcher:1.2.0");
        assertThat(c.getCommand()).containsExactly("python", "-m", "researcher");
        assertThat(c.getArgs()).containsExactly("--port", "8000");
        assertThat(c.getEnv()).singleElement().satisfies(e -> assertThat(e.getName() + "=" + e.getValue())
                .isEqualTo("LOG_LEVEL=info"));
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(c.getResources()).as("the LimitRange's defaults apply").satisfiesAnyOf(
                r -> assertThat(r).isNull(), r -> assertThat(r.getLimits()).isNullOrEmpty());
        // agent update keeps it: the spec read back from the values carries the workload.
        assertThat(AgentSandbox.spec(values).workload()).isEqualTo(values.workloadSpec());
        assertThat(values.workloadSpec().image()).isEqualTo("ghcr.io/team/researcher:1.2.0");
    }

    @Test
    void aSandboxWithoutAWorkloadRendersNoDeployment() throws Exception {
        AgentValues values = AgentSandbox.values("plain", AgentSpec.DEFAULTS, CATALOG);

        assertThat(SandboxChart.Manifests.parse(SandboxChart.renderValuesFile("plain",
                Mappers.YAML.writeValueAsString(values))).kinds()).doesNotContain("Deployment");
        assertThat(Mappers.YAML.writeValueAsString(values)).doesNotContain("workload");
    }

    @Test
    void aBadImageOrEnvironmentNameIsRefusedWithTheFix() {
        assertThatThrownBy(() -> AgentSandbox.values("x", withWorkload(new AgentValues.Workload("my image", null,
                null, null)), CATALOG)).hasMessageContaining("workload image \"my image\" is not an image reference");
        assertThatThrownBy(() -> AgentSandbox.values("x", withWorkload(new AgentValues.Workload("busybox:1.36", null,
                null, Map.of("1BAD", "x"))), CATALOG))
                .hasMessageContaining("workload env \"1BAD\" is not an environment variable name");
    }
}

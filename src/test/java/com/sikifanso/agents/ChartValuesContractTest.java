package com.sikifanso.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.CrdSchema;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.core.Mappers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The values file {@code agent create} writes is one the chart renders, key for key. */
class ChartValuesContractTest {
    private static final Catalog CATALOG = Catalog.load(Path.of("src/main/resources/bootstrap"));

    @Test
    void theDefaultAgentsValuesRenderItsSandbox() throws Exception {
        AgentValues values = AgentSandbox.values("demo", AgentSpec.DEFAULTS, CATALOG);

        SandboxChart.Manifests manifests = SandboxChart.Manifests.parse(
                SandboxChart.renderValuesFile("demo", Mappers.YAML.writeValueAsString(values)));

        assertThat(manifests.one("ResourceQuota").path("spec").path("hard").path("limits.cpu").asText())
                .isEqualTo(values.quota().cpuLimit());
        assertThat(manifests.one("LimitRange").path("spec").path("limits").get(0).path("default").path("memory")
                .asText()).isEqualTo(values.containerDefaults().memoryLimit());
        JsonNode egress = manifests.one("CiliumNetworkPolicy").path("spec").path("egress");
        assertThat(egress).hasSize(2 + values.allow().size());
        for (int i = 0; i < values.allow().size(); i++) {
            AgentValues.AllowedService service = values.allow().get(i);
            JsonNode rule = egress.get(2 + i);
            assertThat(rule.path("toEndpoints").get(0).path("matchLabels").path("k8s:io.kubernetes.pod.namespace")
                    .asText()).isEqualTo(service.namespace());
            service.podLabels().forEach((key, value) ->
                    assertThat(rule.path("toEndpoints").get(0).path("matchLabels").path(key).asText()).isEqualTo(value));
            assertThat(rule.path("toPorts").get(0).path("ports").get(0).path("port").asText())
                    .isEqualTo(String.valueOf(service.port()));
        }
    }

    @Test
    void anAgentWithAHostAndBaselineRendersThemAndStaysSchemaValid() throws Exception {
        AgentSpec spec = AgentSpec.DEFAULTS.overriddenBy(new AgentSpec("2", "8", "1Gi", "32Gi", "50",
                List.of("qdrant"), List.of("api.anthropic.com", "example.com:8443"), "baseline"));
        AgentValues values = AgentSandbox.values("research", spec, CATALOG);

        SandboxChart.Manifests manifests = SandboxChart.Manifests.parse(
                SandboxChart.renderValuesFile("research", Mappers.YAML.writeValueAsString(values)));

        assertThat(manifests.one("Namespace").path("metadata").path("labels")
                .path("pod-security.kubernetes.io/enforce").asText()).isEqualTo("baseline");
        JsonNode policy = manifests.one("CiliumNetworkPolicy");
        assertThat(policy.path("spec").path("egress").findValuesAsText("matchName"))
                .containsExactly("api.anthropic.com", "example.com");
        assertThat(CrdSchema.ciliumNetworkPolicy().violations(policy)).isEmpty();
        assertThat(manifests.one("ResourceQuota").path("spec").path("hard").path("pods").asText()).isEqualTo("50");
    }
}

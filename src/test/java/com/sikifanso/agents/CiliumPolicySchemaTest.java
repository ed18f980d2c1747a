package com.sikifanso.agents;

import static com.sikifanso.agents.SandboxValues.forAgent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.CrdSchema;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rendered CiliumNetworkPolicy against the upstream CRD's schema, which must be able to say no. */
class CiliumPolicySchemaTest {
    private static final CrdSchema SCHEMA = CrdSchema.ciliumNetworkPolicy();

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.sikifanso.agents.AgentSandboxChartTest#valueSets")
    void renderedPolicyIsValidForTheUpstreamCrd(String label, SandboxValues values) {
        JsonNode policy = SandboxChart.render(values).one("CiliumNetworkPolicy");

        assertThat(policy.path("apiVersion").asText()).isEqualTo("cilium.io/v2");
        assertThat(SCHEMA.violations(policy)).isEmpty();
    }

    static Stream<Arguments> brokenPolicies() {
        return Stream.of(
                Arguments.of("an entity Cilium does not know", edit(spec ->
                        ((ArrayNode) spec.path("egressDeny").get(0).path("toEntities")).add("internet")),
                        "$.spec.egressDeny[0].toEntities[4]: does not have a value in the enumeration"),
                Arguments.of("a port as a number, not a string", edit(spec ->
                        ((ObjectNode) firstPort(spec)).put("port", 53)), "$.spec.egress[0].toPorts[0].ports[0].port: integer found, string expected"),
                Arguments.of("a protocol Cilium does not match on", edit(spec ->
                        ((ObjectNode) firstPort(spec)).put("protocol", "HTTP")),
                        "$.spec.egress[0].toPorts[0].ports[0].protocol: does not have a value in the enumeration"),
                Arguments.of("a misspelt field", edit(spec -> spec.set("egresDeny", spec.get("egressDeny"))),
                        "$.spec: property 'egresDeny' is not defined in the schema"),
                Arguments.of("a misspelt rule field", edit(spec ->
                        ((ObjectNode) spec.path("egress").get(0)).set("toEndpoint", spec.path("egress").get(0).get("toEndpoints"))),
                        "$.spec.egress[0]: property 'toEndpoint' is not defined in the schema"),
                Arguments.of("no endpoint selector", edit(spec -> spec.remove("endpointSelector")), "$.spec: required property 'endpointSelector' not found"),
                Arguments.of("a label value longer than 63", edit(spec ->
                        ((ObjectNode) spec.path("egress").get(0).path("toEndpoints").get(0).path("matchLabels"))
                                .put("k8s-app", "x".repeat(64))),
                        "$.spec.egress[0].toEndpoints[0].matchLabels.k8s-app: must be at most 63 characters long"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPolicies")
    void schemaRejectsABrokenPolicy(String label, JsonNode policy, String reason) {
        assertThat(SCHEMA.violations(policy)).isNotEmpty().anySatisfy(m -> assertThat(m).contains(reason));
    }

    @Test
    void theUnbrokenPolicyTheBrokenOnesStartFromIsValid() {
        assertThat(SCHEMA.violations(edit(spec -> { }))).isEmpty();
    }

    private static JsonNode edit(Consumer<ObjectNode> change) {
        JsonNode policy = SandboxChart.render(forAgent("demo")).one("CiliumNetworkPolicy").deepCopy();
        change.accept((ObjectNode) policy.path("spec"));
        return policy;
    }

    private static JsonNode firstPort(JsonNode spec) {
        return spec.path("egress").get(0).path("toPorts").get(0).path("ports").get(0);
    }
}

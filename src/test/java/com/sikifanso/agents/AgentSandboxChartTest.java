package com.sikifanso.agents;

import static com.sikifanso.agents.SandboxValues.forAgent;
import static com.sikifanso.agents.SandboxValues.map;
import static com.sikifanso.agents.SandboxValues.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeItem;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent-sandbox chart rendered by the real Helm engine, object by object. */
class AgentSandboxChartTest {

    /** The values of every rendering other tests assert on: defaults and edges. */
    static Stream<Arguments> valueSets() {
        return Stream.of(
                Arguments.of("defaults", forAgent("demo")),
                Arguments.of("no allow list", forAgent("demo").noAllowList()),
                Arguments.of("egress FQDNs", forAgent("demo").egressFqdn("api.anthropic.com", 443)
                        .egressFqdn("example.com", 8443)),
                Arguments.of("baseline pod security", forAgent("demo").podSecurity("baseline")),
                Arguments.of("large quotas", forAgent("big").quota("16", "64", "64Gi", "256Gi", 500)
                        .containerDefaults("1", "4", "4Gi", "16Gi")),
                Arguments.of("quotas below the container defaults", forAgent("tiny")
                        .quota("50m", "100m", "32Mi", "64Mi", 1).containerDefaults("50m", "100m", "32Mi", "64Mi")),
                Arguments.of("longest name", forAgent("a".repeat(53))));
    }

    @Test
    void rendersTheSandboxObjectsIntoTheAgentsNamespace() {
        SandboxChart.Manifests manifests = SandboxChart.render(forAgent("demo"));

        assertThat(manifests.kinds()).containsExactlyInAnyOrder("Namespace", "ResourceQuota", "LimitRange",
                "ServiceAccount", "CiliumNetworkPolicy", "NetworkPolicy");
        for (JsonNode doc : manifests.documents()) {
            String expectedNamespace = doc.path("kind").asText().equals("Namespace") ? "" : "agent-demo";
            assertThat(doc.path("metadata").path("namespace").asText()).as(doc.path("kind").asText())
                    .isEqualTo(expectedNamespace);
            assertThat(doc.path("metadata").path("labels").path("sikifanso.io/agent").asText()).isEqualTo("true");
            assertThat(doc.path("metadata").path("labels").path("sikifanso.io/agent-name").asText()).isEqualTo("demo");
        }
        assertThat(manifests.one("Namespace").path("metadata").path("name").asText()).isEqualTo("agent-demo");
    }

    @Test
    void namespaceEnforcesRestrictedPodSecurityByDefault() {
        Namespace namespace = SandboxChart.render(forAgent("demo")).one("Namespace", Namespace.class);

        assertThat(namespace.getMetadata().getLabels()).containsAllEntriesOf(Map.of(
                "sikifanso.io/agent", "true",
                "sikifanso.io/agent-name", "demo",
                "pod-security.kubernetes.io/enforce", "restricted",
                "pod-security.kubernetes.io/enforce-version", "latest",
                "pod-security.kubernetes.io/warn", "restricted",
                "pod-security.kubernetes.io/warn-version", "latest",
                "pod-security.kubernetes.io/audit", "restricted",
                "pod-security.kubernetes.io/audit-version", "latest"));
    }

    @Test
    void baselinePodSecurityRelaxesEnforcementButStillWarnsAndAuditsAtRestricted() {
        Namespace namespace = SandboxChart.render(forAgent("demo").podSecurity("baseline"))
                .one("Namespace", Namespace.class);

        assertThat(namespace.getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "baseline")
                .containsEntry("pod-security.kubernetes.io/warn", "restricted")
                .containsEntry("pod-security.kubernetes.io/audit", "restricted");
    }

    @Test
    void quotaCarriesTheValuesRequestsAndLimits() {
        ResourceQuota quota = SandboxChart.render(forAgent("demo")).one("ResourceQuota", ResourceQuota.class);

        assertThat(quota.getMetadata().getName()).isEqualTo("agent-quota");
        assertThat(quota.getSpec().getHard()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "requests.cpu", new Quantity("250m"), "limits.cpu", new Quantity("1000m"),
                "requests.memory", new Quantity("256Mi"), "limits.memory", new Quantity("1Gi"),
                "pods", new Quantity("10")));
    }

    @Test
    void limitRangeGivesContainersDefaultsAndCapsThemAtTheQuota() {
        LimitRange limits = SandboxChart.render(forAgent("demo")).one("LimitRange", LimitRange.class);

        assertThat(limits.getMetadata().getName()).isEqualTo("agent-limits");
        LimitRangeItem container = limits.getSpec().getLimits().getFirst();
        assertThat(limits.getSpec().getLimits()).hasSize(1);
        assertThat(container.getType()).isEqualTo("Container");
        assertThat(container.getDefaultRequest()).isEqualTo(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("128Mi")));
        assertThat(container.getDefault()).isEqualTo(Map.of("cpu", new Quantity("500m"), "memory", new Quantity("512Mi")));
        assertThat(container.getMax()).isEqualTo(Map.of("cpu", new Quantity("1000m"), "memory", new Quantity("1Gi")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void quotaAndLimitRangeAgree(String label, SandboxValues values) {
        SandboxChart.Manifests manifests = SandboxChart.render(values);
        Map<String, Quantity> hard = manifests.one("ResourceQuota", ResourceQuota.class).getSpec().getHard();
        LimitRangeItem container = manifests.one("LimitRange", LimitRange.class).getSpec().getLimits().getFirst();

        assertThat(container.getMax()).containsExactlyInAnyOrderEntriesOf(
                Map.of("cpu", hard.get("limits.cpu"), "memory", hard.get("limits.memory")));
        for (String resource : List.of("cpu", "memory")) {
            assertThat(amount(container.getDefaultRequest().get(resource))).as("%s defaultRequest <= default", resource)
                    .isLessThanOrEqualTo(amount(container.getDefault().get(resource)));
            assertThat(amount(container.getDefault().get(resource))).as("%s default <= max", resource)
                    .isLessThanOrEqualTo(amount(container.getMax().get(resource)));
            assertThat(amount(container.getDefaultRequest().get(resource))).as("%s defaultRequest <= quota", resource)
                    .isLessThanOrEqualTo(amount(hard.get("requests." + resource)));
            assertThat(amount(hard.get("requests." + resource))).as("%s quota request <= limit", resource)
                    .isLessThanOrEqualTo(amount(hard.get("limits." + resource)));
        }
        assertThat(amount(hard.get("pods"))).isPositive();
    }

    @Test
    void largeQuotasWrittenAsYamlNumbersStayExactQuantities() {
        SandboxValues values = forAgent("big").quota("16", "64", "64Gi", "256Gi", 5000)
                .raw("quota", map("cpuRequest", 16, "cpuLimit", 64, "memoryRequest", 68719476736L,
                        "memoryLimit", 274877906944L, "pods", 5000))
                .containerDefaults("1", "4", "4Gi", "16Gi");

        SandboxChart.Manifests manifests = SandboxChart.render(values);

        assertThat(manifests.one("ResourceQuota").path("spec").path("hard").toString()).isEqualTo(
                "{\"requests.cpu\":\"16\",\"limits.cpu\":\"64\",\"requests.memory\":\"68719476736\","
                        + "\"limits.memory\":\"274877906944\",\"pods\":\"5000\"}");
        assertThat(manifests.one("LimitRange").path("spec").path("limits").get(0).path("max").toString())
                .isEqualTo("{\"cpu\":\"64\",\"memory\":\"274877906944\"}");
    }

    @Test
    void serviceAccountMountsNoToken() {
        ServiceAccount account = SandboxChart.render(forAgent("demo")).one("ServiceAccount", ServiceAccount.class);

        assertThat(account.getMetadata().getName()).isEqualTo("agent");
        assertThat(account.getAutomountServiceAccountToken()).isFalse();
    }

    @Test
    void ciliumPolicyDeniesTheWorldApiAndNodesAndAllowsDnsItsNamespaceAndEachServicesPods() throws IOException {
        JsonNode spec = SandboxChart.render(forAgent("demo")).one("CiliumNetworkPolicy").path("spec");

        assertThat(spec.path("endpointSelector")).isEqualTo(yaml("{}"));
        assertThat(spec.path("egressDeny")).isEqualTo(yaml("""
                - toEntities: [world, kube-apiserver, host, remote-node]
                """));
        assertThat(spec.path("egress")).isEqualTo(yaml(DNS_RULE + """
                - toEndpoints: [{}]
                - toEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": gateway, app.kubernetes.io/name: litellm}}]
                  toPorts: [{ports: [{port: "4000", protocol: TCP}]}]
                - toEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": rag, app.kubernetes.io/name: qdrant}}]
                  toPorts: [{ports: [{port: "6333", protocol: TCP}]}]
                - toEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": storage, cnpg.io/cluster: postgresql}}]
                  toPorts: [{ports: [{port: "5432", protocol: TCP}]}]
                - toEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": storage, app.kubernetes.io/name: valkey}}]
                  toPorts: [{ports: [{port: "6379", protocol: TCP}]}]
                """));
        assertThat(spec.path("ingress")).isEqualTo(yaml("- fromEndpoints: [{}]"));
        assertThat(spec.has("ingressDeny")).isFalse();
    }

    @Test
    void withoutAnAllowListTheAgentReachesOnlyDnsAndItsOwnNamespace() throws IOException {
        SandboxChart.Manifests manifests = SandboxChart.render(forAgent("demo").noAllowList());

        assertThat(manifests.one("CiliumNetworkPolicy").path("spec").path("egress"))
                .isEqualTo(yaml(DNS_RULE + "- toEndpoints: [{}]"));
        assertThat(manifests.one("NetworkPolicy").path("spec").path("egress")).isEqualTo(yaml(PLAIN_DNS_RULE + """
                - to: [{podSelector: {}}]
                """));
    }

    @Test
    void egressFqdnsBecomeToFqdnsRulesWithDnsVisibilityAndNoWorldDeny() throws IOException {
        JsonNode spec = SandboxChart.render(forAgent("demo").noAllowList()
                .egressFqdn("api.anthropic.com", 443).egressFqdn("example.com", 8443))
                .one("CiliumNetworkPolicy").path("spec");

        // A world deny would also drop the addresses toFQDNs learns: deny wins over allow.
        assertThat(spec.path("egressDeny")).isEqualTo(yaml("- toEntities: [kube-apiserver, host, remote-node]"));
        assertThat(spec.path("egress")).isEqualTo(yaml("""
                - toEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": kube-system, k8s-app: kube-dns}}]
                  toPorts:
                    - ports: [{port: "53", protocol: UDP}, {port: "53", protocol: TCP}]
                      rules: {dns: [{matchPattern: "*"}]}
                - toEndpoints: [{}]
                - toFQDNs: [{matchName: api.anthropic.com}]
                  toPorts: [{ports: [{port: "443", protocol: TCP}]}]
                - toFQDNs: [{matchName: example.com}]
                  toPorts: [{ports: [{port: "8443", protocol: TCP}]}]
                """));
    }

    @Test
    void plainNetworkPolicyStatesTheSameIntent() throws IOException {
        SandboxChart.Manifests manifests = SandboxChart.render(forAgent("demo"));
        NetworkPolicy policy = manifests.one("NetworkPolicy", NetworkPolicy.class);

        assertThat(policy.getMetadata().getName()).isEqualTo("agent-isolation");
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(manifests.one("NetworkPolicy").path("spec").path("ingress"))
                .isEqualTo(yaml("- from: [{podSelector: {}}]"));
        assertThat(manifests.one("NetworkPolicy").path("spec").path("egress")).isEqualTo(yaml(PLAIN_DNS_RULE + """
                - to: [{podSelector: {}}]
                - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: gateway}},
                        podSelector: {matchLabels: {app.kubernetes.io/name: litellm}}}]
                  ports: [{port: 4000, protocol: TCP}]
                - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: rag}},
                        podSelector: {matchLabels: {app.kubernetes.io/name: qdrant}}}]
                  ports: [{port: 6333, protocol: TCP}]
                - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: storage}},
                        podSelector: {matchLabels: {cnpg.io/cluster: postgresql}}}]
                  ports: [{port: 5432, protocol: TCP}]
                - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: storage}},
                        podSelector: {matchLabels: {app.kubernetes.io/name: valkey}}}]
                  ports: [{port: 6379, protocol: TCP}]
                """));
        assertThat(policy.getSpec().getEgress().get(2).getPorts().getFirst().getPort().getIntVal()).isEqualTo(4000);
    }

    static Stream<Arguments> refusedValues() {
        return Stream.of(
                Arguments.of("no agent name", forAgent("demo").raw("agent", map()), "agent.name is required"),
                Arguments.of("empty agent name", forAgent(""), "agent.name is required"),
                Arguments.of("name that is no DNS label", forAgent("Agent_1"),
                        "agent.name \"Agent_1\" is not a DNS-1123 label"),
                Arguments.of("name longer than a release name", forAgent("a".repeat(54)),
                        "is 54 characters; at most 53, as it is also the Helm release name"),
                Arguments.of("privileged pod security", forAgent("demo").podSecurity("privileged"),
                        "podSecurity \"privileged\" is not a level sandboxes allow: restricted (default) or baseline"),
                Arguments.of("service without pod labels", forAgent("demo").allowOnly(
                        map("name", "qdrant", "namespace", "rag", "port", 6333)),
                        "allow[0] (qdrant).podLabels is required: a sandbox reaches a service's pods, never a whole namespace"),
                Arguments.of("service without a port", forAgent("demo").allowOnly(
                        map("name", "qdrant", "namespace", "rag", "podLabels", map("app", "qdrant"))),
                        "allow[0] (qdrant).port is required"),
                Arguments.of("port out of range", forAgent("demo").allowOnly(
                        service("qdrant", "rag", 70000, "app", "qdrant")), "allow qdrant: port 70000 is not between 1 and 65535"),
                Arguments.of("no pods", forAgent("demo").quota("250m", "1", "256Mi", "1Gi", 0),
                        "quota.pods 0 must be a positive integer"),
                Arguments.of("egress FQDN without a host", forAgent("demo").raw("egressFQDNs", List.of(map("port", 443))),
                        "egressFQDNs[0].host is required"),
                // null deletes a key in Helm's merge, default included
                Arguments.of("quota without pods", forAgent("demo").raw("quota", map("pods", null)),
                        "quota.pods is required"),
                Arguments.of("no container defaults", forAgent("demo").raw("containerDefaults", null),
                        "containerDefaults.cpuRequest is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedValues")
    void refusesValuesThatWouldBreakOrWeakenTheSandbox(String label, SandboxValues values, String message) {
        // A release name of its own, so that the chart's checks speak rather than Helm's.
        assertThatThrownBy(() -> SandboxChart.render("sandbox", values)).hasMessageContaining(message);
    }

    @Test
    void helmItselfRefusesAReleaseNameOver53SoAgentNamesAreCappedThere() {
        assertThatThrownBy(() -> SandboxChart.render(forAgent("a".repeat(54))))
                .hasMessageContaining("invalid release name")
                .hasMessageContaining("must not be longer than 53");
    }

    static final String DNS_RULE = """
            - toEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": kube-system, k8s-app: kube-dns}}]
              toPorts: [{ports: [{port: "53", protocol: UDP}, {port: "53", protocol: TCP}]}]
            """;

    static final String PLAIN_DNS_RULE = """
            - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}},
                    podSelector: {matchLabels: {k8s-app: kube-dns}}}]
              ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
            """;

    static JsonNode yaml(String text) throws IOException {
        return SandboxChart.YAML.readTree(text);
    }

    private static java.math.BigDecimal amount(Quantity quantity) {
        return quantity.getNumericalAmount();
    }
}

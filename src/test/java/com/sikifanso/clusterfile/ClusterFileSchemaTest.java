package com.sikifanso.clusterfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.sikifanso.core.Mappers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published JSON Schema and the parser say the same: what editors accept, sikifanso reads, and a file the parser
 * refuses, the schema refuses too (networknt's validator, draft 2020-12, as editors' YAML servers use).
 */
class ClusterFileSchemaTest {
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(ClusterFiles.schema());
    private static final String HEADER = "apiVersion: sikifanso.io/v1alpha1\nkind: Cluster\n";

    @Test
    void everyBuiltInTemplateIsValidForBoth() {
        for (ClusterTemplates.Template t : new ClusterTemplates(Path.of("no-such-dir")).all()) {
            ClusterFile file = new ClusterTemplates(Path.of("no-such-dir")).load(t.name());
            assertThat(violations(ClusterFiles.yaml(file))).as(t.name()).isEmpty();
        }
    }

    @Test
    void aGeneratedFileNamesTheSchemaForEditorsAndReadsBack() {
        ClusterFile file = ClusterFileParser.parse(HEADER + "metadata: {name: lab}\nnodes: {servers: 3}\n"
                + "agents:\n  - name: a\n    allow: [qdrant]\n", "lab.yaml");

        String yaml = ClusterFiles.yaml(file);

        assertThat(yaml).startsWith("# yaml-language-server: $schema=" + ClusterFiles.SCHEMA_URL + "\n");
        assertThat(ClusterFiles.SCHEMA_URL).endsWith("/src/main/resources/clusterfile/cluster-v1alpha1.schema.json");
        assertThat(violations(yaml)).isEmpty();
        assertThat(ClusterFileParser.parse(yaml, "again")).isEqualTo(file);
    }

    @Test
    void anAgentsWorkloadIsAcceptedByBoth() {
        String yaml = HEADER + "agents: [{name: scout, allow: [], workload: {image: ghcr.io/team/scout:1.2.0, "
                + "command: [python], args: [--serve], env: {MODE: research, N: 2}}}]\n";
        assertThat(violations(yaml)).isEmpty();
        assertThat(ClusterFileParser.parse(yaml, "f").agents()).singleElement()
                .satisfies(a -> assertThat(a.workload().env()).containsEntry("MODE", "research")
                        .containsEntry("N", "2"));
    }

    @Test
    void aNamedRegistryIsAcceptedByBoth() {
        String yaml = HEADER + "registry: {create: true, name: team.registry_1, port: 5001}\n";
        assertThat(violations(yaml)).isEmpty();
        assertThat(ClusterFileParser.parse(yaml, "f").registry().name()).isEqualTo("team.registry_1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "nodes: {servers: three}", "nodes: {servers: 10}", "nodes: {severs: 3}", "network: {cni: calico}",
        "agents: [{allow: [qdrant]}]", "customApps: [{name: p, repo: r, chart: c, namespace: n}]",
        "ports: {api: 70000}", "nodes: {gpus: -1}", "registry: {create: yes please}", "infra: {platfrom: {}}",
        "registry: {create: true, name: -team registry}", "registry: {name: team-registry}",
        "registry: {create: false, name: team-registry}",
        "metadata: {name: Lab_1}", "agents: [{name: a, workload: {command: [run]}}]",
        "agents: [{name: a, workload: {image: x, entrypoint: [run]}}]",
        "agents: [{name: a, workload: {image: x, env: {A: [1]}}}]"})
    void whatTheParserRefusesTheSchemaRefuses(String body) {
        String yaml = HEADER + body + "\n";
        assertThatThrownBy(() -> ClusterFileParser.parse(yaml, "f")).as(body).isNotNull();
        assertThat(violations(yaml)).as(body).isNotEmpty();
    }

    @Test
    void theSchemaNamesEveryFieldTheParserKnows() {
        JsonNode schema = tree(ClusterFiles.schema());
        assertThat(names(schema.path("properties"))).containsExactlyInAnyOrder("apiVersion", "kind", "metadata",
                "nodes", "network", "ports", "registry", "profiles", "apps", "customApps", "agents", "infra");
        assertThat(names(schema.at("/properties/infra/properties"))).containsExactlyElementsOf(
                ClusterFiles.INFRA_FILES.keySet());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<ValidationMessage> violations(String yaml) {
        return SCHEMA.validate(tree(yaml));
    }

    private static JsonNode tree(String text) {
        try {
            return Mappers.YAML.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

package com.sikifanso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Mappers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clusters-as-code commands as a user types them: templates, the schema, the dry run and a bad file. */
class ClusterFileCommandsTest {
    @TempDir
    Path home;

    @Test
    void templatesListsTheBuiltInOnes() {
        SikifansoProcess.Result r = InProcess.run(home, "cluster", "templates");

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).startsWith("NAME").contains("agent-lab", "rag-lab", "local-inference", "built-in");
    }

    @Test
    void theSchemaIsPrintedAsJson() throws Exception {
        SikifansoProcess.Result r = InProcess.run(home, "cluster", "config", "--schema");

        assertThat(r.exitCode()).isZero();
        JsonNode schema = Mappers.JSON.readTree(r.stdout());
        assertThat(schema.at("/properties/apiVersion/const").asText()).isEqualTo("sikifanso.io/v1alpha1");
    }

    @Test
    void theDryRunPrintsTheResolvedFileWithFlagsOverTheTemplate() {
        SikifansoProcess.Result r = InProcess.run(home, "cluster", "create", "lab9", "--template", "rag-lab",
                "--agents", "3", "--servers", "3", "--dry-run");

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).startsWith("# yaml-language-server: $schema=https://").contains("""
                metadata:
                  name: lab9
                """).contains("""
                nodes:
                  servers: 3
                  agents: 3
                """).contains("- rag");
        assertThat(home.resolve("clusters")).doesNotExist();
    }

    @Test
    void aBadFileIsAUsageErrorNamingTheLineAndTheFix() throws Exception {
        Path file = Files.writeString(home.resolve("c.yaml"), "apiVersion: sikifanso.io/v1alpha1\nkind: Cluster\n"
                + "nodes:\n  agents: many\n");

        SikifansoProcess.Result r = InProcess.run(home, "cluster", "create", "--config", file.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains(file + " line 4: nodes.agents is \"many\"; it must be a whole number from 0 to"
                + " 99").contains("write e.g. agents: 2");
        assertThat(home.resolve("clusters")).doesNotExist();
    }
}

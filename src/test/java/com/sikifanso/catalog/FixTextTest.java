package com.sikifanso.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.core.Hint;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.Suggestion;
import com.sikifanso.mcp.ToolHints;
import com.sikifanso.ops.OperationRegistry;
import com.sikifanso.ops.StructuredResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in catalog's diagnostics, as their authors wrote them in YAML: the sikifanso commands in their fixes read
 * as tools for a model (doctor's row over MCP, a result's structuredContent) and exactly as written on the CLI.
 */
class FixTextTest {
    private final ToolHints model = new ToolHints(new OperationRegistry().all());

    private static List<String> builtInFixes() throws Exception {
        List<String> fixes = new ArrayList<>();
        for (Map.Entry<String, String> file : BuiltInCatalog.files().entrySet()) {
            if (!file.getKey().contains("/") && file.getKey().endsWith(".yaml")) {
                CatalogEntry entry = Mappers.YAML.readValue(file.getValue(), CatalogEntry.class);
                entry.diagnostics().failureModes().forEach(m -> fixes.add(m.fix()));
            }
        }
        return fixes;
    }

    @Test
    void everyBuiltInFixReadsOnTheCliExactlyAsWrittenAndItsCommandsAreSuggestions() throws Exception {
        List<String> fixes = builtInFixes();
        List<Suggestion> commands = new ArrayList<>();
        for (String fix : fixes) {
            Hint hint = FixText.hint(fix);
            assertThat(hint.cli()).isEqualTo(fix);
            commands.addAll(hint.suggestions());
        }
        assertThat(commands).as("commands the built-in fixes name").hasSizeGreaterThan(20);
        List<String> stillPlain = fixes.stream().map(f -> model.render(FixText.hint(f)))
                .filter(f -> f.matches(".*sikifanso (app (status|sync|logs|rotate-credentials)|cluster doctor).*"))
                .toList();
        assertThat(stillPlain).as("fixes that still spell a command a tool does").isEmpty();
    }

    @Test
    void aModelReadsToolsAndArgumentsWhileYamlAndOtherCommandsStayText() {
        assertThat(model.render(FixText.hint("check sikifanso app status valkey; then sikifanso app rotate-credentials"
                + " langfuse"))).isEqualTo("check app_status with name: \"valkey\"; then app_rotate_credentials with "
                + "name: \"langfuse\"");
        assertThat(model.render(FixText.hint("allow it: sikifanso agent update AGENT --allow qdrant (with the others"
                + " it needs)"))).isEqualTo("allow it: agent_update with name: \"AGENT\", allow: [\"qdrant\"] (with the"
                + " others it needs)");
        assertThat(model.render(FixText.hint("check the GPUs row: sikifanso cluster doctor; or set "
                + "servingEngineSpec.runtimeClassName: nvidia and kubectl -n x get events")))
                .isEqualTo("check the GPUs row: doctor; or set servingEngineSpec.runtimeClassName: nvidia and kubectl "
                        + "-n x get events");
        assertThat(FixText.hint(null)).isNull();
    }

    @Test
    void aFailureModeInAResultIsInTheReadersWordsAndItsYamlIsAsWritten() throws Exception {
        Diagnostics.FailureMode mode = new Diagnostics.FailureMode("web restarts", List.of("migration"), "no database",
                "check the database first: sikifanso app status postgresql");
        Diagnostics diagnostics = new Diagnostics(List.of(), List.of(), List.of(), List.of(mode));

        assertThat(Mappers.JSON.valueToTree(StructuredResults.of(diagnostics, model)).at("/failureModes/0/fix")
                .asText()).isEqualTo("check the database first: app_status with name: \"postgresql\"");
        assertThat(Mappers.YAML.writeValueAsString(diagnostics))
                .contains("check the database first: sikifanso app status postgresql");
    }
}

package com.sikifanso.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What tools/list costs a client's context: the full list (every toolset, no pinned cluster), as a raw child
 * process sends it. The issue found 37.5 KB (about 9 000 tokens); these budgets keep it well below, tool by tool.
 * Sizes, not timings: bench/mcp.sh prints the figures.
 */
class McpToolListBudgetTest {
    /**
     * The whole tools/list result never again above where issue 13 started (37.5 KB, then 46.5 KB before outlines and
     * trims); it grows with the tools, so what keeps each one earning its length is the average below.
     */
    static final int LIST_CEILING_BYTES = 38_400;
    /** The average tool: 904 bytes for 41 tools (37.1 KB) once every mutating tool took dryRun and agent_probe came. */
    static final int AVERAGE_TOOL_CEILING_BYTES = 950;
    /** What a model reads of every tool (name, description, input schema); 21 KB when this was written. */
    static final int MODEL_FACING_CEILING_BYTES = 23 * 1024;
    static final int DESCRIPTION_BUDGET_CHARS = 300;
    static final int TOOL_BUDGET_BYTES = 2 * 1024;

    @TempDir
    static Path root;
    static JsonNode list;

    @BeforeAll
    static void listTools() throws Exception {
        McpHome.withCluster(root);
        try (RawStdio stdio = new RawStdio(root, ServerCommand.mcpServe())) {
            stdio.initialize("2025-11-25");
            list = stdio.answer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").path("result");
        }
    }

    @Test
    void theWholeListStaysUnderItsCeiling() {
        assertThat(list.path("tools").size()).as("every toolset is listed").isGreaterThan(30);
        assertThat(bytes(list)).as("tools/list result bytes").isLessThan(LIST_CEILING_BYTES);
        assertThat(bytes(list) / list.path("tools").size()).as("average bytes per tool of "
                + list.path("tools").size()).isLessThanOrEqualTo(AVERAGE_TOOL_CEILING_BYTES);
        int modelFacing = 0;
        for (JsonNode tool : list.path("tools")) {
            modelFacing += bytes(tool.path("name")) + bytes(tool.path("description")) + bytes(tool.path("inputSchema"));
        }
        assertThat(modelFacing).as("names, descriptions and input schemas").isLessThan(MODEL_FACING_CEILING_BYTES);
    }

    @Test
    void noToolExceedsItsBudget() {
        for (JsonNode tool : list.path("tools")) {
            String name = tool.path("name").asText();
            assertThat(tool.path("description").asText()).as(name + " description").isNotBlank()
                    .hasSizeLessThanOrEqualTo(DESCRIPTION_BUDGET_CHARS);
            assertThat(bytes(tool)).as(name + " bytes in tools/list").isLessThanOrEqualTo(TOOL_BUDGET_BYTES);
        }
    }

    @Test
    void outputSchemasOutlineTheResultAndTheItemsOfItsLists() {
        JsonNode info = tool("cluster_info").path("outputSchema").path("properties");
        assertThat(info.path("session").path("type").asText()).isEqualTo("object");
        assertThat(info.path("session").has("properties")).as("a nested object is only an object").isFalse();
        assertThat(info.at("/docker/enum").size()).as("the result's own fields keep their enums").isEqualTo(4);
        JsonNode upgraded = tool("cluster_upgrade").at("/outputSchema/properties/components/items/properties");
        assertThat(upgraded.at("/component/enum").size()).as("a list's items keep their fields").isEqualTo(2);
        assertThat(tool("app_logs").at("/outputSchema/required").toString()).contains("matched", "truncated");
    }

    @Test
    void whatAModelNeedsIsStillThere() {
        assertThat(tool("app_add").path("description").asText()).contains("not in the catalog", "oci://", "checked");
        assertThat(tool("app_logs").at("/inputSchema/properties/lines/maximum").asInt()).isEqualTo(2000);
        assertThat(tool("kube_events").at("/inputSchema/properties/lines/maximum").asInt()).isEqualTo(500);
        assertThat(tool("agent_delete").path("description").asText()).contains("Asks the user first");
        assertThat(tool("cluster_list").path("title").asText()).isEqualTo("Cluster list");
        assertThat(tool("cluster_list").path("annotations").has("title")).as("the title once, at the top").isFalse();
    }

    private static JsonNode tool(String name) {
        for (JsonNode t : list.path("tools")) {
            if (t.path("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no tool " + name + " in tools/list");
    }

    private static int bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}

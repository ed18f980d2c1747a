package com.sikifanso.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.Mappers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas every tool publishes are what {@code ops/tool-schemas.json} says, byte for byte once
 * normalised: inputs are declared in Java with shared pieces (cluster, wait), so a change to one of them shows
 * here as a schema change for every tool that uses it. An intended change is made by reviewing the file written
 * to {@code target/tool-schemas.actual.json} and copying it over the golden one.
 */
class ToolSchemasTest {
    private static final String GOLDEN = "/ops/tool-schemas.json";

    @Test
    void everyToolsPublishedSchemasAreTheGoldenOnes() throws IOException {
        ObjectNode actual = Mappers.JSON.createObjectNode();
        for (Operation<?, ?> op : new OperationRegistry().all()) {
            ObjectNode tool = actual.putObject(op.name());
            tool.put("description", op.description());
            tool.set("inputSchema", Mappers.JSON.valueToTree(JsonSchemas.toolInput(op)));
            tool.set("outputSchema", Mappers.JSON.valueToTree(JsonSchemas.output(op.output())));
        }
        JsonNode golden;
        try (InputStream in = ToolSchemasTest.class.getResourceAsStream(GOLDEN)) {
            assertThat(in).as("golden file " + GOLDEN).isNotNull();
            golden = Mappers.JSON.readTree(in);
        }
        Path actualFile = Path.of("target", "tool-schemas.actual.json");
        Files.createDirectories(actualFile.getParent());
        Files.writeString(actualFile, pretty(actual) + "\n");
        assertThat(pretty(actual))
                .as("tool schemas differ from " + GOLDEN + "; the actual ones are in " + actualFile.toAbsolutePath())
                .isEqualTo(pretty(golden));
    }

    /** Keys sorted: the schemas' small maps ({@code Map.of}) iterate in an order that changes from run to run. */
    private static String pretty(JsonNode node) throws IOException {
        Object plain = Mappers.JSON.treeToValue(node, Object.class);
        return Mappers.JSON.copy().enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .writerWithDefaultPrettyPrinter().writeValueAsString(plain);
    }
}

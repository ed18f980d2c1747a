package com.sikifanso.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.sikifanso.core.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The upstream charts vendored under src/test/resources/charts (see its README), rendered by the real Helm engine. */
final class VendoredCharts {
    private static final Path CHARTS = Path.of("src/test/resources/charts");

    private VendoredCharts() {
    }

    /** {@code helm template} of a vendored chart, release named after the app as the catalog ApplicationSet does. */
    static List<JsonNode> render(Path dir, String chart, String app, String valuesYaml, String namespace)
            throws IOException {
        Path values = Files.writeString(dir.resolve(app + ".yaml"), valuesYaml);
        String out = new Helm(CHARTS.resolve(chart)).template().withName(app).withNamespace(namespace)
                .withValuesFile(values).call();
        List<JsonNode> objects = new ArrayList<>();
        for (String doc : out.split("(?m)^---\\s*$")) {
            JsonNode node = Mappers.YAML.readTree(doc);
            if (node != null && node.has("kind")) {
                objects.add(node);
            }
        }
        return objects;
    }
}

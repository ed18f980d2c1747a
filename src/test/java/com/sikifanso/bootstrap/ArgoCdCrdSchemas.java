package com.sikifanso.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.sikifanso.core.Mappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Argo CD's upstream Application and ApplicationSet CRDs (v1alpha1) as JSON Schemas, as strict
 * as the API server under server-side apply with strict field validation: an undeclared field is
 * an error, not silently pruned.
 */
final class ArgoCdCrdSchemas {
    static final Path CRDS = Path.of("../shared/reference/crds");

    private final JsonSchema schema;

    private ArgoCdCrdSchemas(JsonSchema schema) {
        this.schema = schema;
    }

    static ArgoCdCrdSchemas application() {
        return load("application-crd.yaml");
    }

    static ArgoCdCrdSchemas applicationSet() {
        return load("applicationset-crd.yaml");
    }

    private static ArgoCdCrdSchemas load(String file) {
        Path crd = CRDS.resolve(file);
        try {
            if (!Files.isRegularFile(crd)) {
                throw new IllegalStateException("the Argo CD CRD is not at " + crd.toAbsolutePath().normalize());
            }
            JsonNode parsed = Mappers.YAML.readTree(Files.readString(crd));
            JsonNode openApi = null;
            for (JsonNode version : parsed.path("spec").path("versions")) {
                if (version.path("name").asText().equals("v1alpha1")) {
                    openApi = version.path("schema").path("openAPIV3Schema").deepCopy();
                }
            }
            if (!(openApi instanceof ObjectNode root)) {
                throw new IllegalStateException("no v1alpha1 openAPIV3Schema in " + crd);
            }
            closeObjects(root);
            return new ArgoCdCrdSchemas(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each way {@code object} breaks the schema; empty when it is valid. */
    List<String> violations(JsonNode object) {
        return schema.validate(object).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** Declared properties become the only ones allowed, except under x-kubernetes-preserve-unknown-fields. */
    private static void closeObjects(ObjectNode node) {
        boolean open = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (names.next().startsWith("x-kubernetes-")) {
                names.remove();
            }
        }
        if (!open && node.has("properties") && !node.has("additionalProperties")) {
            node.put("additionalProperties", false);
        }
        for (Map.Entry<String, JsonNode> property : node.path("properties").properties()) {
            if (property.getValue() instanceof ObjectNode child) {
                closeObjects(child);
            }
        }
        for (String key : List.of("items", "additionalProperties")) {
            if (node.get(key) instanceof ObjectNode child) {
                closeObjects(child);
            }
        }
    }
}

package com.sikifanso.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The upstream CiliumNetworkPolicy CRD's v2 schema as a JSON Schema (draft 4, the closest to
 * OpenAPI v3), made as strict as the API server is under server-side apply, which Argo CD uses:
 * a field the schema does not declare is an error, not silently pruned.
 */
final class CiliumCrdSchema {
    static final Path CRD = Path.of("../shared/reference/crds/ciliumnetworkpolicies.yaml");

    private final JsonSchema schema;

    private CiliumCrdSchema(JsonSchema schema) {
        this.schema = schema;
    }

    static CiliumCrdSchema load() {
        try {
            if (!Files.isRegularFile(CRD)) {
                throw new IllegalStateException("the Cilium CRD is not at " + CRD.toAbsolutePath().normalize());
            }
            JsonNode crd = SandboxChart.YAML.readTree(Files.readString(CRD));
            JsonNode openApi = null;
            for (JsonNode version : crd.path("spec").path("versions")) {
                if (version.path("name").asText().equals("v2")) {
                    openApi = version.path("schema").path("openAPIV3Schema").deepCopy();
                }
            }
            if (openApi == null || !openApi.isObject()) {
                throw new IllegalStateException("no v2 openAPIV3Schema in " + CRD);
            }
            closeObjects((ObjectNode) openApi);
            return new CiliumCrdSchema(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(openApi));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Messages for each way {@code policy} breaks the schema; empty when it is valid. */
    List<String> violations(JsonNode policy) {
        return schema.validate(policy).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /**
     * Declared properties become the only allowed ones (structural-schema semantics under strict
     * field validation). Only the structure is walked, not oneOf/anyOf branches, which merely
     * require one of the declared fields. Kubernetes' own x-kubernetes-* keywords are dropped.
     */
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

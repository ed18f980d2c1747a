package com.sikifanso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.sikifanso.core.Mappers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One version of an upstream CRD vendored under {@code src/test/resources/crds} (see SOURCES.md there)
 * as a JSON Schema (draft 4,
 * the closest to OpenAPI v3), made as strict as the API server is under server-side apply with
 * strict field validation, which Argo CD uses: an undeclared field is an error, not silently pruned.
 */
public final class CrdSchema {
    private static final String CRDS = "/crds/";

    private final JsonSchema schema;

    private CrdSchema(JsonSchema schema) {
        this.schema = schema;
    }

    public static CrdSchema ciliumNetworkPolicy() {
        return load("ciliumnetworkpolicies.yaml", "v2");
    }

    public static CrdSchema argoCdApplication() {
        return load("application-crd.yaml", "v1alpha1");
    }

    public static CrdSchema argoCdApplicationSet() {
        return load("applicationset-crd.yaml", "v1alpha1");
    }

    private static CrdSchema load(String file, String version) {
        String crd = CRDS + file;
        try (InputStream in = CrdSchema.class.getResourceAsStream(crd)) {
            if (in == null) {
                throw new IllegalStateException("the CRD " + crd + " is not on the test classpath");
            }
            JsonNode openApi = null;
            for (JsonNode v : Mappers.YAML.readTree(in).path("spec").path("versions")) {
                if (v.path("name").asText().equals(version)) {
                    openApi = v.path("schema").path("openAPIV3Schema").deepCopy();
                }
            }
            if (!(openApi instanceof ObjectNode root)) {
                throw new IllegalStateException("no " + version + " openAPIV3Schema in " + crd);
            }
            closeObjects(root);
            return new CrdSchema(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each way {@code object} breaks the schema; empty when it is valid. */
    public List<String> violations(JsonNode object) {
        return schema.validate(object).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /**
     * Declared properties become the only allowed ones (structural-schema semantics under strict
     * field validation), except under x-kubernetes-preserve-unknown-fields. Only the structure is
     * walked, not oneOf/anyOf branches, which merely require one of the declared fields.
     * Kubernetes' own x-kubernetes-* keywords are dropped.
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

package com.sikifanso.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.sikifanso.core.Mappers;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Checks each tool result against the tool's output schema before it leaves the server. */
final class OutputSchemaValidator implements JsonSchemaValidator {
    private final Map<Map<String, Object>, JsonSchema> compiled = new ConcurrentHashMap<>();

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object content) {
        JsonSchema compiledSchema = compiled.computeIfAbsent(schema,
                s -> Factory.INSTANCE.getSchema(Mappers.JSON.valueToTree(s)));
        JsonNode node = Mappers.JSON.valueToTree(content);
        Set<ValidationMessage> errors = compiledSchema.validate(node);
        if (!errors.isEmpty()) {
            return ValidationResponse.asInvalid("result does not match the output schema: "
                    + errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; ")));
        }
        try {
            return ValidationResponse.asValid(Mappers.JSON.writeValueAsString(content));
        } catch (JsonProcessingException e) {
            return ValidationResponse.asInvalid("result cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    /** Made at the first tool call, not at start-up: the validator's set-up is in the way of the first answer. */
    private static final class Factory {
        static final JsonSchemaFactory INSTANCE = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    }
}

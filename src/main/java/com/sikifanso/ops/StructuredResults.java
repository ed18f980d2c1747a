package com.sikifanso.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sikifanso.core.Mappers;
import java.util.Map;

/**
 * An operation's result as data: MCP's {@code structuredContent} and the CLI's {@code -o json|yaml} are this
 * one tree, so a script and a model read the same fields.
 */
public final class StructuredResults {
    /** Absent values are left out, so the tree matches the output schema. */
    private static final ObjectMapper RESULTS = Mappers.JSON.copy()
            .setSerializationInclusion(JsonInclude.Include.NON_ABSENT);

    private StructuredResults() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(Object output) {
        return RESULTS.convertValue(output, Map.class);
    }
}

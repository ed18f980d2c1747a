package com.sikifanso.mcp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tool's output schema as listed: the result's own fields, and the fields of the items of each list it holds,
 * with their types, enums and {@code required}; an object below that is just {@code "type": "object"}. The full
 * shapes (a session's ports, an agent's quota) were over a third of tools/list, and models read the result itself
 * rather than plan with them. Results still validate against the outline, so clients keep their check.
 */
final class OutputSchemaOutline {
    private OutputSchemaOutline() {
    }

    static Map<String, Object> of(Map<String, Object> schema) {
        return outline(schema, 0);
    }

    /** {@code depth}: how many objects enclose this one, not counting a list's items as one of them. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> outline(Map<String, Object> schema, int depth) {
        Map<String, Object> out = new LinkedHashMap<>(schema);
        if (out.get("properties") instanceof Map<?, ?> properties) {
            if (depth > 0) {
                out.remove("properties");
                out.remove("required");
                return out;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            ((Map<String, Object>) properties).forEach((name, field) ->
                    fields.put(name, outline((Map<String, Object>) field, depth + 1)));
            out.put("properties", fields);
        }
        if (out.get("items") instanceof Map<?, ?> items) {
            out.put("items", outline((Map<String, Object>) items, depth - 1));
        }
        if (out.get("additionalProperties") instanceof Map<?, ?> values) {
            out.put("additionalProperties", outline((Map<String, Object>) values, depth));
        }
        return out;
    }
}

package com.sikifanso.ops;

import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON Schemas generated from records. Inputs are strict (required fields, no extra properties);
 * outputs describe what the result may hold.
 */
public final class JsonSchemas {
    private JsonSchemas() {
    }

    public static Map<String, Object> input(Class<? extends Record> type) {
        return object(type, true);
    }

    /** The input schema a tool for {@code operation} publishes: its input's, plus {@link DryRun} when it changes things. */
    public static Map<String, Object> toolInput(Operation<?, ?> operation) {
        Map<String, Object> schema = input(operation.input());
        return DryRun.offeredBy(operation) ? DryRun.addTo(schema) : schema;
    }

    public static Map<String, Object> output(Class<? extends Record> type) {
        return object(type, false);
    }

    private static Map<String, Object> object(Class<?> type, boolean strict) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getAccessor().isAnnotationPresent(com.fasterxml.jackson.annotation.JsonIgnore.class)) {
                continue; // for the program only (what to wait for; an input only the CLI sets), never in JSON
            }
            Map<String, Object> schema = new LinkedHashMap<>(of(c.getGenericType(), strict));
            InputField.of(c).ifPresent(field -> {
                schema.put("description", field.description());
                if (!field.defaultValue().isEmpty()) {
                    schema.put("default", typedDefault(c.getType(), field.defaultValue()));
                }
                if (field.max() > 0) {
                    schema.put("minimum", 1);
                    schema.put("maximum", field.max());
                }
            });
            properties.put(propertyName(c), schema);
            // An output's primitives are always serialised; other values may be left out when absent.
            if (strict ? isRequired(c) : c.getType().isPrimitive()) {
                required.add(propertyName(c));
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        if (strict) {
            schema.put("additionalProperties", false);
        }
        return schema;
    }

    /** The JSON name: {@code @JsonProperty} or {@code @Wait} where a Java name is taken, else the component's. */
    static String propertyName(RecordComponent c) {
        // @JsonProperty cannot target a record component; Java copies it onto the accessor.
        com.fasterxml.jackson.annotation.JsonProperty json =
                c.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        if (json != null && !json.value().isEmpty()) {
            return json.value();
        }
        return c.isAnnotationPresent(Wait.class) ? Wait.NAME : c.getName();
    }

    static boolean isRequired(RecordComponent c) {
        return InputField.of(c).map(InputField::required).orElse(false);
    }

    private static Map<String, Object> of(Type type, boolean strict) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", of(args[0], strict));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", of(args[1], strict));
            }
            if (raw == Optional.class) {
                return of(args[0], strict);
            }
            throw new IllegalArgumentException("no schema for " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class || c == com.sikifanso.core.Hint.class) {
            return Map.of("type", "string");
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return Map.of("type", "integer");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == double.class || c == Double.class) {
            return Map.of("type", "number");
        }
        if (com.fasterxml.jackson.databind.JsonNode.class.isAssignableFrom(c)) {
            return Map.of("type", "object");   // an AG-UI event, whose own schema is @ag-ui/core's
        }
        if (c == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c.isEnum()) {
            return Map.of("type", "string", "enum", enumValues(c));
        }
        if (c.isRecord()) {
            return object(c, strict);
        }
        throw new IllegalArgumentException("no schema for " + type);
    }

    /** Enum constants as they appear in JSON: their {@code @JsonValue}, else their name. */
    static List<String> enumValues(Class<?> type) {
        Method jsonValue = null;
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(JsonValue.class)) {
                jsonValue = m;
            }
        }
        List<String> values = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            try {
                values.add(jsonValue == null ? ((Enum<?>) constant).name() : String.valueOf(jsonValue.invoke(constant)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }

    static Object typedDefault(Class<?> type, String text) {
        if (type == int.class || type == Integer.class) {
            return Integer.parseInt(text);
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.parseBoolean(text);
        }
        return text;
    }
}

package com.sikifanso.ops;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.sikifanso.core.Mappers;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a JSON arguments object into an operation's input record, as strictly as its schema says. */
public final class ArgumentBinder {
    private static final ObjectMapper STRICT = strict();

    private ArgumentBinder() {
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = Mappers.JSON.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // 2.5 for an integer is the wrong type, not 2.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);
        // A number or boolean where the schema says string is the wrong type, not its text.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    public static <I extends Record> I bind(Class<I> type, Map<String, Object> arguments) {
        Map<String, Object> args = new LinkedHashMap<>(arguments == null ? Map.of() : arguments);
        List<String> missing = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            java.util.Optional<InputField> field = InputField.of(c);
            String name = JsonSchemas.propertyName(c);
            if (c.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                // Set only by the CLI (a local file, the user's kubeconfig context): not part of the tool, so
                // refused like any unknown argument instead of silently dropped.
                if (args.containsKey(name)) {
                    throw new InvalidArguments("unknown argument \"" + name + "\"; accepted: " + String.join(", ",
                            JsonSchemas.input(type).get("properties") instanceof Map<?, ?> p
                                    ? p.keySet().stream().map(Object::toString).sorted().toList() : List.of()));
                }
                continue;
            }
            if (args.get(name) != null) {
                continue;
            }
            if (JsonSchemas.isRequired(c)) {
                missing.add(name);
            } else if (field.isPresent() && !field.get().defaultValue().isEmpty()) {
                args.put(name, JsonSchemas.typedDefault(c.getType(), field.get().defaultValue()));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidArguments("missing required argument" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing));
        }
        try {
            return STRICT.convertValue(args, type);
        } catch (IllegalArgumentException e) {
            throw new InvalidArguments(describe(e.getCause() != null ? e.getCause() : e, type));
        }
    }

    private static String describe(Throwable e, Class<?> type) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown argument \"" + u.getPropertyName() + "\"; accepted: "
                    + String.join(", ", u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList());
        }
        if (e instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
            return "argument \"" + f.getPath().get(0).getFieldName() + "\" has the wrong type: " + f.getValue();
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return "argument \"" + m.getPath().get(0).getFieldName() + "\" has the wrong type (expected "
                    + m.getTargetType().getSimpleName() + ")";
        }
        return "invalid arguments for " + type.getSimpleName() + ": " + e.getMessage();
    }
}

package com.sikifanso.ops;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code dryRun} input every mutating tool shares, declared once (as {@link Wait} is): with {@code dryRun: true}
 * the call returns its {@link Plan} ({@link Invocations#plan}) and changes nothing. It is the surface's, not the
 * operation's: no input record holds it, the MCP adapter takes it off the arguments before binding them. It has no
 * description: every mutating tool in tools/list repeats the property (twenty of them), and even three words there
 * cost a kilobyte of every client's context; the name says it, and the server's instructions say what it returns.
 */
public final class DryRun {
    public static final String NAME = "dryRun";

    private DryRun() {
    }

    /** Whether a tool for {@code operation} takes {@code dryRun}: every one that changes something. */
    public static boolean offeredBy(Operation<?, ?> operation) {
        return !operation.safety().readOnly();
    }

    /** The property's schema. */
    static Map<String, Object> schema() {
        return Map.of("type", "boolean");
    }

    /**
     * Takes {@code dryRun} off a tool call's {@code arguments} (which must be mutable): whether the call asked for
     * a plan. A value that is no boolean is refused as any argument of the wrong type is.
     */
    public static boolean take(Map<String, Object> arguments) {
        Object value = arguments.remove(NAME);
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        throw new InvalidArguments("argument \"" + NAME + "\" has the wrong type (expected Boolean)");
    }

    /** {@code schema} (an operation's input schema) with {@code dryRun} added, for a tool that offers it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> addTo(Map<String, Object> schema) {
        Map<String, Object> out = new LinkedHashMap<>(schema);
        Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) schema.get("properties"));
        properties.put(NAME, schema());
        out.put("properties", properties);
        return out;
    }
}

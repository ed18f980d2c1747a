package com.sikifanso.ops;

import java.lang.reflect.RecordComponent;
import java.util.Optional;

/**
 * What an input component says about itself for the schema and the binder: its own {@link Param}, or a shared
 * piece's declaration ({@link Wait}).
 *
 * @param defaultValue empty when the field has no default
 */
record InputField(String description, String defaultValue, boolean optional, int max) {
    static Optional<InputField> of(RecordComponent c) {
        Param param = c.getAnnotation(Param.class);
        if (param != null) {
            return Optional.of(new InputField(param.value(), param.defaultValue(), param.optional(), param.max()));
        }
        Wait wait = c.getAnnotation(Wait.class);
        return wait == null ? Optional.empty() : Optional.of(new InputField(wait.value(), Wait.DEFAULT, false, 0));
    }

    boolean required() {
        return defaultValue.isEmpty() && !optional;
    }
}

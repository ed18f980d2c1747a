package com.sikifanso.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sikifanso.core.Mappers;

/** Renders {@code apps/coordinates/<name>.yaml}. */
public final class CustomAppFile {
    private CustomAppFile() {
    }

    public static String render(CustomApp app) {
        try {
            // "*" and numeric-looking versions must stay strings, which the YAML mapper's quoting ensures.
            return Mappers.YAML.writeValueAsString(app);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a CustomApp record always serialises", e);
        }
    }
}

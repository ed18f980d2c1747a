package com.sikifanso.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Secret a catalog app needs, declared in its {@code catalog/<name>.yaml} under
 * {@code credentials:}. Either {@code data} (values: literal, or with {@code {password}} /
 * {@code {hex}} placeholders that are generated per cluster) or {@code copyFrom} (keys of
 * another app's Secret, copied into this app's namespace, since pods read only their own).
 *
 * @param keep data keys that rotation leaves alone, because stored data is bound to them
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CredentialSpec(String secret, String type, Map<String, String> data, List<String> keep,
                             Copy copyFrom) {
    public static final String OPAQUE = "Opaque";
    /** Placeholders a data value may hold; each is replaced by a fresh random value. */
    public static final Set<String> PLACEHOLDERS = Set.of("{password}", "{hex}");

    /** Keys of {@code secret} in app {@code app}, by the key they get in the copy. */
    public record Copy(String app, String secret, Map<String, String> keys) {
        public Copy {
            keys = keys == null ? Map.of() : Map.copyOf(keys);
        }
    }

    public CredentialSpec {
        type = type == null || type.isBlank() ? OPAQUE : type;
        data = data == null ? Map.of() : Map.copyOf(data);
        keep = keep == null ? List.of() : List.copyOf(keep);
    }

    public boolean isCopy() {
        return copyFrom != null;
    }

    /** Whether {@code key}'s value is generated (and so rotated unless kept). */
    public boolean generated(String key) {
        String value = data.get(key);
        return value != null && PLACEHOLDERS.stream().anyMatch(value::contains);
    }
}

package com.sikifanso.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * Keys of {@code secret} in app {@code app}, by the key they get in the copy. A value is a key's name, or a
     * template naming keys in braces, e.g. {@code postgresql://litellm:{password}@host/db}, for a consumer that reads
     * one connection string rather than its parts.
     */
    public record Copy(String app, String secret, Map<String, String> keys) {
        private static final Pattern KEY = Pattern.compile("\\{([A-Za-z0-9._-]+)}");

        public Copy {
            keys = keys == null ? Map.of() : Map.copyOf(keys);
        }

        /** The producer's keys one copied value reads. */
        public static List<String> sourceKeys(String value) {
            if (!value.contains("{")) {
                return List.of(value);
            }
            return KEY.matcher(value).results().map(m -> m.group(1)).toList();
        }

        /** The copied value: the key's value, or the template with each named key's value in place. */
        public static String fill(String value, Map<String, String> source) {
            if (!value.contains("{")) {
                return source.get(value);
            }
            return KEY.matcher(value).replaceAll(m -> Matcher.quoteReplacement(source.get(m.group(1))));
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

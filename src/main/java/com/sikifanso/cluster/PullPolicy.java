package com.sikifanso.cluster;

import com.fasterxml.jackson.annotation.JsonValue;
import com.sikifanso.core.SikifansoException;
import java.util.Locale;

/** When to pull the node image, in {@code docker run --pull}'s words. */
public enum PullPolicy {
    /** Pull only when the engine does not have the image (the default, as k3d does). */
    MISSING,
    /** Pull every time, to pick up a tag that moved. */
    ALWAYS,
    /** Never pull: the image must be there already (offline, or pre-loaded with docker load). */
    NEVER;

    public static PullPolicy parse(String word) {
        try {
            return valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SikifansoException.usage("--pull must be missing, always or never, not \"" + word + "\"",
                    "missing pulls the node image only when Docker does not have it (the default)");
        }
    }

    /** The flag's word, also the tools' {@code pull} value. */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

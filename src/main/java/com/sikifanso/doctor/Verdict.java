package com.sikifanso.doctor;

import com.fasterxml.jackson.annotation.JsonValue;

/** How one check came out. */
public enum Verdict {
    PASS, WARN, FAIL;

    @JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

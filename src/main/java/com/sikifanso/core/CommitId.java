package com.sikifanso.core;

/**
 * A GitOps commit, as the repo made it: the full id for git and Argo CD, the short one ({@code --abbrev=7}) for
 * people. Result records carry the full id as a string (it is JSON to every surface); services pass this type.
 */
public record CommitId(String value) {
    private static final int SHORT = 7;

    public CommitId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a commit id is required");
        }
    }

    public String shortId() {
        return shortOf(value);
    }

    /** The first seven characters of an id read from a result record; an id shorter than that (or none) as it is. */
    public static String shortOf(String id) {
        return id == null || id.length() < SHORT ? String.valueOf(id) : id.substring(0, SHORT);
    }

    @Override
    public String toString() {
        return value;
    }
}

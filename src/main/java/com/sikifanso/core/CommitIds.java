package com.sikifanso.core;

/** A GitOps commit id in the short form people read, as git's {@code --abbrev=7} shows it. */
public final class CommitIds {
    private static final int SHORT = 7;

    private CommitIds() {
    }

    /** The first seven characters; an id shorter than that (or none) as it is. */
    public static String shortId(String id) {
        return id == null || id.length() < SHORT ? String.valueOf(id) : id.substring(0, SHORT);
    }
}

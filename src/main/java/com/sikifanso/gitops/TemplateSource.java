package com.sikifanso.gitops;

/**
 * Where a new GitOps repo's content comes from: the template inside the jar, or a custom
 * bootstrap repo (a git URL or a local path) optionally pinned to a tag.
 */
public sealed interface TemplateSource {

    record Embedded() implements TemplateSource {
    }

    record Custom(String location, String tag) implements TemplateSource {
    }

    static TemplateSource of(String location, String tag) {
        if (location == null || location.isBlank()) {
            return new Embedded();
        }
        return new Custom(location, tag == null || tag.isBlank() ? null : tag);
    }

    /** How the session records it: "embedded", or the location (and tag). */
    default String describe() {
        return switch (this) {
            case Embedded e -> "embedded";
            case Custom c -> c.tag() == null ? c.location() : c.location() + " @ " + c.tag();
        };
    }
}

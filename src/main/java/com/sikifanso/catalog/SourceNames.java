package com.sikifanso.catalog;

import com.sikifanso.core.Names;
import com.sikifanso.core.SikifansoException;
import java.util.Optional;

/**
 * How an entry of a catalog source is named beside the built-in catalog: {@code SOURCE/app} for people (the CLI,
 * {@code app list}), {@code SOURCE--app} in the GitOps repo and Argo CD, where a name is a DNS-1123 label. Lint
 * refuses {@code --} in entry and source names, so no built-in entry, and no other source's, can have that name:
 * a source's {@code qdrant} is {@code community/qdrant}, next to the built-in {@code qdrant}, never instead of it.
 */
public final class SourceNames {
    public static final String SEPARATOR = "--";
    /** An Application's name is a label value: at most 63 characters. */
    public static final int MAX_LENGTH = 63;

    private SourceNames() {
    }

    public static String inRepo(String source, String app) {
        return source + SEPARATOR + app;
    }

    /** A name as the user gave it ({@code community/qdrant} or {@code qdrant}) as the repo names it. */
    public static String inRepo(String requested) {
        int slash = requested.indexOf('/');
        return slash < 0 ? requested : inRepo(requested.substring(0, slash), requested.substring(slash + 1));
    }

    /**
     * The one place an app name from a user (CLI argument, MCP tool, dashboard) becomes the Application's name:
     * {@code community/qdrant} is {@code community--qdrant}; refuses a name that is no label once translated.
     */
    public static String requireApp(String requested) {
        if (requested != null && requested.indexOf('/') != requested.lastIndexOf('/')) {
            throw SikifansoException.usage("invalid app name \"" + requested + "\": it has more than one '/'",
                    "name a catalog source's entry SOURCE/app, e.g. community/qdrant, and any other app by its name");
        }
        if (requested != null && requested.contains("/") && !Names.isLabel(inRepo(requested))) {
            // Named as the user wrote it, not as the repo would spell it.
            throw SikifansoException.usage("invalid app name \"" + requested + "\": SOURCE and app must each be made"
                    + " of " + Names.RULE.replace("63 characters", "63 characters together"),
                    "name a catalog source's entry SOURCE/app, e.g. community/qdrant");
        }
        return Names.requireLabel("app", requested == null ? null : inRepo(requested));
    }

    /** Whether {@link #requireApp} takes the name (a page's address, read without an error to give). */
    public static boolean isApp(String requested) {
        return requested != null && requested.indexOf('/') == requested.lastIndexOf('/')
                && Names.isLabel(inRepo(requested));
    }

    /** {@code community--qdrant} shown as {@code community/qdrant}; a built-in name unchanged. */
    public static String shown(String repoName) {
        return source(repoName).map(s -> s + "/" + repoName.substring(s.length() + SEPARATOR.length()))
                .orElse(repoName);
    }

    /** The source a repo name came from; empty for the built-in catalog. */
    public static Optional<String> source(String repoName) {
        int at = repoName.indexOf(SEPARATOR);
        return at > 0 ? Optional.of(repoName.substring(0, at)) : Optional.empty();
    }
}

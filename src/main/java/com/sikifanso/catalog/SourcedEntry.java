package com.sikifanso.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sikifanso.core.Mappers;
import java.util.List;

/**
 * An entry of a catalog source as a cluster's repo holds it once enabled: named {@code SOURCE--app}, its
 * {@code dependsOn} on entries of the same source renamed likewise (on built-in entries left as they are).
 *
 * @param pin the source's commit or manifest digest the entry was read at
 * @param values its Helm values file's text (a comment when the source has none)
 */
public record SourcedEntry(String source, String pin, CatalogEntry entry, String values) {
    private static final String HEADER = "# From catalog source ";

    /** {@code app} of {@code source}, renamed for the repo; {@code sourceApps}: the names in the same source. */
    public static SourcedEntry of(String source, String pin, CatalogEntry app, List<String> sourceApps,
                                  String values) {
        List<String> deps = app.dependsOn().stream()
                .map(d -> sourceApps.contains(d) ? SourceNames.inRepo(source, d) : d).toList();
        CatalogEntry renamed = new CatalogEntry(SourceNames.inRepo(source, app.name()), app.category(),
                app.description(), app.repoURL(), app.chart(), app.targetRevision(), app.namespace(), false,
                app.tier(), deps, app.agentAccess(), app.credentials(), app.diagnostics());
        return new SourcedEntry(source, pin, renamed, values == null ? "# Helm values for " + renamed.name() + "\n"
                : values);
    }

    /**
     * The pin the first line of an entry's file names (as {@link #text} writes it), or empty for a file without that
     * line (written by hand, or edited).
     */
    public static java.util.Optional<String> pinOf(String source, String text) {
        String first = text.lines().findFirst().orElse("");
        String head = HEADER + source + " at ";
        int end = first.indexOf(' ', head.length());
        return first.startsWith(head) && end > head.length()
                ? java.util.Optional.of(first.substring(head.length(), end)) : java.util.Optional.empty();
    }

    /** The file {@code app enable} commits: the entry's YAML under a line that says where it came from. */
    public String text(boolean enabled) {
        CatalogEntry e = entry;
        CatalogEntry written = new CatalogEntry(e.name(), e.category(), e.description(), e.repoURL(), e.chart(),
                e.targetRevision(), e.namespace(), enabled, e.tier(), e.dependsOn(), e.agentAccess(),
                e.credentials(), e.diagnostics());
        try {
            return HEADER + source + " at " + pin + " (sikifanso catalog source list).\n"
                    + Mappers.YAML.writeValueAsString(written);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("catalog entries always serialise", ex);
        }
    }
}

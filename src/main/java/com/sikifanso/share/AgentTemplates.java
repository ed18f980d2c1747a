package com.sikifanso.share;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Agent templates: the built-in ones in the jar (by name) and any other a {@link ShareRef} points at (a file, an OCI
 * artifact, a git ref). A template is only read here; {@code agent create} checks what it asks for.
 */
public final class AgentTemplates {
    /** The jar cannot list a resource directory, so the built-in names are written down here. */
    public static final List<String> BUILT_IN = List.of("coding", "research");
    private static final String RESOURCES = "/agents/templates/";

    private final DocumentSources sources;

    public AgentTemplates(DocumentSources sources) {
        this.sources = sources;
    }

    /** The built-in templates, read and checked. */
    public List<AgentTemplate> builtIn() {
        return BUILT_IN.stream().map(name -> builtIn(name).orElseThrow()).toList();
    }

    /** A built-in name (unless a file of that name is here), else whatever the reference points at. */
    public AgentTemplate load(String reference) {
        boolean aName = reference != null && reference.matches("[a-z0-9][-a-z0-9]*")
                && !Files.exists(Path.of(reference));
        if (aName) {
            return builtIn(reference).orElseThrow(() -> SikifansoException.usage("no built-in agent template named \""
                    + reference + "\"", "built-in templates: " + String.join(", ", BUILT_IN) + " (",
                    Suggestion.of("agent", "templates"), "); or give a file, " + ShareRef.OCI_FORM + " or "
                            + ShareRef.GIT_FORM));
        }
        return sources.load(ShareRef.parse(reference), DocumentKind.AGENT_TEMPLATE, AgentTemplate.class);
    }

    private static Optional<AgentTemplate> builtIn(String name) {
        try (InputStream in = AgentTemplates.class.getResourceAsStream(RESOURCES + name + ".yaml")) {
            return in == null ? Optional.empty() : Optional.of(SharedDocuments.read(in.readAllBytes(),
                    "built-in template " + name, DocumentKind.AGENT_TEMPLATE, AgentTemplate.class));
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in templates are in the jar", e);
        }
    }
}

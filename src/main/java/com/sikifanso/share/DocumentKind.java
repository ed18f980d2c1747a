package com.sikifanso.share;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.Hint;

/**
 * The documents sikifanso shares, each with its {@code kind}, the commands that read it, and the OCI media types
 * it is stored under (an ORAS artifact: one layer holding the YAML, an empty config).
 */
public enum DocumentKind {
    PROFILE_BUNDLE("ProfileBundle", "profile bundle", Hint.of(Suggestion.of("profile", "export").arg("name", "NAME")
            .option("from", "cluster", "CLUSTER")), "application/vnd.sikifanso.profile.bundle.v1alpha1+yaml"),
    AGENT_TEMPLATE("AgentTemplate", "agent template", Hint.of(Suggestion.of("agent", "templates")
            .option("show", "research"), " > template.yaml, then edit it"),
            "application/vnd.sikifanso.agent.template.v1alpha1+yaml");

    /** The one apiVersion both kinds have; a later one is refused with the fix (upgrade sikifanso). */
    public static final String API_VERSION = "sikifanso.io/v1alpha1";

    private final String kind;
    private final String words;
    private final Hint howToMake;
    private final String mediaType;

    DocumentKind(String kind, String words, Hint howToMake, String mediaType) {
        this.kind = kind;
        this.words = words;
        this.howToMake = howToMake;
        this.mediaType = mediaType;
    }

    public String kind() {
        return kind;
    }

    /** What a person calls it, in messages. */
    public String words() {
        return words;
    }

    /** The command that makes a good one, for hints. */
    /** The command that makes one, in each surface's words. */
    public Hint howToMake() {
        return howToMake;
    }

    /** The media type of the layer holding the YAML. */
    public String mediaType() {
        return mediaType;
    }

    /** The artifact's type in its OCI manifest ({@code artifactType}), by which a pull knows what it got. */
    public String artifactType() {
        return mediaType.replace("+yaml", "");
    }

    /** The layer's file name (its {@code org.opencontainers.image.title}). */
    public String fileName() {
        return this == PROFILE_BUNDLE ? "profile-bundle.yaml" : "agent-template.yaml";
    }
}

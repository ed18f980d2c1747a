package com.sikifanso.share;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads and writes shared documents: the {@code apiVersion} and {@code kind} are checked before anything else, so a
 * cluster file, a bundle from a newer sikifanso or an agent template given where a bundle is wanted is refused
 * with what it is and the fix; unknown fields are refused by name (a typo must not be dropped silently).
 */
public final class SharedDocuments {
    /** Bundles and templates are a few KiB of YAML; anything bigger is the wrong file. */
    public static final int MAX_BYTES = 1 << 20;
    private static final ObjectMapper STRICT = Mappers.YAML.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper CANONICAL = Mappers.JSON.copy()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private SharedDocuments() {
    }

    /** The document in {@code bytes}, from {@code source} (a file or a reference, for messages), as {@code type}. */
    public static <T> T read(byte[] bytes, String source, DocumentKind kind, Class<T> type) {
        if (bytes.length > MAX_BYTES) {
            throw SikifansoException.failure(source + " is larger than 1 MiB, which no " + kind.words() + " is",
                    "check that it is the right file or reference");
        }
        JsonNode tree;
        try {
            tree = Mappers.YAML.readTree(bytes);
        } catch (IOException e) {
            throw SikifansoException.failure(source + " is not valid YAML: " + firstLine(e), "fix the file, or make"
                    + " it again with: ", kind.howToMake());
        }
        requireKind(tree, source, kind);
        try {
            return STRICT.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw SikifansoException.failure(source + ": unknown field \"" + e.getPropertyName() + "\" in a "
                    + kind.words(), "remove it (fields there: " + String.join(", ", e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().toList()) + "); see docs/sharing.md");
        } catch (JsonProcessingException e) {
            throw SikifansoException.failure(source + " is not a valid " + kind.words() + ": "
                    + e.getOriginalMessage(), "see docs/sharing.md for the format, or make it again with: ",
                    kind.howToMake());
        }
    }

    private static void requireKind(JsonNode tree, String source, DocumentKind kind) {
        if (tree == null || !tree.isObject()) {
            throw SikifansoException.failure(source + " is not a " + kind.words() + " (not a YAML mapping)",
                    "make one with: ", kind.howToMake());
        }
        String found = tree.path("kind").asText("");
        if (!found.equals(kind.kind())) {
            throw SikifansoException.failure(source + " is " + (found.isEmpty() ? "a document without a kind"
                            : article(found) + found) + ", not " + article(kind.kind()) + kind.kind(),
                    "give a " + kind.words() + " (kind: " + kind.kind() + "); make one with: ", kind.howToMake());
        }
        String version = tree.path("apiVersion").asText("");
        if (!version.equals(DocumentKind.API_VERSION)) {
            throw SikifansoException.failure(source + " is a " + kind.kind() + " of apiVersion \"" + version
                            + "\", which this sikifanso does not read (it reads " + DocumentKind.API_VERSION + ")",
                    version.startsWith("sikifanso.io/") ? "upgrade sikifanso to the version that wrote it, or"
                            + " export the bundle again with this one" : "set apiVersion: " + DocumentKind.API_VERSION);
        }
    }

    /** The document as YAML. */
    public static String yaml(Object document) {
        try {
            return Mappers.YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("shared documents always serialise", e);
        }
    }

    /**
     * {@code sha256:HEX} of the document's canonical JSON (keys sorted, no spaces): the same content has the same
     * digest whatever its YAML's layout, comments or key order.
     */
    public static String digest(Object document) {
        try {
            Object plain = CANONICAL.convertValue(document, Object.class);
            byte[] canonical = CANONICAL.writeValueAsBytes(plain);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("shared documents always serialise", e);
        }
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String article(String noun) {
        return "AEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ";
    }

    private static String firstLine(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }
}

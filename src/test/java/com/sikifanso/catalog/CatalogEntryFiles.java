package com.sikifanso.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Catalog entry files for tests: a valid entry in the built-in catalog's format, changed line by line. */
public final class CatalogEntryFiles {
    private CatalogEntryFiles() {
    }

    /** A valid entry {@code name} for chart {@code name} 1.0.0 in {@code repo}, followed by {@code extra} lines. */
    public static String entry(String name, String repo, String... extra) {
        return """
                name: %s
                category: rag
                description: A vector store for tests
                repoURL: %s
                chart: %s
                targetRevision: "1.0.0"
                namespace: rag
                enabled: false
                tier: 1-data
                """.formatted(name, repo, name) + String.join("\n", extra) + (extra.length == 0 ? "" : "\n");
    }

    public static Path write(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name + ".yaml"), text);
    }
}

package com.sikifanso.catalog;

import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The catalog as committed in a GitOps repo: {@code catalog/*.yaml}, sorted by category and name. */
public final class Catalog {
    public static final String DIR = "catalog";

    private final Map<String, CatalogEntry> entries;

    public Catalog(List<CatalogEntry> entries) {
        Map<String, CatalogEntry> byName = new LinkedHashMap<>();
        entries.stream()
                .sorted(Comparator.comparing(CatalogEntry::category).thenComparing(CatalogEntry::name))
                .forEach(e -> byName.put(e.name(), e));
        this.entries = byName;
    }

    public static Catalog load(Path repoDir) {
        Path dir = repoDir.resolve(DIR);
        if (!Files.isDirectory(dir)) {
            return new Catalog(List.of());
        }
        List<CatalogEntry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(file) && file.getFileName().toString().endsWith(".yaml")) {
                    entries.add(parse(file));
                }
            }
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read the catalog in " + dir + ": " + e.getMessage(),
                    "check the GitOps repo's permissions", e);
        }
        return new Catalog(entries);
    }

    private static CatalogEntry parse(Path file) {
        String expected = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        CatalogEntry entry;
        try {
            entry = Mappers.YAML.readValue(file.toFile(), CatalogEntry.class);
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw SikifansoException.failure("catalog file " + file + " is not valid: " + detail,
                    "fix the YAML, or restore it with: git -C " + file.getParent().getParent() + " checkout -- "
                            + DIR + "/" + file.getFileName(), e);
        }
        if (entry == null || !expected.equals(entry.name())) {
            throw SikifansoException.failure("catalog file " + file + " declares name \""
                            + (entry == null ? "" : entry.name()) + "\"",
                    "a catalog entry's name must equal its file name: set name: " + expected);
        }
        return entry;
    }

    public List<CatalogEntry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<CatalogEntry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    public CatalogEntry get(String name) {
        CatalogEntry entry = entries.get(name);
        if (entry == null) {
            throw SikifansoException.failure("app \"" + name + "\" is not in the catalog",
                    "available: " + String.join(", ", names()) + " (see them with: ", Suggestion.of("app", "list")
                    .flag("all", "enabledOnly", false), ")");
        }
        return entry;
    }

    public List<String> names() {
        return entries.keySet().stream().sorted().toList();
    }

    public DependencyGraph dependencies() {
        return new DependencyGraph(this);
    }
}

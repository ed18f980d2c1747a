package com.sikifanso.catalog;

import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A directory of catalog entries on this machine, read for {@code catalog lint PATH}. */
public final class CatalogDirectory {
    private static final int MAX_FILES = 1000;
    private static final int MAX_FILE_BYTES = 1 << 20;

    private CatalogDirectory() {
    }

    /** Its YAML files (entries, and their values under values/), by their path below it. */
    public static Map<String, String> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw SikifansoException.usage(dir + " is not a directory", "give catalog lint the directory that"
                    + " holds the entry files (NAME.yaml, values/NAME.yaml)");
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir, 2)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted()::iterator) {
                if (files.size() >= MAX_FILES) {
                    throw SikifansoException.usage(dir + " holds more than " + MAX_FILES + " YAML files",
                            "give the directory of the catalog's entries");
                }
                byte[] bytes = LocalFiles.readAtMost(file, MAX_FILE_BYTES).orElseThrow(() ->
                        SikifansoException.usage(file + " is larger than 1 MiB, which no catalog file is",
                                "remove it from the catalog's directory"));
                files.put(dir.relativize(file).toString().replace('\\', '/'),
                        new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw SikifansoException.usage("cannot read " + dir + ": " + e.getMessage(),
                    "give a readable directory");
        }
        return files;
    }
}

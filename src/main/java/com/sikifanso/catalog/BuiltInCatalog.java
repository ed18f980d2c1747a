package com.sikifanso.catalog;

import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.Scaffolder;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The catalog inside the jar, as every new cluster's repo gets it: its files and its entries' names. */
public final class BuiltInCatalog {
    private static final String PREFIX = Catalog.DIR + "/";

    private BuiltInCatalog() {
    }

    /** The files below {@code catalog/} of the embedded template, by their path below it. */
    public static Map<String, String> files() {
        Map<String, String> files = new TreeMap<>();
        try {
            for (String path : Scaffolder.embeddedFiles()) {
                if (path.startsWith(PREFIX)) {
                    files.put(path.substring(PREFIX.length()), Scaffolder.embeddedFile(path).orElseThrow());
                }
            }
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read the built-in catalog: " + e.getMessage(),
                    "reinstall sikifanso", e);
        }
        return files;
    }

    /** The names of the built-in entries, sorted. */
    public static List<String> names() {
        return files().keySet().stream().filter(p -> !p.contains("/") && p.endsWith(".yaml"))
                .map(p -> p.substring(0, p.length() - ".yaml".length())).sorted().toList();
    }
}

package com.sikifanso.catalog;

import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Catalog apps, custom apps and agents all become Argo CD Applications in one namespace, so a
 * name may be used by only one of them.
 */
public final class ApplicationNames {
    public static final String AGENTS_DIR = "agents";

    private ApplicationNames() {
    }

    /** Refuses {@code name} when a catalog app, custom app or agent already uses it. */
    public static void requireUnused(Path repoDir, Catalog catalog, String name) {
        if (catalog.contains(name)) {
            throw SikifansoException.failure("the name \"" + name + "\" is already used by a catalog app",
                    "Argo CD Application names are shared by catalog apps, custom apps and agents: pick another "
                            + "name, or enable the catalog app with: sikifanso app enable " + name);
        }
        if (yamlNames(repoDir.resolve(CustomApp.COORDINATES_DIR)).contains(name)) {
            throw SikifansoException.failure("the name \"" + name + "\" is already used by a custom app",
                    "pick another name, or remove that app first with: sikifanso app remove " + name);
        }
        if (yamlNames(repoDir.resolve(AGENTS_DIR)).contains(name)) {
            throw SikifansoException.failure("the name \"" + name + "\" is already used by an agent",
                    "Argo CD Application names are shared by apps and agents: pick another name");
        }
    }

    /** Base names of the {@code *.yaml} files directly in {@code dir}, sorted. */
    public static List<String> yamlNames(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw SikifansoException.failure("cannot list " + dir + ": " + e.getMessage(),
                    "check the GitOps repo's permissions", e);
        }
    }
}

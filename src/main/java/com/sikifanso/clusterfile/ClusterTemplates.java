package com.sikifanso.clusterfile;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Cluster files to start from: the built-in ones in the jar and the user's own in {@code SIKIFANSO_HOME/templates}
 * ({@code NAME.yaml}); the user's wins over a built-in of the same name.
 */
public final class ClusterTemplates {
    /** The jar cannot list a resource directory, so the built-in names are written down here. */
    static final List<String> BUILT_IN = List.of("agent-lab", "local-inference", "rag-lab");
    private static final String RESOURCES = "/clusterfile/templates/";

    private final Path userDir;

    public ClusterTemplates(Path userDir) {
        this.userDir = userDir;
    }

    /** One template: its name, what it is for, and where it comes from ({@code built-in} or its file). */
    public record Template(String name, String description, String source) {
    }

    public List<Template> all() {
        Map<String, Template> byName = new TreeMap<>();
        for (String name : BUILT_IN) {
            byName.put(name, describe(name, builtIn(name).orElseThrow(), "built-in"));
        }
        for (Path file : userFiles()) {
            String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            byName.put(name, describe(name, read(file), file.toString()));
        }
        return new ArrayList<>(byName.values());
    }

    /** The template's file, checked; an unknown name is refused with the names there are. */
    public ClusterFile load(String name) {
        Path user = userDir.resolve(name + ".yaml");
        if (name.matches("[a-z0-9][-a-z0-9]*") && Files.isRegularFile(user)) {
            return ClusterFileParser.parse(read(user), user.toString());
        }
        return builtIn(name).map(text -> ClusterFileParser.parse(text, "template " + name))
                .orElseThrow(() -> SikifansoException.usage("no cluster template named \"" + name + "\"",
                        "templates: " + String.join(", ", all().stream().map(Template::name).toList())
                                + " (", Suggestion.of("cluster", "templates"), "; yours go in " + userDir + "/NAME.yaml)"));
    }

    private Template describe(String name, String text, String source) {
        ClusterFile file = ClusterFileParser.parse(text, source.equals("built-in") ? "template " + name : source);
        String description = file.metadata() == null ? null : file.metadata().description();
        return new Template(name, description == null ? "" : description, source);
    }

    private List<Path> userFiles() {
        if (!Files.isDirectory(userDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(userDir)) {
            return files.filter(f -> f.getFileName().toString().matches("[a-z0-9][-a-z0-9]*\\.yaml"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw SikifansoException.failure("cannot list " + userDir + ": " + e.getMessage(),
                    "check its permissions");
        }
    }

    private static Optional<String> builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = ClusterTemplates.class.getResourceAsStream(RESOURCES + name + ".yaml")) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("a built-in template is in the jar", e);
        }
    }

    static String read(Path file) {
        try {
            if (Files.size(file) > ClusterFiles.MAX_BYTES) {
                throw SikifansoException.usage(file + " is larger than 1 MiB", "a cluster file is a short YAML file");
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw SikifansoException.usage(file + " cannot be read: " + e.getMessage(),
                    "give the path of a cluster file (", Suggestion.of("cluster", "config").arg("cluster", "NAME"),
                    " writes one)");
        }
    }
}

package com.sikifanso.clusterfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Suggestion;
import com.sikifanso.share.SharedDocuments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a lock and checks it before anything is compared or made: YAML, apiVersion and kind, known fields, names
 * and versions present, and embedded values that still match their digest. Every error names the file and line.
 */
public final class LockFileParser {
    private static final ObjectMapper STRICT = Mappers.YAML.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String source;
    private YamlLines yaml;

    private LockFileParser(String source) {
        this.source = source;
    }

    /** The lock in {@code file}, checked. */
    public static LockFile read(Path file) {
        byte[] bytes;
        try {
            bytes = LocalFiles.readAtMost(file, (int) ClusterFiles.MAX_BYTES).orElseThrow(() -> SikifansoException
                    .usage(file + " is larger than 1 MiB, which no lock is", "give the sikifanso.lock that "
                            + "cluster lock wrote"));
        } catch (NoSuchFileException e) {
            throw SikifansoException.usage("no lock file " + file, "give the path of a lock (",
                    Suggestion.of("cluster", "lock"), " writes " + LockFile.DEFAULT_FILE + ")");
        } catch (IOException e) {
            throw SikifansoException.usage(file + " cannot be read: " + e.getMessage(), "check the path and its"
                    + " permissions");
        }
        return parse(new String(bytes, StandardCharsets.UTF_8), file.toString());
    }

    public static LockFile parse(String text, String source) {
        return new LockFileParser(source).check(text);
    }

    private LockFile check(String text) {
        yaml = YamlLines.readOrRefuse(text, source, "fix the YAML there, or write the lock again with: ",
                Suggestion.of("cluster", "lock"));
        JsonNode root = yaml.tree();
        if (root == null || !root.isObject()) {
            throw SikifansoException.usage(source + " line 1: a lock is a YAML mapping (kind: " + LockFile.KIND + ")",
                    "give the file that ", Suggestion.of("cluster", "lock"), " wrote");
        }
        String kind = root.path("kind").asText("");
        if (!LockFile.KIND.equals(kind)) {
            throw error("kind", kind.isEmpty() ? "is missing" : "is \"" + kind + "\", not " + LockFile.KIND,
                    kind.equals(ClusterFile.KIND) ? "a cluster file is read by cluster create --config"
                            : "give the file that sikifanso cluster lock wrote");
        }
        String apiVersion = root.path("apiVersion").asText("");
        if (!LockFile.API_VERSION.equals(apiVersion)) {
            throw error("apiVersion", "is \"" + apiVersion + "\"; this sikifanso reads " + LockFile.API_VERSION,
                    apiVersion.startsWith("sikifanso.io/") ? "upgrade sikifanso to the version that wrote it, or lock"
                            + " the cluster again with this one" : "write apiVersion: " + LockFile.API_VERSION);
        }
        LockFile lock = bind(root);
        checkApps(lock.apps(), "apps");
        checkApps(lock.customApps(), "customApps");
        for (int i = 0; i < lock.agents().size(); i++) {
            if (lock.agents().get(i).name() == null) {
                throw error("agents[" + i + "].name", "is missing", "give each agent its name");
            }
        }
        return lock;
    }

    private LockFile bind(JsonNode root) {
        try {
            return STRICT.treeToValue(root, LockFile.class);
        } catch (UnrecognizedPropertyException e) {
            String path = path(e);
            throw error(path, "is not a field of a lock", "remove it or correct its spelling; the fields there are: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            throw error(path(e), "has the wrong type: " + e.getOriginalMessage().lines().findFirst().orElse(""),
                    "write it as cluster lock writes it");
        } catch (JsonProcessingException e) {
            throw SikifansoException.usage(source + ": " + e.getOriginalMessage(), "write the lock again with: ",
                    Suggestion.of("cluster", "lock"));
        }
    }

    /** Every app names its chart version; embedded values must be what their digest says. */
    private void checkApps(List<LockFile.App> apps, String list) {
        for (int i = 0; i < apps.size(); i++) {
            LockFile.App app = apps.get(i);
            String at = list + "[" + i + "]";
            for (String[] field : new String[][]{{"name", app.name()}, {"version", app.version()},
                {"valuesDigest", app.valuesDigest()}}) {
                if (field[1] == null || field[1].isBlank()) {
                    throw error(at + "." + field[0], "is missing", com.sikifanso.core.Hint.of("write the lock again with: ",
                            com.sikifanso.core.Suggestion.of("cluster", "lock")));
                }
            }
            if (app.values() != null && !SharedDocuments.digest(app.values()).equals(app.valuesDigest())) {
                throw error(at + ".values", "of " + app.name() + " do not match valuesDigest "
                                + app.valuesDigest() + " (they are " + SharedDocuments.digest(app.values())
                                + "): the lock was edited or damaged",
                        "lock the cluster again; if the edit is yours, set valuesDigest to the digest shown");
            }
        }
    }

    /** The dotted path of a binding error ({@code apps[1].vesion}). */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            }
        }
        return path.toString();
    }

    private SikifansoException error(String path, String problem, Object fix) {
        return SikifansoException.usage(source + " line " + yaml.lineOf(path) + ": " + path + " " + problem, fix);
    }
}

package com.sikifanso.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Loads {@link InfraConfig}: each file of {@code src/main/resources/infra/} deep-merged with the same
 * file in the GitOps repo's {@code infra/} (maps merge key by key; lists and scalars replace).
 */
public final class InfraConfigs {
    public static final String DIR = "infra";

    /** Reads the defaults only, for a cluster whose repo has no overrides yet. */
    public InfraConfig defaults() {
        return load(null);
    }

    public InfraConfig load(Path gitOps) {
        try {
            return new InfraConfig(
                    typed(gitOps, "platform.yaml", Platform.class),
                    typed(gitOps, "cilium.yaml", ChartCoordinates.class),
                    typed(gitOps, "argocd.yaml", ChartCoordinates.class),
                    merged(gitOps, "cilium-values.yaml", false),
                    merged(gitOps, "argocd-values.yaml", false));
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read the infra settings: " + e.getMessage(),
                    "check the files under " + (gitOps == null ? "the jar" : gitOps.resolve(DIR)), e);
        }
    }

    private <T> T typed(Path gitOps, String name, Class<T> type) throws IOException {
        JsonNode merged = merged(gitOps, name, true);
        try {
            T value = Mappers.YAML.treeToValue(merged, type);
            if (value instanceof Platform p) {
                validate(p, source(gitOps, name));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw SikifansoException.failure(source(gitOps, name) + " has a value of the wrong type: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), "fix the value and commit", e);
        }
    }

    /** Unknown keys are refused only in typed files; Helm values files take any key the chart knows. */
    private JsonNode merged(Path gitOps, String name, boolean strict) throws IOException {
        ObjectNode defaults = defaultsOf(name);
        if (gitOps == null) {
            return defaults;
        }
        Path override = gitOps.resolve(DIR).resolve(name);
        if (!Files.isRegularFile(override)) {
            return defaults;
        }
        JsonNode parsed;
        try {
            parsed = Mappers.YAML.readTree(override.toFile());
        } catch (JsonProcessingException e) {
            throw SikifansoException.failure(override + " is not valid YAML: "
                            + e.getOriginalMessage().lines().findFirst().orElse("")
                            + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"),
                    "fix the file (or remove it to use the defaults) and commit", e);
        }
        if (parsed == null || parsed.isMissingNode() || parsed.isNull()) {
            return defaults;
        }
        if (!parsed.isObject()) {
            throw SikifansoException.failure(override + " must be a YAML mapping of settings",
                    "see infra/README.md in the repo for the keys it takes");
        }
        if (strict) {
            refuseUnknownKeys(defaults, parsed, "", override);
        }
        return deepMerge(defaults, parsed);
    }

    private static void refuseUnknownKeys(JsonNode defaults, JsonNode override, String prefix, Path file) {
        for (Iterator<Map.Entry<String, JsonNode>> it = override.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = prefix + field.getKey();
            JsonNode known = defaults.get(field.getKey());
            if (known == null) {
                throw SikifansoException.failure("unknown key \"" + key + "\" in " + file,
                        "remove it or correct its spelling; the keys are: " + String.join(", ", keys(defaults,
                                prefix)));
            }
            if (known.isObject() && field.getValue().isObject()) {
                refuseUnknownKeys(known, field.getValue(), key + ".", file);
            }
        }
    }

    private static java.util.List<String> keys(JsonNode node, String prefix) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(k -> keys.add(prefix + k));
        return keys;
    }

    /** Maps merge key by key; a list or scalar in the override replaces the default. */
    public static JsonNode deepMerge(JsonNode base, JsonNode override) {
        if (base == null || !base.isObject() || override == null || !override.isObject()) {
            return override == null ? base : override.deepCopy();
        }
        ObjectNode result = ((ObjectNode) base).deepCopy();
        override.fields().forEachRemaining(e -> result.set(e.getKey(), deepMerge(result.get(e.getKey()),
                e.getValue())));
        return result;
    }

    private static void validate(Platform p, String source) {
        if (p.k3sImage() == null || p.k3sImage().isBlank()) {
            throw SikifansoException.failure("k3sImage in " + source + " is empty", "name a k3s image, e.g. "
                    + "rancher/k3s:v1.36.3-k3s1");
        }
        if (p.servers() < 1 || p.servers() > 9) {
            throw SikifansoException.failure("servers in " + source + " is " + p.servers()
                    + "; it must be 1 to 9", "set servers: 1");
        }
        if (p.agents() < 0 || p.agents() > 99) {
            throw SikifansoException.failure("agents in " + source + " is " + p.agents()
                    + "; it must be 0 to 99", "set a smaller number of agents");
        }
    }

    private static String source(Path gitOps, String name) {
        return gitOps == null ? "the default " + name : gitOps.resolve(DIR).resolve(name).toString();
    }

    private static ObjectNode defaultsOf(String name) throws IOException {
        try (InputStream in = InfraConfigs.class.getResourceAsStream("/" + DIR + "/" + name)) {
            if (in == null) {
                throw new IOException("the jar has no " + DIR + "/" + name);
            }
            JsonNode node = Mappers.YAML.readTree(in);
            return node != null && node.isObject() ? (ObjectNode) node : JsonNodeFactory.instance.objectNode();
        }
    }
}

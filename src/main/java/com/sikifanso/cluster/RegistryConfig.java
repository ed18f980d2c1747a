package com.sikifanso.cluster;

import com.sikifanso.core.Throwables;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A k3s {@code registries.yaml} (mirrors and per-registry auth/TLS for what the cluster pulls),
 * given with {@code --registry-config} as in k3d, written into every node at {@link #NODE_PATH}.
 * Its shape is checked against the Registry type k3s reads it into (rancher/wharfie
 * {@code pkg/registries/types.go}, as vendored by k3d v5.9.0), so a typo fails before anything
 * is created instead of being ignored by k3s.
 */
public final class RegistryConfig {
    /** Where k3s reads it (k3d v5.9.0 {@code pkg/types/k3s/paths.go} K3sPathRegistryConfig). */
    public static final String NODE_PATH = "/etc/rancher/k3s/registries.yaml";

    private static final Map<String, Set<String>> KEYS = Map.of(
            "", Set.of("mirrors", "configs", "auths"),
            "mirror", Set.of("endpoint", "rewrite"),
            "config", Set.of("auth", "tls"),
            "auth", Set.of("username", "password", "auth", "identity_token"),
            "tls", Set.of("ca_file", "cert_file", "key_file", "insecure_skip_verify"));
    private static final String HINT = "write it as k3s documents registries.yaml: mirrors: {REGISTRY: {endpoint:"
            + " [URL], rewrite: {...}}}, configs: {REGISTRY: {auth: {username, password}, tls: {ca_file, ...}}}";

    private RegistryConfig() {
    }

    /** Reads and checks {@code --registry-config FILE}; returns its text as given. */
    public static String read(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw SikifansoException.usage("--registry-config " + file + " cannot be read: " + e.getMessage(),
                    "give the path of a k3s registries.yaml");
        }
        check(yaml, file.toString());
        return yaml;
    }

    /** Fails with the offending key's path when {@code yaml} is not a registries.yaml. */
    public static void check(String yaml, String source) {
        JsonNode root;
        try {
            root = Mappers.YAML.readTree(yaml);
        } catch (IOException e) {
            throw SikifansoException.usage(source + " is not YAML: " + Throwables.firstLine(e.getMessage()), HINT);
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw SikifansoException.usage(source + " holds no mirrors or configs", HINT);
        }
        keys(root, "", "", source);
        for (var mirror : entries(root, "mirrors", source)) {
            String at = "mirrors." + mirror.getKey();
            keys(object(mirror.getValue(), at, source), "mirror", at, source);
            JsonNode endpoints = mirror.getValue().path("endpoint");
            if (!endpoints.isMissingNode() && !(endpoints.isArray() && allUrls(endpoints))) {
                throw SikifansoException.usage(source + ": " + at + ".endpoint must be a list of URLs like"
                        + " https://mirror.example.com:5000", HINT);
            }
        }
        for (var config : entries(root, "configs", source)) {
            String at = "configs." + config.getKey();
            JsonNode c = object(config.getValue(), at, source);
            keys(c, "config", at, source);
            for (String part : new String[] {"auth", "tls"}) {
                if (c.has(part)) {
                    keys(object(c.get(part), at + "." + part, source), part, at + "." + part, source);
                }
            }
        }
    }

    private static boolean allUrls(JsonNode endpoints) {
        for (JsonNode e : endpoints) {
            if (!e.isTextual() || !e.asText().matches("https?://[^/\\s]+.*")) {
                return false;
            }
        }
        return true;
    }

    private static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode root, String key, String source) {
        JsonNode section = root.path(key);
        if (section.isMissingNode() || section.isNull()) {
            return java.util.List.of();
        }
        object(section, key, source);
        return section::fields;
    }

    private static JsonNode object(JsonNode node, String at, String source) {
        if (!node.isObject()) {
            throw SikifansoException.usage(source + ": " + at + " must be a mapping", HINT);
        }
        return node;
    }

    private static void keys(JsonNode node, String kind, String at, String source) {
        Set<String> allowed = KEYS.get(kind);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw SikifansoException.usage(source + ": unknown key " + (at.isEmpty() ? "" : at + ".") + name
                        + " (allowed here: " + String.join(", ", allowed.stream().sorted().toList()) + ")", HINT);
            }
        }
    }

}

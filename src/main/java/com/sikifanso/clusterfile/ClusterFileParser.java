package com.sikifanso.clusterfile;

import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.infra.Cni;
import com.sikifanso.cluster.RegistryConfig;
import com.sikifanso.cluster.RegistryRequest;
import com.sikifanso.core.K3dNames;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.Names;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a cluster file and checks it field by field before anything is made. Every error names the file, the line,
 * the field and the fix, in the words of {@code cluster-v1alpha1.schema.json} (the same rules, for editors).
 */
public final class ClusterFileParser {
    public static final int MAX_SERVERS = 9;
    public static final int MAX_AGENTS = 99;

    private static final Map<String, List<String>> FIELDS = Map.of(
            "", List.of("apiVersion", "kind", "metadata", "nodes", "network", "ports", "registry", "profiles",
                    "apps", "customApps", "agents", "infra"),
            "metadata", List.of("name", "description"),
            "nodes", List.of("image", "servers", "agents", "gpus"),
            "network", List.of("cni"),
            "ports", List.of("api", "http", "https", "argocd", "hubble"),
            "registry", List.of("create", "name", "port", "config"),
            "customApps[]", List.of("name", "repo", "chart", "version", "namespace", "values"),
            "agents[]", List.of("name", "allow", "egressFqdns", "cpuRequest", "cpuLimit", "memoryRequest",
                    "memoryLimit", "pods", "podSecurity", "workload"),
            "workload", List.of("image", "command", "args", "env"),
            "infra", List.of("platform", "cilium", "argocd", "ciliumValues", "argocdValues"));
    private static final Set<String> REQUIRED_APP_FIELDS = Set.of("name", "repo", "chart", "version", "namespace");

    private final String source;
    private YamlLines yaml;

    private ClusterFileParser(String source) {
        this.source = source;
    }

    /** The file's settings, checked; {@code source} names the file in errors (its path, or a template's name). */
    public static ClusterFile parse(String text, String source) {
        return new ClusterFileParser(source).read(text);
    }

    private ClusterFile read(String text) {
        yaml = YamlLines.readOrRefuse(text, source, "fix the YAML syntax there (indent with spaces; one key once per"
                + " mapping)");
        JsonNode root = yaml.tree();
        if (root == null || !root.isObject()) {
            throw SikifansoException.usage(source + " line 1: a cluster file is a YAML mapping",
                    "start it with apiVersion: " + ClusterFile.API_VERSION + " and kind: " + ClusterFile.KIND
                            + " (see: ", Suggestion.of("cluster", "config").tool("cluster_config_schema")
                            .cliFlag("schema"), ")");
        }
        check(root);
        try {
            return Mappers.YAML.treeToValue(root, ClusterFile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a checked cluster file always binds", e);
        }
    }

    private void check(JsonNode root) {
        knownFields(root, "", "");
        String apiVersion = requiredText(root, "apiVersion", "apiVersion: " + ClusterFile.API_VERSION);
        if (!ClusterFile.API_VERSION.equals(apiVersion)) {
            throw error("apiVersion", "is \"" + apiVersion + "\"; this sikifanso reads " + ClusterFile.API_VERSION,
                    "write apiVersion: " + ClusterFile.API_VERSION);
        }
        String kind = requiredText(root, "kind", "kind: " + ClusterFile.KIND);
        if (!ClusterFile.KIND.equals(kind)) {
            throw error("kind", "is \"" + kind + "\", not " + ClusterFile.KIND, "write kind: " + ClusterFile.KIND);
        }
        mapping(root, "metadata").ifPresent(m -> {
            knownFields(m, "metadata", "metadata");
            optionalText(m, "metadata.name").ifPresent(name -> {
                if (!Names.isLabel(name) || name.length() > K3dNames.MAX_CLUSTER_NAME) {
                    throw error("metadata.name", "\"" + name + "\" is not a cluster name",
                            "use " + Names.RULE + ", at most " + K3dNames.MAX_CLUSTER_NAME + " characters");
                }
            });
            optionalText(m, "metadata.description");
        });
        mapping(root, "nodes").ifPresent(this::nodes);
        mapping(root, "network").ifPresent(n -> {
            knownFields(n, "network", "network");
            optionalText(n, "network.cni").ifPresent(cni -> {
                if (Arrays.stream(Cni.values()).noneMatch(c -> c.name().equals(cni))) {
                    throw error("network.cni", "is \"" + cni + "\"", "write cilium (the default) or flannel");
                }
            });
        });
        mapping(root, "ports").ifPresent(this::ports);
        mapping(root, "registry").ifPresent(this::registry);
        names(root, "profiles", Hint.of("a profile name, e.g. agent-dev (see: ", Suggestion.of("cluster", "profiles"),
                ")"));
        names(root, "apps", Hint.of("a catalog app name, e.g. langfuse (see: ", Suggestion.of("app", "list")
                .flag("all", "enabledOnly", false), ")"));
        list(root, "customApps").ifPresent(apps -> each(apps, "customApps", this::customApp));
        list(root, "agents").ifPresent(agents -> each(agents, "agents", this::agent));
        mapping(root, "infra").ifPresent(infra -> {
            knownFields(infra, "infra", "infra");
            infra.fieldNames().forEachRemaining(f -> mapping(infra, "infra." + f));
        });
    }

    private void nodes(JsonNode n) {
        knownFields(n, "nodes", "nodes");
        optionalText(n, "nodes.image");
        wholeNumber(n, "nodes.servers", 1, MAX_SERVERS, "servers: 3 (an odd number keeps etcd's quorum when one"
                + " stops)");
        wholeNumber(n, "nodes.agents", 0, MAX_AGENTS, "agents: 2");
        JsonNode gpus = n.get("gpus");
        if (gpus != null && !(gpus.isTextual() && gpus.asText().equals("all"))
                && !(gpus.canConvertToInt() && gpus.isIntegralNumber() && gpus.asInt() > 0)) {
            throw error("nodes.gpus", "is " + shown(gpus), "write gpus: all, or a number of GPUs such as gpus: 1");
        }
    }

    private void ports(JsonNode ports) {
        knownFields(ports, "ports", "ports");
        Map<Integer, String> seen = new HashMap<>();
        for (String name : FIELDS.get("ports")) {
            String path = "ports." + name;
            wholeNumber(ports, path, 1, 65535, name + ": 8080 (a free host port)");
            if (ports.has(name)) {
                String other = seen.put(ports.get(name).asInt(), path);
                if (other != null) {
                    throw error(path, "repeats port " + ports.get(name).asInt() + " of " + other,
                            "give each host port its own number, or leave one out to have a free one picked");
                }
            }
        }
    }

    private void registry(JsonNode r) {
        knownFields(r, "registry", "registry");
        JsonNode create = r.get("create");
        if (create != null && !create.isBoolean()) {
            throw error("registry.create", "is " + shown(create), "write create: true or create: false");
        }
        optionalText(r, "registry.name").ifPresent(name -> {
            if (!RegistryRequest.isName(name)) {
                throw error("registry.name", "\"" + name + "\" is not a container name",
                        "use " + RegistryRequest.NAME_RULE + ", e.g. name: my-registry");
            }
            if (create == null || !create.asBoolean()) {
                throw error("registry.name", "names a registry the file does not create",
                        "add create: true beside it, or leave name out");
            }
        });
        wholeNumber(r, "registry.port", 1, 65535, "port: 5000 (the registry's host port)");
        optionalText(r, "registry.config").ifPresent(config -> {
            try {
                RegistryConfig.check(config, "registry.config");
            } catch (SikifansoException e) {
                throw error("registry.config", e.getMessage().replaceFirst("^registry\\.config:? ?", ""),
                        e.fix());
            }
        });
    }

    private void customApp(JsonNode app, String path) {
        knownFields(app, path, "customApps[]");
        for (String field : FIELDS.get("customApps[]")) {
            if (field.equals("values")) {
                mapping(app, path + ".values");
            } else if (REQUIRED_APP_FIELDS.contains(field)) {
                requiredText(app, path + "." + field, Hint.of(field + ": ... (as ", Suggestion.of("app", "add"),
                        " takes it)"));
            }
        }
    }

    private void agent(JsonNode agent, String path) {
        knownFields(agent, path, "agents[]");
        requiredText(agent, path + ".name", "name: researcher");
        names(agent, path + ".allow", "a catalog app the agent may reach, e.g. qdrant");
        names(agent, path + ".egressFqdns", "a host name, e.g. api.anthropic.com");
        for (String f : List.of("cpuRequest", "cpuLimit", "memoryRequest", "memoryLimit", "podSecurity")) {
            optionalText(agent, path + "." + f);
        }
        JsonNode pods = agent.get("pods");
        if (pods != null && !pods.isIntegralNumber() && !pods.isTextual()) {
            throw error(path + ".pods", "is " + shown(pods), "write pods: 10");
        }
        mapping(agent, path + ".workload").ifPresent(w -> workload(w, path + ".workload"));
    }

    /** The shape only; agent create checks the image reference and the environment's names as its flags' are. */
    private void workload(JsonNode workload, String path) {
        knownFields(workload, path, "workload");
        requiredText(workload, path + ".image", "image: ghcr.io/team/researcher:1.2.0");
        names(workload, path + ".command", "one word of the command, e.g. python");
        names(workload, path + ".args", "one argument, e.g. --serve");
        mapping(workload, path + ".env").ifPresent(env -> env.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw error(path + ".env." + e.getKey(), "is " + shown(e.getValue()), "write NAME: value");
            }
        }));
    }

    private void knownFields(JsonNode node, String path, String kind) {
        List<String> known = FIELDS.get(kind);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                String at = path.isEmpty() ? field : path + "." + field;
                throw error(at, "is not a field of " + (path.isEmpty() ? "a cluster file" : path),
                        "remove it or correct its spelling; the fields here are: " + String.join(", ", known));
            }
        }
    }

    private String requiredText(JsonNode node, String path, Object example) {
        return optionalText(node, path).orElseThrow(() -> error(path, "is missing", Hint.of("add ", example)));
    }

    private java.util.Optional<String> optionalText(JsonNode node, String path) {
        JsonNode value = node.get(last(path));
        if (value == null || value.isNull()) {
            return java.util.Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw error(path, "is " + shown(value) + ", not a text", "write it as text, e.g. " + last(path)
                    + ": \"...\"");
        }
        return java.util.Optional.of(value.asText());
    }

    private void wholeNumber(JsonNode node, String path, int min, int max, String example) {
        JsonNode value = node.get(last(path));
        if (value != null && !(value.isIntegralNumber() && value.canConvertToInt() && value.asInt() >= min
                && value.asInt() <= max)) {
            throw error(path, "is " + shown(value) + "; it must be a whole number from " + min + " to " + max,
                    "write e.g. " + example);
        }
    }

    private java.util.Optional<JsonNode> mapping(JsonNode node, String path) {
        JsonNode value = node.get(last(path));
        if (value == null || value.isNull()) {
            return java.util.Optional.empty();
        }
        if (!value.isObject()) {
            throw error(path, "is " + shown(value) + ", not a mapping", Hint.of("indent its fields under " + last(path)
                    + ": (see: ", Suggestion.of("cluster", "config").tool("cluster_config_schema")
                    .cliFlag("schema"), ")"));
        }
        return java.util.Optional.of(value);
    }

    private java.util.Optional<JsonNode> list(JsonNode node, String path) {
        JsonNode value = node.get(last(path));
        if (value == null || value.isNull()) {
            return java.util.Optional.empty();
        }
        if (!value.isArray()) {
            throw error(path, "is " + shown(value) + ", not a list", "write one item per line, each led by \"- \"");
        }
        return java.util.Optional.of(value);
    }

    private void names(JsonNode node, String path, Object what) {
        list(node, path).ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                if (!item.isTextual() || item.asText().isBlank()) {
                    throw error(path + "[" + i + "]", "is " + shown(item), Hint.of("write ", what));
                }
            }
        });
    }

    private interface ItemCheck {
        void check(JsonNode item, String path);
    }

    private void each(JsonNode items, String path, ItemCheck check) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                throw error(at, "is " + shown(item) + ", not a mapping", "give each item its fields, e.g. - name: x");
            }
            check.check(item, at);
            String name = item.get("name").asText();
            if (names.contains(name)) {
                throw error(at + ".name", "repeats \"" + name + "\" of " + path + "[" + names.indexOf(name) + "]",
                        "give each its own name, or merge the two");
            }
            names.add(name);
        }
    }

    private SikifansoException error(String path, String problem, Object fix) {
        return SikifansoException.usage(source + " line " + yaml.lineOf(path) + ": " + path + " " + problem, fix);
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String shown(JsonNode value) {
        if (value.isTextual()) {
            return "\"" + value.asText() + "\"";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.isNull() ? "empty" : value.toString();
    }
}

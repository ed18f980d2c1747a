package com.sikifanso.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the agent-sandbox chart from the source tree with the real Helm engine, the way the
 * {@code agents} ApplicationSet does: release name = agent name, values from a values file.
 */
final class SandboxChart {
    static final Path DIR = Path.of("src/main/resources/bootstrap/charts/agent-sandbox");
    static final ObjectMapper YAML = new YAMLMapper();

    private SandboxChart() {
    }

    /** Renders as the agents ApplicationSet does: the release is named after the agent. */
    static Manifests render(SandboxValues values) {
        Object agent = values.toMap().get("agent");
        String release = agent instanceof Map<?, ?> a && a.get("name") != null ? a.get("name").toString() : "";
        return render(release, values);
    }

    static Manifests render(String release, SandboxValues values) {
        return Manifests.parse(renderText(release, values.toMap()));
    }

    /** The raw output of {@code helm template}; Helm's error surfaces as the exception's message. */
    static String renderText(String release, Map<String, Object> values) {
        try {
            return renderValuesFile(release, YAML.writeValueAsString(values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders with a values file of exactly this text, as the CLI writes it. */
    static String renderValuesFile(String release, String valuesYaml) {
        Path file = null;
        try {
            file = Files.createTempFile("agent-sandbox-values", ".yaml");
            Files.writeString(file, valuesYaml);
            return new Helm(DIR).template().withName(release).withValuesFile(file).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    /** The documents of one render, in order. */
    record Manifests(List<JsonNode> documents) {
        static Manifests parse(String yaml) {
            List<JsonNode> docs = new ArrayList<>();
            try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
                while (it.hasNext()) {
                    JsonNode doc = it.next();
                    if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                        docs.add(doc);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Manifests(List.copyOf(docs));
        }

        List<String> kinds() {
            return documents.stream().map(d -> d.path("kind").asText()).toList();
        }

        JsonNode one(String kind) {
            List<JsonNode> found = documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
            if (found.size() != 1) {
                throw new AssertionError("expected one " + kind + ", found " + found.size() + " in " + kinds());
            }
            return found.getFirst();
        }

        /** One document as a fabric8 model object (fabric8 8 is annotated for Jackson 3). */
        <T> T one(String kind, Class<T> type) {
            return Fabric8.read(one(kind), type);
        }
    }

    /**
     * Reads documents into fabric8 model classes (fabric8 8 is annotated for Jackson 3) and refuses
     * fields the Kubernetes API does not know: fabric8 keeps those in {@code additionalProperties}.
     */
    static final class Fabric8 {
        private static final tools.jackson.databind.ObjectMapper MAPPER =
                tools.jackson.databind.json.JsonMapper.builder().build();

        private Fabric8() {
        }

        static <T> T read(JsonNode node, Class<T> type) {
            T value = MAPPER.readValue(node.toString(), type);
            List<String> unknown = new ArrayList<>();
            collectUnknown(value, type.getSimpleName(), unknown);
            if (!unknown.isEmpty()) {
                throw new AssertionError("fields unknown to " + type.getSimpleName() + ": " + unknown);
            }
            return value;
        }

        private static void collectUnknown(Object value, String path, List<String> unknown) {
            if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    collectUnknown(list.get(i), path + "[" + i + "]", unknown);
                }
            } else if (value instanceof Map<?, ?> map) {
                map.forEach((k, v) -> collectUnknown(v, path + "." + k, unknown));
            } else if (value != null && value.getClass().getName().startsWith("io.fabric8.")) {
                for (var method : value.getClass().getMethods()) {
                    if (method.getParameterCount() != 0 || !method.getName().startsWith("get")
                            || method.getDeclaringClass() == Object.class) {
                        continue;
                    }
                    Object child;
                    try {
                        child = method.invoke(value);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                    if (method.getName().equals("getAdditionalProperties")) {
                        ((Map<?, ?>) child).keySet().forEach(k -> unknown.add(path + "." + k));
                    } else {
                        collectUnknown(child, path + "." + method.getName().substring(3), unknown);
                    }
                }
            }
        }
    }
}

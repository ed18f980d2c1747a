package com.sikifanso.clusterfile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document read into a tree together with the line each field starts on, by its path ({@code nodes.servers},
 * {@code agents[1].name}), so an error can say where to look. Jackson's trees keep no locations; the parser does.
 */
record YamlLines(JsonNode tree, Map<String, Integer> lines) {
    private static final ObjectMapper STRICT = YAMLMapper.builder(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()).build();

    /** The document from {@code source}, or a usage error naming its line where it is not YAML, with {@code fix}. */
    static YamlLines readOrRefuse(String text, String source, Object fix, Object... more) {
        try {
            return read(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw com.sikifanso.core.SikifansoException.usage(source + " line " + line + ": not valid YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), fix, more);
        } catch (IOException e) {
            throw com.sikifanso.core.SikifansoException.usage(source + ": cannot be read: " + e.getMessage(),
                    "check the file");
        }
    }

    static YamlLines read(String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = STRICT.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token.isStructEnd()) {
                    continue;
                }
                // A structure's start token already stands in the structure's own context.
                JsonStreamContext owner = token.isStructStart() ? parser.getParsingContext().getParent()
                        : parser.getParsingContext();
                if (token == JsonToken.FIELD_NAME || owner.inArray()) {
                    lines.putIfAbsent(path(owner), parser.currentTokenLocation().getLineNr());
                }
            }
        }
        return new YamlLines(STRICT.readTree(text), lines);
    }

    /** The line of a field, or of its closest enclosing field that has one. */
    int lineOf(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return 1;
    }

    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        build(context, path);
        return path.toString();
    }

    private static void build(JsonStreamContext context, StringBuilder path) {
        if (context == null || context.inRoot()) {
            return;
        }
        build(context.getParent(), path);
        if (context.inArray()) {
            path.append('[').append(context.getCurrentIndex()).append(']');
        } else if (context.getCurrentName() != null) {
            path.append(path.isEmpty() ? "" : ".").append(context.getCurrentName());
        }
    }
}

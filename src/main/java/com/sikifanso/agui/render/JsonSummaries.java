package com.sikifanso.agui.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.JsonPatches;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** JSON values as the short text a terminal line has room for: compact values, key=value summaries, state diffs. */
final class JsonSummaries {
    static final int VALUE_WIDTH = 60;
    static final int LINE_WIDTH = 100;
    /** A state change longer than this shows its first lines and how many more there were. */
    static final int MAX_DIFF_LINES = 12;

    private JsonSummaries() {
    }

    /** A scalar as its text, anything else as compact JSON; cut at {@code width} with an ellipsis. */
    static String value(JsonNode node, int width) {
        if (node == null || node.isMissingNode()) {
            return "?";
        }
        String text = node.isTextual() ? node.textValue() : node.toString();
        return cut(text.replace('\n', ' '), width);
    }

    static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "…";
    }

    /**
     * A result or activity in one line: an object's fields as {@code key=value} (arrays as their items, nested
     * objects by size), anything else as its value. Text that is JSON is read first.
     */
    static String summary(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (!node.isObject()) {
            return value(node, LINE_WIDTH);
        }
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            parts.add(field.getKey() + "=" + fieldValue(field.getValue()));
        }
        return cut(String.join(" ", parts), LINE_WIDTH);
    }

    /** {@link #summary(JsonNode)} of text that is usually JSON (a tool's result), else its first line. */
    static String summary(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        JsonNode parsed = parse(text);
        if (parsed != null) {
            return summary(parsed);
        }
        String first = text.strip().lines().findFirst().orElse("");
        return cut(first, LINE_WIDTH);
    }

    /** Compact JSON of a tool call's streamed arguments, or the text itself when it is not JSON. */
    static String arguments(String text) {
        JsonNode parsed = parse(text);
        return parsed == null ? cut(text, LINE_WIDTH) : value(parsed, LINE_WIDTH);
    }

    static JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (!(t.startsWith("{") || t.startsWith("["))) {
            return null;
        }
        try {
            return AguiJson.MAPPER.readTree(t);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String fieldValue(JsonNode v) {
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(item -> items.add(item.isValueNode() ? value(item, VALUE_WIDTH) : "{…}"));
            return cut("[" + String.join(",", items) + "]", VALUE_WIDTH);
        }
        if (v.isObject()) {
            return "{" + v.size() + (v.size() == 1 ? " field}" : " fields}");
        }
        return value(v, VALUE_WIDTH);
    }

    /**
     * One line per change of {@code patch} applied to {@code before}: {@code apps/qdrant/health: Progressing →
     * Healthy}, {@code path: + value}, {@code path: removed}. Returns the lines and the state after the patch (the
     * patch's own values when {@code before} is unknown or the patch does not apply to it, then with no old values).
     */
    static Diff diff(JsonNode before, ArrayNode patch) {
        List<String> lines = new ArrayList<>();
        JsonNode doc = before;
        for (JsonNode op : patch) {
            String path = op.path("path").asText();
            JsonNode old = doc == null ? null : doc.at(path);
            lines.add(change(op.path("op").asText(), path, old, op.get("value"), op.path("from").asText(null)));
            if (doc != null) {
                ArrayNode one = AguiJson.MAPPER.createArrayNode().add(op);
                try {
                    doc = JsonPatches.apply(one, doc);
                } catch (RuntimeException e) {
                    doc = null;   // out of step with the producer: show what the patch says, keep no state
                }
            }
        }
        if (lines.size() > MAX_DIFF_LINES) {
            int more = lines.size() - MAX_DIFF_LINES;
            lines = new ArrayList<>(lines.subList(0, MAX_DIFF_LINES));
            lines.add("… " + more + " more change" + (more == 1 ? "" : "s"));
        }
        return new Diff(lines, doc);
    }

    record Diff(List<String> lines, JsonNode after) {
    }

    private static String change(String op, String pointer, JsonNode old, JsonNode value, String from) {
        String path = readable(pointer);
        boolean known = old != null && !old.isMissingNode();
        return switch (op) {
            case "replace" -> path + ": " + (known ? value(old, VALUE_WIDTH) + " → " : "→ ")
                    + value(value, VALUE_WIDTH);
            case "add" -> known && !old.isContainerNode()
                    ? path + ": " + value(old, VALUE_WIDTH) + " → " + value(value, VALUE_WIDTH)
                    : path + ": + " + value(value, VALUE_WIDTH);
            case "remove" -> path + ": removed" + (known ? " (was " + value(old, VALUE_WIDTH) + ")" : "");
            case "move", "copy" -> path + ": " + op + " from " + readable(from);
            default -> path + ": " + op + " " + value(value, VALUE_WIDTH);
        };
    }

    /** A JSON Pointer as a path to read: no leading slash, escapes undone. */
    static String readable(String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return "(state)";
        }
        String p = pointer.startsWith("/") ? pointer.substring(1) : pointer;
        return p.replace("~1", "/").replace("~0", "~");
    }

    /** What a whole state holds, by its top-level fields: {@code apps: 3 · nodes: 1}. */
    static String stateOutline(JsonNode state) {
        if (state == null || !state.isObject()) {
            return value(state, LINE_WIDTH);
        }
        List<String> parts = new ArrayList<>();
        state.fields().forEachRemaining(f -> parts.add(f.getKey() + ": "
                + (f.getValue().isContainerNode() ? String.valueOf(f.getValue().size()) : value(f.getValue(), 30))));
        return cut(String.join(" · ", parts), LINE_WIDTH);
    }
}

package com.sikifanso.agui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import java.util.ArrayList;
import java.util.List;

/**
 * A progress note's {@link Hint} in its AG-UI activity, as parts ({@code {"text": ...}}, {@code {"command": ...}},
 * {@code {"mention": ..., "withValue": ...}}, {@code {"then": true}}), so whoever renders the event names the
 * commands in its reader's words; the note's {@code text} beside it is the CLI's, for readers that know no parts.
 */
final class NoteHints {
    static final String FIELD = "hint";

    private NoteHints() {
    }

    static ArrayNode write(Hint hint) {
        ArrayNode parts = AguiJson.MAPPER.createArrayNode();
        for (Hint.Part part : hint.parts()) {
            ObjectNode p = parts.addObject();
            switch (part) {
                case Hint.Text t -> p.put("text", t.text());
                case Suggestion s -> p.set("command", AguiJson.MAPPER.valueToTree(s));
                case Hint.Mention m -> p.put("withValue", m.withValue()).set("mention",
                        AguiJson.MAPPER.valueToTree(m.of()));
                case Hint.Then t -> p.put("then", true);
            }
        }
        return parts;
    }

    /** The hint the parts spell; empty when they are not parts this version writes (the text is shown then). */
    static java.util.Optional<Hint> read(JsonNode parts) {
        List<Object> pieces = new ArrayList<>();
        try {
            for (JsonNode p : parts) {
                if (p.has("command")) {
                    pieces.add(AguiJson.MAPPER.treeToValue(p.get("command"), Suggestion.class));
                } else if (p.has("mention")) {
                    pieces.add(new Hint.Mention(AguiJson.MAPPER.treeToValue(p.get("mention"), Suggestion.class),
                            p.path("withValue").asBoolean()));
                } else if (p.has("then")) {
                    pieces.add(Hint.THEN);
                } else {
                    pieces.add(p.path("text").asText());
                }
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Hint.of(pieces.toArray()));
    }
}

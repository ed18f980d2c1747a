package com.sikifanso.agui.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiJson;

/**
 * AG-UI events from someone else's agent: what this side models is read as the event it is (unknown fields
 * dropped); an event type it does not know, an event its schema would refuse, or data that is not JSON at all,
 * becomes a {@code RAW} event carrying what arrived, so a foreign stream is always shown and never stops the reader.
 */
public final class ForeignEvents {
    private ForeignEvents() {
    }

    /** The event in one SSE frame's {@code data}, from {@code source} (where it came from, said in a RAW event). */
    public static AguiEvent decode(String data, String source) {
        JsonNode json;
        try {
            json = AguiJson.MAPPER.readTree(data);
        } catch (JsonProcessingException e) {
            return new AguiEvent.Raw(TextNode.valueOf(data), source, null);
        }
        if (json == null || !json.isObject()) {
            return new AguiEvent.Raw(json == null ? TextNode.valueOf(data) : json, source, null);
        }
        try {
            return AguiJson.read(json);
        } catch (IllegalArgumentException e) {
            return new AguiEvent.Raw(json, source, null);
        }
    }
}

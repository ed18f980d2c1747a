package com.sikifanso.agui;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * The mapper for AG-UI events on the wire: compact (one event per SSE frame or JSON Lines line), absent optional
 * fields left out (the schemas reject {@code null} where they allow absence), unknown fields tolerated on reading
 * (the schemas are open objects).
 */
public final class AguiJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .serializationInclusion(JsonInclude.Include.NON_ABSENT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private AguiJson() {
    }

    public static String write(AguiEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event.eventType() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static JsonNode tree(AguiEvent event) {
        return MAPPER.valueToTree(event);
    }

    public static AguiEvent read(JsonNode json) {
        try {
            return MAPPER.treeToValue(json, AguiEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an AG-UI event: " + e.getOriginalMessage(), e);
        }
    }

    public static AguiEvent read(String json) {
        try {
            return MAPPER.readValue(json, AguiEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an AG-UI event: " + e.getOriginalMessage(), e);
        }
    }
}

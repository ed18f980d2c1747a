package com.sikifanso.agui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.JsonDiff;
import com.flipkart.zjsonpatch.JsonPatch;
import java.util.EnumSet;

/**
 * RFC 6902 JSON Patches between two JSON documents, by zjsonpatch. Only add, remove and replace operations: a
 * consumer applying them needs nothing of the source document but the paths, and a redacted value can never be
 * copied or moved somewhere unredacted.
 */
public final class JsonPatches {
    private static final EnumSet<DiffFlags> FLAGS = EnumSet.of(DiffFlags.OMIT_VALUE_ON_REMOVE,
            DiffFlags.OMIT_MOVE_OPERATION, DiffFlags.OMIT_COPY_OPERATION);

    private JsonPatches() {
    }

    /** The patch that turns {@code from} into {@code to}; empty when they are equal. */
    public static ArrayNode diff(JsonNode from, JsonNode to) {
        return (ArrayNode) JsonDiff.asJson(from, to, FLAGS);
    }

    /** {@code patch} applied to a copy of {@code document}. */
    public static JsonNode apply(ArrayNode patch, JsonNode document) {
        return JsonPatch.apply(patch, document);
    }
}

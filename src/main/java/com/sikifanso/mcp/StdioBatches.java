package com.sikifanso.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Mappers;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * JSON-RPC batches on stdio, for the one revision that has them (2025-03-26): the answers to a batch's
 * requests are held until the last one is ready, then written as one array, as JSON-RPC 2.0 says.
 * Requests run concurrently, so answers arrive in any order and on any thread.
 */
final class StdioBatches {
    private final List<Open> open = new ArrayList<>();

    private record Open(Set<String> pending, List<Object> answers) {
    }

    static boolean isBatch(String line) {
        return line.stripLeading().startsWith("[");
    }

    /** The members of a batch line, or null when it does not parse (the screen answers that: -32700). */
    static List<JsonNode> members(String line) {
        try {
            List<JsonNode> members = new ArrayList<>();
            Mappers.JSON.readTree(line).forEach(members::add);
            return members;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Holds the answers to requests {@code pending} (by id), after the {@code answers} already made. */
    synchronized void open(Set<String> pending, List<Object> answers) {
        open.add(new Open(new java.util.HashSet<>(pending), new ArrayList<>(answers)));
    }

    /**
     * Where a response goes: itself when it answers no batch, null while its batch waits for others,
     * or the whole batch's answers when it was the last.
     */
    synchronized Object route(McpSchema.JSONRPCResponse response) {
        String id = String.valueOf(response.id());
        for (Open batch : open) {
            if (batch.pending().remove(id)) {
                batch.answers().add(WireMapper.corrected(response));
                if (batch.pending().isEmpty()) {
                    open.remove(batch);
                    return batch.answers();
                }
                return null;
            }
        }
        return response;
    }
}

package com.sikifanso.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.agui.journal.SecretRedactor;
import com.sikifanso.core.Mappers;
import java.util.List;

/**
 * The conversation with the model, kept as the Messages API's own message objects ({@code role}, {@code content}
 * blocks), so what is sent, stored and resumed is one shape. Only whole exchanges are kept: a user turn, and each
 * assistant turn with the results of the tools it called.
 */
public final class Conversation {
    private static final SecretRedactor REDACTOR = new SecretRedactor();
    private final ArrayNode messages;

    public Conversation() {
        this(Mappers.JSON.createArrayNode());
    }

    Conversation(ArrayNode messages) {
        this.messages = messages;
    }

    public void user(String text) {
        ObjectNode message = messages.addObject().put("role", "user");
        message.putArray("content").addObject().put("type", "text").put("text", text);
    }

    /** The model's turn, its content blocks as the API returned them. */
    public void assistant(ArrayNode content) {
        messages.addObject().put("role", "assistant").set("content", content);
    }

    /** The results of the tools the last assistant turn called, in one user turn. */
    public void toolResults(List<ObjectNode> results) {
        JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        ArrayNode content = last != null && last.path("role").asText().equals("user") && isToolResults(last)
                ? (ArrayNode) last.path("content") : messages.addObject().put("role", "user").putArray("content");
        results.forEach(content::add);
    }

    private static boolean isToolResults(JsonNode message) {
        for (JsonNode block : message.path("content")) {
            if (!block.path("type").asText().equals("tool_result")) {
                return false;
            }
        }
        return true;
    }

    /** The last message, for the history that rebuilds a conversation from a client's messages. */
    JsonNode last() {
        return messages.isEmpty() ? null : messages.get(messages.size() - 1);
    }

    /** Adds a content block to the last message when it has {@code role}, else to a new message of that role. */
    void append(String role, ObjectNode block) {
        JsonNode last = last();
        ArrayNode content = last != null && last.path("role").asText().equals(role) ? (ArrayNode) last.path("content")
                : messages.addObject().put("role", role).putArray("content");
        content.add(block);
    }

    public static ObjectNode toolResult(String toolUseId, ToolOutput output) {
        ObjectNode result = Mappers.JSON.createObjectNode().put("type", "tool_result").put("tool_use_id", toolUseId)
                .put("content", output.text());
        return output.error() ? result.put("is_error", true) : result;
    }

    public int size() {
        return messages.size();
    }

    /**
     * The messages for a request: a copy whose last block is a prompt-cache breakpoint, so the next turn reads the
     * conversation so far from the cache instead of paying for it again.
     */
    public ArrayNode forRequest() {
        ArrayNode copy = messages.deepCopy();
        if (!copy.isEmpty()) {
            JsonNode content = copy.get(copy.size() - 1).path("content");
            if (content instanceof ArrayNode blocks && !blocks.isEmpty()
                    && blocks.get(blocks.size() - 1) instanceof ObjectNode last) {
                last.putObject("cache_control").put("type", "ephemeral");
            }
        }
        return copy;
    }

    /**
     * What may be stored: whole exchanges only (a turn cut short by an error is dropped), secrets masked as the
     * journal masks them, and no thinking blocks (their signature covers the unmasked text, and the API needs them
     * only within one tool-use turn).
     */
    public ArrayNode stored() {
        ArrayNode kept = messages.deepCopy();
        while (!kept.isEmpty() && !endsAnExchange(kept.get(kept.size() - 1))) {
            kept.remove(kept.size() - 1);
        }
        for (JsonNode message : kept) {
            ArrayNode content = (ArrayNode) message.path("content");
            for (int i = content.size() - 1; i >= 0; i--) {
                String type = content.get(i).path("type").asText();
                if (type.equals("thinking") || type.equals("redacted_thinking")) {
                    content.remove(i);
                }
            }
            REDACTOR.redact((ObjectNode) message);
        }
        return kept;
    }

    /** An assistant turn that called no tool, or the tool results that answer one. */
    private static boolean endsAnExchange(JsonNode message) {
        boolean assistant = message.path("role").asText().equals("assistant");
        boolean callsTools = false;
        boolean results = false;
        for (JsonNode block : message.path("content")) {
            callsTools |= block.path("type").asText().equals("tool_use");
            results |= block.path("type").asText().equals("tool_result");
        }
        return assistant ? !callsTools : results;
    }

    static Conversation of(ArrayNode stored) {
        return new Conversation(stored.deepCopy());
    }
}

package com.sikifanso.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The last conversation with the operator on a cluster, for {@code ai --continue}: {@code ai-conversation.json}
 * beside the cluster's activity journal, owner-only, written atomically, secrets masked ({@link Conversation#stored}).
 */
public final class ConversationStore {
    static final String FILE = "ai-conversation.json";
    private final Path clusterDir;

    public ConversationStore(Path clusterDir) {
        this.clusterDir = clusterDir;
    }

    public Path file() {
        return clusterDir.resolve(FILE);
    }

    /** The stored conversation and its thread id, when there is one. */
    public Optional<Stored> load() {
        Path file = file();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode json = Mappers.JSON.readTree(file.toFile());
            if (!(json.path("messages") instanceof ArrayNode messages)) {
                throw new IOException("no messages array");
            }
            return Optional.of(new Stored(json.path("threadId").asText(null), Conversation.of(messages)));
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read the last conversation " + file + ": " + e.getMessage(),
                    "start a new one (without --continue); the next one replaces that file", e);
        }
    }

    public void save(String threadId, Conversation conversation) {
        if (!Files.isDirectory(clusterDir)) {
            return;    // a cluster deleted meanwhile: nothing brings its directory back
        }
        ObjectNode json = Mappers.JSON.createObjectNode().put("threadId", threadId)
                .put("updated", Instant.now().toString());
        json.set("messages", conversation.stored());
        try {
            LocalFiles.writeAtomically(file(), Mappers.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json),
                    true);
        } catch (IOException e) {
            throw SikifansoException.failure("cannot save the conversation to " + file() + ": " + e.getMessage(),
                    "check the permissions of " + clusterDir, e);
        }
    }

    public record Stored(String threadId, Conversation conversation) {
    }
}

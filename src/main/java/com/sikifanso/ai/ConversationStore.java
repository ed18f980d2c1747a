package com.sikifanso.ai;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Throwables;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The last conversation with the operator on a cluster, for {@code ai --continue}: {@code ai-conversation.json}
 * beside the cluster's activity journal, owner-only, written atomically, secrets masked ({@link Conversation#stored}).
 * One store serves one operator session: it remembers the file as it found it, and saves only over that, so two
 * sessions on one cluster never silently overwrite each other's exchanges.
 */
public final class ConversationStore {
    static final String FILE = "ai-conversation.json";
    private static final String LOCK = FILE + ".lock";
    private static final Set<String> ROLES = Set.of("user", "assistant");
    private final Path clusterDir;
    /** A digest of the file as this session last read or wrote it; null while there was none. */
    private String seen;

    public ConversationStore(Path clusterDir) {
        this.clusterDir = clusterDir;
        this.seen = fingerprint();
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
            byte[] bytes = Files.readAllBytes(file);
            JsonNode json = Mappers.JSON.readTree(bytes);
            Stored stored = new Stored(json.path("threadId").asText(null), Conversation.of(messages(json)));
            seen = digest(bytes);
            return Optional.of(stored);
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read the last conversation " + file + ": " + problem(e),
                    "start a new one (without --continue); the next one replaces that file", e);
        }
    }

    /** The messages as the Messages API takes them back: user and assistant turns, each a list of typed blocks. */
    private static ArrayNode messages(JsonNode json) throws IOException {
        if (!(json.path("messages") instanceof ArrayNode messages)) {
            throw new IOException("it has no \"messages\" array");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            if (!(message instanceof ObjectNode) || !ROLES.contains(message.path("role").asText())
                    || !(message.path("content") instanceof ArrayNode content)) {
                throw new IOException("message " + (i + 1) + " is not a user or assistant turn with a content array");
            }
            for (JsonNode block : content) {
                if (!(block instanceof ObjectNode) || !block.path("type").isTextual()) {
                    throw new IOException("message " + (i + 1) + " has a content block without a type");
                }
            }
        }
        return messages;
    }

    private static String problem(IOException e) {
        if (e instanceof JsonProcessingException json) {
            JsonLocation at = json.getLocation();
            String what = Throwables.firstLine(json.getOriginalMessage());
            int marker = what.indexOf(" (start marker at");   // a second location, in the parser's own words
            return "it is not JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + " (" + (marker > 0 ? what.substring(0, marker) : what) + ")";
        }
        return Throwables.rootMessage(e);
    }

    /**
     * Saves the conversation, unless another session has saved its own since this one read or wrote the file: that
     * one stays, and this returns false. Returns true when saved, or when the cluster is gone.
     */
    public boolean save(String threadId, Conversation conversation) {
        if (!Files.isDirectory(clusterDir)) {
            return true;    // a cluster deleted meanwhile: nothing brings its directory back
        }
        ObjectNode json = Mappers.JSON.createObjectNode().put("threadId", threadId)
                .put("updated", Instant.now().toString());
        json.set("messages", conversation.stored());
        synchronized (ConversationStore.class) {   // file locks are held per process: threads take turns here first
            try (FileChannel channel = FileChannel.open(clusterDir.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!Objects.equals(fingerprint(), seen)) {
                    return false;
                }
                byte[] bytes = Mappers.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
                LocalFiles.writeAtomically(file(), bytes, true);
                seen = digest(bytes);
                return true;
            } catch (IOException e) {
                throw SikifansoException.failure("cannot save the conversation to " + file() + ": "
                        + Throwables.rootMessage(e), "check the permissions of " + clusterDir, e);
            }
        }
    }

    /** The file's digest now, or null when there is none (or it cannot be read: a save then says why). */
    private String fingerprint() {
        try {
            return digest(Files.readAllBytes(file()));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public record Stored(String threadId, Conversation conversation) {
    }
}

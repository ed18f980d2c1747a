package com.sikifanso.gitops;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files one mutation writes or deletes, collected before anything touches the disk so that
 * validation can finish first and the change can be applied (or undone) as a unit.
 */
public final class RepoChange {
    private final String message;
    private final Map<String, Optional<byte[]>> files = new LinkedHashMap<>();
    private boolean replacesTree;

    public RepoChange(String message) {
        this.message = message;
    }

    /** These files under another message: for a change whose message is known once its files are. */
    public RepoChange withMessage(String newMessage) {
        RepoChange copy = new RepoChange(newMessage);
        copy.files.putAll(files);
        copy.replacesTree = replacesTree;
        return copy;
    }

    public RepoChange write(String relativePath, String content) {
        files.put(relativePath, Optional.of(content.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public RepoChange write(String relativePath, byte[] content) {
        files.put(relativePath, Optional.of(content));
        return this;
    }

    public RepoChange delete(String relativePath) {
        files.put(relativePath, Optional.empty());
        return this;
    }

    /**
     * Makes the change's written files the whole working tree: every other file outside {@code .git}
     * is deleted in the same commit (a snapshot restore).
     */
    public RepoChange deleteEverythingElse() {
        replacesTree = true;
        return this;
    }

    boolean replacesTree() {
        return replacesTree;
    }

    public String message() {
        return message;
    }

    /** Path to new content; an empty value deletes the path. */
    public Map<String, Optional<byte[]>> files() {
        return files;
    }

    public boolean isEmpty() {
        return files.isEmpty() && !replacesTree;
    }
}

package com.sikifanso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything a user could see of a GitOps repo: its history (HEAD), what {@code git status}
 * says, and every file in the working tree with its content. Equal snapshots mean nothing changed.
 */
public record RepoSnapshot(String head, String status, Map<String, String> tree) {

    public static RepoSnapshot of(GitCli git) {
        return new RepoSnapshot(git.head(), git.status(), tree(git.dir()));
    }

    private static Map<String, String> tree(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.filter(p -> !dir.relativize(p).startsWith(".git"))
                    .forEach(p -> files.put(dir.relativize(p).toString(),
                            Files.isDirectory(p) ? "<dir>" : sha256(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

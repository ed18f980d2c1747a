package com.sikifanso.core;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/** File writes that never leave a half-written file behind. */
public final class LocalFiles {
    private LocalFiles() {
    }

    /**
     * Writes to a temp file in the same directory, then renames it over the target: 0600 when
     * {@code ownerOnly} (sessions, tokens, kubeconfigs), else 0644 for others to read (GitOps repo
     * files, which Argo CD reads as another user; a temp file alone would stay 0600).
     */
    public static void writeAtomically(Path file, byte[] bytes, boolean ownerOnly) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            if (ownerOnly) {
                setOwnerOnly(tmp);
            } else {
                setReadableByAll(tmp);
            }
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads at most {@code limit} bytes; empty when the file holds more. Reads through a stream, so a
     * device such as /dev/zero, whose size says 0, is stopped at the limit too.
     */
    public static java.util.Optional<byte[]> readAtMost(Path file, int limit) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(limit + 1);
            return bytes.length > limit ? java.util.Optional.empty() : java.util.Optional.of(bytes);
        }
    }

    public static void setOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the user profile's ACLs protect it instead.
        }
    }

    private static void setReadableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its default ACLs apply.
        }
    }

    /**
     * Deletes a scratch directory (a temp or staging one, null when it was never made), and leaves it when it cannot:
     * what is left behind is harmless, and the operation's own outcome is what the user must hear about.
     */
    public static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            deleteRecursively(dir);
        } catch (IOException ignored) {
            // See above: a scratch directory left behind is harmless.
        }
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

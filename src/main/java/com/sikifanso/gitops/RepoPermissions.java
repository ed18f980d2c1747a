package com.sikifanso.gitops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Makes a GitOps repo readable by other users: Argo CD's repo-server reads it through the node's
 * bind mount as uid 999. Directories get 0755, files 0644 (0755 when their owner may run them),
 * as the Go original left them; nothing is taken away from the owner. Secrets never live in the
 * repo (the session, 0600, holds them), so there is nothing here to hide.
 */
public final class RepoPermissions {
    private static final Set<PosixFilePermission> DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
    private static final Set<PosixFilePermission> FILE_READ = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    private static final Set<PosixFilePermission> FILE_RUN = EnumSet.of(PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_EXECUTE);

    private RepoPermissions() {
    }

    /** Opens the whole tree under {@code repo} (its .git included) for reading; returns how many modes changed. */
    public static int shareForReading(Path repo) {
        if (!Files.isDirectory(repo) || !repo.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return 0;
        }
        int[] changed = {0};
        try {
            Files.walkFileTree(repo, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    changed[0] += widen(dir, DIRECTORY);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) {
                        Set<PosixFilePermission> wanted = EnumSet.copyOf(FILE_READ);
                        if (Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)
                                .contains(PosixFilePermission.OWNER_EXECUTE)) {
                            wanted.addAll(FILE_RUN);
                        }
                        changed[0] += widen(file, wanted);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + repo + " for reading by Argo CD", e);
        }
        return changed[0];
    }

    private static int widen(Path path, Set<PosixFilePermission> wanted) throws IOException {
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (now.containsAll(wanted)) {
            return 0;
        }
        Set<PosixFilePermission> widened = EnumSet.copyOf(now);
        widened.addAll(wanted);
        Files.setPosixFilePermissions(path, widened);
        return 1;
    }
}

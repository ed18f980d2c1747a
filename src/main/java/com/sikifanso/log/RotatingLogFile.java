package com.sikifanso.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * An append-only log file, owner-only (0600, like the session files it may describe), that moves
 * to {@code NAME.1} when it reaches {@code maxBytes}, keeping {@code keep} old files.
 */
public final class RotatingLogFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final long maxBytes;
    private final int keep;
    private OutputStream out;
    private long size;

    private RotatingLogFile(Path file, long maxBytes, int keep) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.keep = keep;
    }

    /** Opens (creating it and its directory) {@code file}; rotates first when it is already full. */
    public static RotatingLogFile open(Path file, long maxBytes, int keep) throws IOException {
        RotatingLogFile log = new RotatingLogFile(file, maxBytes, keep);
        Files.createDirectories(file.getParent());
        log.openCurrent();
        if (log.size >= maxBytes) {
            log.rotate();
        }
        return log;
    }

    public Path file() {
        return file;
    }

    public synchronized void append(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            if (size > 0 && size + bytes.length > maxBytes) {
                rotate();
            }
            out.write(bytes);
            out.flush();
            size += bytes.length;
        } catch (IOException e) {
            // A log that cannot be written must not fail the command it describes.
        }
    }

    private void openCurrent() throws IOException {
        out = Channels.newOutputStream(Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(OWNER_ONLY)));
        // A file made by an older version (0644) or by umask is narrowed too.
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        size = Files.size(file);
    }

    private void rotate() throws IOException {
        out.close();
        Files.deleteIfExists(numbered(keep));
        for (int i = keep - 1; i >= 1; i--) {
            if (Files.exists(numbered(i))) {
                Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
        openCurrent();
    }

    private Path numbered(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }
}

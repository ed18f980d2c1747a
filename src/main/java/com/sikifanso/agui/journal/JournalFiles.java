package com.sikifanso.agui.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The journal's files in its directory: {@code activity.jsonl} (written), {@code activity.N.jsonl} (rotated, N
 * increasing with age order: the highest is the newest), and {@code activity.lock}, which every writer holds
 * exclusively and every reader shared while it picks the files to read.
 */
final class JournalFiles {
    static final String CURRENT = "activity.jsonl";
    private static final String LOCK = "activity.lock";
    private static final Pattern ROTATED = Pattern.compile("activity\\.(\\d+)\\.jsonl");
    /*
     * A JVM cannot take a second file lock on a file it already locks (OverlappingFileLockException), so threads of
     * one process first agree through this monitor, one per directory; the file lock then orders the processes.
     */
    private static final ConcurrentHashMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private final Path dir;
    private final Object monitor;

    JournalFiles(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        this.monitor = MONITORS.computeIfAbsent(this.dir, d -> new Object());
    }

    Path dir() {
        return dir;
    }

    Path current() {
        return dir.resolve(CURRENT);
    }

    interface Locked<T> {
        T run() throws IOException;
    }

    /** Runs {@code action} holding the journal's lock, exclusive (writers) or shared (readers). */
    <T> T locked(boolean exclusive, Locked<T> action) {
        synchronized (monitor) {
            try {
                Files.createDirectories(dir);
                try (FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE,
                        StandardOpenOption.READ, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock(0, Long.MAX_VALUE, !exclusive)) {
                    return action.run();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("activity journal in " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    /** Rotated files, oldest first. */
    List<Path> rotated() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> ROTATED.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(JournalFiles::number)).toList();
        }
    }

    /** Every file, oldest first, the current one last (if it exists). */
    List<Path> all() throws IOException {
        List<Path> files = new ArrayList<>(rotated());
        if (Files.exists(current())) {
            files.add(current());
        }
        return files;
    }

    /** Renames the current file to the next rotated name and deletes the oldest beyond {@code kept}. */
    void rotate(int kept) throws IOException {
        List<Path> rotated = rotated();
        long next = rotated.isEmpty() ? 1 : number(rotated.get(rotated.size() - 1)) + 1;
        Files.move(current(), dir.resolve("activity." + next + ".jsonl"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        List<Path> now = rotated();
        for (int i = 0; i < now.size() - kept; i++) {
            Files.deleteIfExists(now.get(i));
        }
    }

    private static long number(Path rotated) {
        Matcher m = ROTATED.matcher(rotated.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(rotated + " is not a rotated journal file");
        }
        return Long.parseLong(m.group(1));
    }
}

package com.sikifanso.agui.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Reads the journal from a sequence on, in order, and then follows it as other threads and processes append
 * (like {@code tail -F}: across rotations). Waiting sleeps on the directory's change notifications, re-checking at
 * least every {@value #RECHECK_MILLIS} ms in case one is missed. Not thread-safe: one reader per tail.
 */
public final class JournalTail implements AutoCloseable {
    static final long RECHECK_MILLIS = 250;
    private final JournalFiles files;
    private final Deque<JournalSource> sources = new ArrayDeque<>();
    private long lastSequence;
    private WatchService watcher;

    JournalTail(JournalFiles files, long afterSequence) {
        this.files = files;
        this.lastSequence = afterSequence;
        sources.addAll(files.locked(false, () -> openAll(files.all())));
    }

    /** The sequence of the last entry returned (or the one the tail started after). */
    public long lastSequence() {
        return lastSequence;
    }

    /** The entries appended since the last call (a batch; call again until empty); never waits. */
    public List<JournalEntry> poll() {
        List<JournalEntry> out = new ArrayList<>();
        try {
            while (!sources.isEmpty()) {
                lastSequence = sources.peekFirst().read(lastSequence, out);
                if (!out.isEmpty()) {
                    return out;
                }
                if (sources.size() > 1) {
                    sources.pollFirst().close();
                } else if (!followRotation()) {
                    return out;
                }
            }
            // Nothing existed when the tail opened: look again for a first file.
            sources.addAll(files.locked(false, () -> openAll(files.all())));
            return sources.isEmpty() ? out : poll();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the activity journal in " + files.dir() + ": " + e.getMessage(), e);
        }
    }

    /** Like {@link #poll()}, but waits up to {@code timeout} for an entry when there is none yet. */
    public List<JournalEntry> poll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<JournalEntry> entries = poll();
            long left = deadline - System.nanoTime();
            if (!entries.isEmpty() || left <= 0) {
                return entries;
            }
            awaitChange(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, RECHECK_MILLIS));
        }
    }

    /**
     * When the file being read is no longer the current one (a writer rotated it), it is complete: switch to the
     * files written after it. Returns whether there is something new to read.
     */
    private boolean followRotation() throws IOException {
        JournalSource last = sources.peekLast();
        if (Objects.equals(last.fileKey(), currentFileKey())) {
            return false;
        }
        List<JournalSource> all = files.locked(false, () -> openAll(files.all()));
        int seen = -1;
        for (int i = 0; i < all.size(); i++) {
            if (Objects.equals(all.get(i).fileKey(), last.fileKey())) {
                seen = i;
            }
        }
        // The file being read stays first: it is read to its end once more before moving on. When it was deleted
        // meanwhile, every file is read again and what was already returned is skipped by sequence.
        for (int i = 0; i < all.size(); i++) {
            if (i <= seen) {
                all.get(i).close();
            } else {
                sources.addLast(all.get(i));
            }
        }
        return sources.size() > 1;
    }

    private Object currentFileKey() throws IOException {
        try {
            return Files.readAttributes(files.current(), BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void awaitChange(long millis) throws InterruptedException {
        try {
            if (watcher == null) {
                Files.createDirectories(files.dir());
                watcher = FileSystems.getDefault().newWatchService();
                files.dir().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            }
            WatchKey key = watcher.poll(millis, TimeUnit.MILLISECONDS);
            if (key != null) {
                key.pollEvents();
                key.reset();
            }
        } catch (IOException | ClosedWatchServiceException e) {
            Thread.sleep(millis);   // no notifications here: plain polling at the re-check interval
        }
    }

    private static List<JournalSource> openAll(List<Path> paths) throws IOException {
        List<JournalSource> opened = new ArrayList<>();
        for (Path p : paths) {
            JournalSource s = JournalSource.open(p);
            if (s != null) {
                opened.add(s);
            }
        }
        return opened;
    }

    @Override
    public void close() {
        try {
            for (JournalSource s : sources) {
                s.close();
            }
            sources.clear();
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.sikifanso.agui.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The right to feed a cluster's state into its journal: an exclusive lock on {@code state-feed.lock} in the
 * cluster's directory, held while feeding. The operating system releases it when the holder exits, however it
 * exits, so a waiting listener takes over from a killed one too.
 */
final class StateFeedLease implements AutoCloseable {
    static final String FILE = "state-feed.lock";
    /*
     * One JVM cannot lock a file twice (OverlappingFileLockException), and closing any of its channels on the file
     * may drop the lock it holds through another; so the listeners of one process agree here first, and only the
     * one that wins here touches the file.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private StateFeedLease(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lease if nobody holds it; empty when another listener (here or in another process) does. */
    static Optional<StateFeedLease> tryAcquire(Path clusterDir) throws IOException {
        Path file = clusterDir.toAbsolutePath().normalize().resolve(FILE);
        if (!Files.isDirectory(file.getParent()) || !HELD_HERE.add(file)) {
            return Optional.empty();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                HELD_HERE.remove(file);
                return Optional.empty();
            }
            return Optional.of(new StateFeedLease(file, channel, lock));
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            HELD_HERE.remove(file);
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            lock.release();
        } finally {
            HELD_HERE.remove(file);
        }
    }
}

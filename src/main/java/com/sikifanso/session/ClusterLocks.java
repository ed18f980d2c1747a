package com.sikifanso.session;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Serialises mutations of one cluster: an OS file lock between processes, and an in-process lock
 * between threads of one process (the MCP server), because file locks are held per process.
 */
public final class ClusterLocks {
    private static final long POLL_MILLIS = 100;

    private final SikifansoHome home;
    private final Duration timeout;
    private final Consumer<String> onWait;
    private final ConcurrentHashMap<String, ReentrantLock> threadLocks = new ConcurrentHashMap<>();

    /** {@code onWait} hears once that the lock is busy, so a user knows why nothing happens. */
    public ClusterLocks(SikifansoHome home, Duration timeout, Consumer<String> onWait) {
        this.home = home;
        this.timeout = timeout;
        this.onWait = onWait;
    }

    public Held acquire(ClusterName cluster) {
        Path file = home.lockFile(cluster);
        long deadline = System.nanoTime() + timeout.toNanos();
        ReentrantLock threadLock = threadLocks.computeIfAbsent(cluster.value(), k -> new ReentrantLock());
        if (threadLock.isHeldByCurrentThread()) {
            // Re-entry (a command that calls another operation on the same cluster): the file lock is ours.
            threadLock.lock();
            return new Held(threadLock, null);
        }
        try {
            if (!threadLock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy(cluster, file);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(cluster, file);
        }
        try {
            return new Held(threadLock, lockFile(cluster, file, deadline));
        } catch (RuntimeException e) {
            threadLock.unlock();
            throw e;
        }
    }

    private FileLock lockFile(ClusterName cluster, Path file, long deadline) {
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            boolean told = false;
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return lock;
                }
                if (System.nanoTime() > deadline) {
                    channel.close();
                    throw busy(cluster, file);
                }
                if (!told) {
                    onWait.accept("waiting for another sikifanso command to finish with cluster \"" + cluster
                            + "\" (up to " + timeout.toSeconds() + "s)");
                    told = true;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            closeQuietly(channel);
            throw SikifansoException.failure("cannot create lock file " + file + ": " + e.getMessage(),
                    "check that " + home.root() + " is writable, or set SIKIFANSO_HOME to a directory you own", e);
        } catch (InterruptedException e) {
            closeQuietly(channel);
            Thread.currentThread().interrupt();
            throw busy(cluster, file);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private SikifansoException busy(ClusterName cluster, Path file) {
        return new SikifansoException("another sikifanso command is still changing cluster \"" + cluster
                + "\" (it holds " + file + ")",
                "wait for it to finish and retry, or give it longer with --lock-timeout (now " + timeout.toSeconds()
                        + "s)", SikifansoException.FAILURE, null);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing a lock channel we failed to use: nothing to recover.
            }
        }
    }

    /** A held cluster lock; closing it releases both levels. */
    public static final class Held implements AutoCloseable {
        private final ReentrantLock threadLock;
        private final FileLock fileLock;

        private Held(ReentrantLock threadLock, FileLock fileLock) {
            this.threadLock = threadLock;
            this.fileLock = fileLock;
        }

        @Override
        public void close() {
            try {
                if (fileLock != null) {
                    fileLock.channel().close();
                }
            } catch (IOException ignored) {
                // The OS releases the lock with the process anyway.
            } finally {
                threadLock.unlock();
            }
        }
    }
}

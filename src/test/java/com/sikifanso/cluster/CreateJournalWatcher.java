package com.sikifanso.cluster;

import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.agui.journal.JournalTail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Follows a cluster's activity journal from the test's JVM while a {@code sikifanso} process writes it: each poll's
 * entries are kept as one batch, so a test can tell events appended as they happened (several batches) from a run
 * appended at its end (one). Waits for the cluster's directory first: reading never creates it, here either.
 */
final class CreateJournalWatcher implements AutoCloseable {
    private final Path dir;
    private final List<List<JournalEntry>> batches = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean stop;

    CreateJournalWatcher(Path clusterDir) {
        this.dir = clusterDir;
        this.thread = Thread.ofVirtual().start(this::follow);
    }

    private void follow() {
        try {
            while (!stop && !Files.isDirectory(dir)) {
                Thread.sleep(50);
            }
            if (stop) {
                return;
            }
            try (JournalTail tail = new ActivityJournal(dir, JournalOptions.DEFAULTS).follow(0)) {
                while (!stop) {
                    List<JournalEntry> batch = tail.poll(Duration.ofMillis(100));
                    if (!batch.isEmpty()) {
                        batches.add(List.copyOf(batch));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits up to {@code limit} for an event matching {@code wanted}; whether it came. */
    boolean await(Predicate<AguiEvent> wanted, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (entries().stream().anyMatch(e -> wanted.test(e.event()))) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    List<List<JournalEntry>> batches() {
        return List.copyOf(batches);
    }

    List<JournalEntry> entries() {
        List<JournalEntry> all = new ArrayList<>();
        batches.forEach(all::addAll);
        return all;
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(5_000);
    }
}

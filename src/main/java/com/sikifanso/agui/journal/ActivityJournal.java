package com.sikifanso.agui.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A cluster's activity journal: AG-UI events as JSON Lines ({@code activity.jsonl} in the directory given), each
 * with a sequence number one above the last, whichever thread or process wrote it. Appending holds a file lock, so
 * lines never interleave; a line is written with one positioned write, so a writer killed mid-write leaves at most a
 * torn last line, which readers skip and the next writer cuts off. The file rotates at a size limit and old files
 * are deleted, so the journal stays bounded. Events pass through the redactor before they are stored. A run may end
 * without {@code RUN_FINISHED} or {@code RUN_ERROR}: long runs are appended while they happen ({@link RunAppender}),
 * and a process killed meanwhile leaves its run cut off; readers show such a run as ended where it stops.
 */
public final class ActivityJournal {
    private final JournalFiles files;
    private final JournalOptions options;

    public ActivityJournal(Path dir, JournalOptions options) {
        this.files = new JournalFiles(dir);
        this.options = options;
    }

    public Path directory() {
        return files.dir();
    }

    /** Stores {@code event} of run {@code runId}; returns it as stored (redacted) with its sequence number. */
    public JournalEntry append(String runId, AguiEvent event) {
        return append(runId, List.of(event)).get(0);
    }

    /** Stores several events under one lock, consecutively numbered. */
    public List<JournalEntry> append(String runId, List<AguiEvent> events) {
        List<ObjectNode> redacted = new ArrayList<>(events.size());
        for (AguiEvent e : events) {
            redacted.add(options.redactor().redact((ObjectNode) AguiJson.tree(e)));
        }
        Instant time = options.clock().instant();
        List<JournalEntry> stored = files.locked(true, () -> write(runId, redacted, time));
        return stored;
    }

    /** A sink for an {@link com.sikifanso.agui.AguiRun}: every event it sends is appended to the journal. */
    public Consumer<AguiEvent> sink(String runId) {
        return event -> append(runId, event);
    }

    /** The sequence number of the last stored event, 0 when the journal is empty. */
    public long lastSequence() {
        return files.locked(false, () -> {
            List<Path> all = files.all();
            for (int i = all.size() - 1; i >= 0; i--) {
                try (FileChannel channel = FileChannel.open(all.get(i), StandardOpenOption.READ)) {
                    long seq = JournalLines.lastSequence(channel, false);
                    if (seq >= 0) {
                        return seq;
                    }
                }
            }
            return 0L;
        });
    }

    /** Every stored event with a sequence number above {@code afterSequence}, oldest first. */
    public List<JournalEntry> readSince(long afterSequence) {
        return read(afterSequence, e -> true);
    }

    /**
     * Every stored event as journal lines, oldest first, for a snapshot to carry; a cluster created from it reads
     * them as its own history (sequence numbers go on from the last one).
     */
    public byte[] export() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (JournalEntry e : readSince(0L)) {
            out.writeBytes(JournalLines.encode(e.sequence(), e.time(), e.runId(), AguiJson.MAPPER.valueToTree(e.event())));
        }
        return out.toByteArray();
    }

    /** Every stored event written at or after {@code time}, oldest first. */
    public List<JournalEntry> readSince(Instant time) {
        return read(0, e -> !e.time().isBefore(time));
    }

    /** The stored events of one run, oldest first. */
    public List<JournalEntry> readRun(String runId) {
        return read(0, e -> e.runId().equals(runId));
    }

    /** Reads from {@code afterSequence} on and then follows new events; close it when done. */
    public JournalTail follow(long afterSequence) {
        return new JournalTail(files, afterSequence);
    }

    private List<JournalEntry> read(long afterSequence, Predicate<JournalEntry> wanted) {
        List<JournalEntry> out = new ArrayList<>();
        try (JournalTail tail = follow(afterSequence)) {
            for (List<JournalEntry> batch = tail.poll(); !batch.isEmpty(); batch = tail.poll()) {
                batch.stream().filter(wanted).forEach(out::add);
            }
        }
        return out;
    }

    private List<JournalEntry> write(String runId, List<ObjectNode> events, Instant time) throws IOException {
        List<JournalEntry> stored = new ArrayList<>(events.size());
        FileChannel channel = openCurrent();
        try {
            long sequence = lastSequenceForWriting(channel);
            for (ObjectNode event : events) {
                byte[] line = JournalLines.encode(++sequence, time, runId, event);
                long size = channel.size();
                if (size > 0 && size + line.length > options.maxFileBytes()) {
                    channel.close();
                    files.rotate(options.keptFiles());
                    channel = openCurrent();
                    size = 0;
                }
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer, size + buffer.position());
                }
                stored.add(new JournalEntry(sequence, time, runId, AguiJson.read(event)));
            }
        } finally {
            channel.close();
        }
        return stored;
    }

    private FileChannel openCurrent() throws IOException {
        return FileChannel.open(files.current(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    /** The last sequence, from the current file's tail (repairing a torn line) or, if it has none, older files. */
    private long lastSequenceForWriting(FileChannel current) throws IOException {
        long seq = JournalLines.lastSequence(current, true);
        if (seq >= 0) {
            return seq;
        }
        List<Path> rotated = files.rotated();
        for (int i = rotated.size() - 1; i >= 0; i--) {
            try (FileChannel channel = FileChannel.open(rotated.get(i), StandardOpenOption.READ)) {
                seq = JournalLines.lastSequence(channel, false);
                if (seq >= 0) {
                    return seq;
                }
            }
        }
        return 0;
    }
}

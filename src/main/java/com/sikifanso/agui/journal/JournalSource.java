package com.sikifanso.agui.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * One journal file being read: an open channel (it stays readable after a rotation renames or deletes the file)
 * and the offset of the first line not read yet. It only ever moves past complete lines, so a line still being
 * written, or torn by a crash, is read again whole later or never.
 */
final class JournalSource implements AutoCloseable {
    private static final int CHUNK = 64 * 1024;
    private final FileChannel channel;
    private final Object fileKey;
    private long position;

    private JournalSource(FileChannel channel, Object fileKey) {
        this.channel = channel;
        this.fileKey = fileKey;
    }

    /** Opens {@code file}, or returns null when a rotation deleted it in the meantime. */
    static JournalSource open(Path file) throws IOException {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            return new JournalSource(channel, Files.readAttributes(file, BasicFileAttributes.class).fileKey());
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    Object fileKey() {
        return fileKey;
    }

    /**
     * Adds the entries of the complete lines from the current offset (up to about one chunk's worth) whose sequence
     * is above {@code after} to {@code into}; returns the highest sequence seen, or {@code after} if none.
     */
    long read(long after, List<JournalEntry> into) throws IOException {
        int size = CHUNK;
        while (true) {
            ByteBuffer buffer = ByteBuffer.allocate(size);
            int n = channel.read(buffer, position);
            if (n <= 0) {
                return after;
            }
            byte[] bytes = buffer.array();
            int lineStart = 0;
            for (int i = 0; i < n; i++) {
                if (bytes[i] == '\n') {
                    after = accept(bytes, lineStart, i, after, into);
                    lineStart = i + 1;
                }
            }
            if (lineStart > 0 || n < size) {
                position += lineStart;
                return after;
            }
            size *= 2;   // one line longer than the buffer: read it whole
        }
    }

    private static long accept(byte[] bytes, int from, int to, long after, List<JournalEntry> into) {
        long seq = JournalLines.sequence(bytes, from, to);
        if (seq > after) {
            JournalLines.decode(bytes, from, to).ifPresent(into::add);
            return seq;
        }
        return after;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

package com.sikifanso.agui.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.agui.AguiJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * One journal line: {@code {"seq":N,"time":"...","runId":"...","event":{...}}} and a newline. {@code seq} comes
 * first so a reader can skip a line by its first bytes, and a writer can find the last sequence from the file's
 * tail alone.
 */
final class JournalLines {
    private static final byte[] PREFIX = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);
    private static final int TAIL_CHUNK = 8192;

    private JournalLines() {
    }

    static byte[] encode(long sequence, Instant time, String runId, ObjectNode event) {
        ObjectNode line = AguiJson.MAPPER.createObjectNode();
        line.put("seq", sequence);
        line.put("time", time.toString());
        line.put("runId", runId);
        line.set("event", event);
        try {
            byte[] json = AguiJson.MAPPER.writeValueAsBytes(line);
            byte[] out = new byte[json.length + 1];
            System.arraycopy(json, 0, out, 0, json.length);
            out[json.length] = '\n';
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sequence number at the start of a line, or -1 when the line does not start like one of ours. */
    static long sequence(byte[] buf, int from, int to) {
        if (to - from <= PREFIX.length) {
            return -1;
        }
        for (int i = 0; i < PREFIX.length; i++) {
            if (buf[from + i] != PREFIX[i]) {
                return -1;
            }
        }
        long n = 0;
        int i = from + PREFIX.length;
        int start = i;
        while (i < to && buf[i] >= '0' && buf[i] <= '9' && i - start < 18) {
            n = n * 10 + (buf[i++] - '0');
        }
        return i == start || i >= to || buf[i] != ',' ? -1 : n;
    }

    /** The entry on a complete line, or empty when the line is not valid JSON of an event (a reader skips it). */
    static Optional<JournalEntry> decode(byte[] buf, int from, int to) {
        try {
            JsonNode line = AguiJson.MAPPER.readTree(buf, from, to - from);
            return Optional.of(new JournalEntry(line.get("seq").asLong(), Instant.parse(line.get("time").asText()),
                    line.get("runId").asText(), AguiJson.read(line.get("event"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The sequence of the last complete line of the file, or -1 when it has none. A torn last line (no newline:
     * its writer died mid-write) is cut off first: only a writer holding the lock may call this, and no other
     * writer can still be writing it.
     */
    static long lastSequence(FileChannel channel, boolean repair) throws IOException {
        long size = channel.size();
        long end = completeEnd(channel, size);
        if (end < size && repair) {
            channel.truncate(end);
        }
        while (end > 0) {
            long start = lineStart(channel, end - 1);
            byte[] line = read(channel, start, (int) (end - start));
            long seq = sequence(line, 0, line.length);
            if (seq >= 0) {
                return seq;
            }
            end = start;
        }
        return -1;
    }

    /** The offset just past the last newline at or before {@code size}, 0 when there is none. */
    private static long completeEnd(FileChannel channel, long size) throws IOException {
        long pos = size;
        while (pos > 0) {
            int n = (int) Math.min(TAIL_CHUNK, pos);
            byte[] chunk = read(channel, pos - n, n);
            for (int i = n - 1; i >= 0; i--) {
                if (chunk[i] == '\n') {
                    return pos - n + i + 1;
                }
            }
            pos -= n;
        }
        return 0;
    }

    /** The offset where the line whose newline is at {@code newline} starts. */
    private static long lineStart(FileChannel channel, long newline) throws IOException {
        return completeEnd(channel, newline);
    }

    private static byte[] read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.array();
    }
}

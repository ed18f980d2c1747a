package com.sikifanso.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads newline-framed messages of at most {@code limit} bytes. A longer line is skipped to its end
 * without being kept in memory, and reported as {@link Line#oversized()}, so the stream goes on.
 */
final class BoundedLineReader {
    /** One line: its text, or oversized (text empty). */
    record Line(String text, boolean oversized) {
    }

    private final InputStream in;
    private final int limit;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int end;

    BoundedLineReader(InputStream in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean oversized = false;
        boolean any = false;
        while (true) {
            if (position == end) {
                end = in.read(buffer, 0, buffer.length);
                position = 0;
                if (end <= 0) {
                    end = 0;
                    return any ? finish(line, oversized) : null;
                }
            }
            any = true;
            int newline = indexOfNewline();
            int stop = newline < 0 ? end : newline;
            if (!oversized) {
                line.write(buffer, position, stop - position);
                if (line.size() > limit) {
                    oversized = true;
                    line = new ByteArrayOutputStream();
                }
            }
            position = newline < 0 ? end : newline + 1;
            if (newline >= 0) {
                return finish(line, oversized);
            }
        }
    }

    private int indexOfNewline() {
        for (int i = position; i < end; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static Line finish(ByteArrayOutputStream line, boolean oversized) {
        return new Line(oversized ? "" : line.toString(StandardCharsets.UTF_8), oversized);
    }
}

package com.sikifanso.agui.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a Server-Sent Events stream as the HTML standard's parser does, handing on the {@code data} of each event:
 * {@code data:} lines joined with newlines, dispatched at a blank line; comments ({@code :}) and the other fields
 * ({@code id}, {@code event}, {@code retry}) carry nothing an AG-UI consumer needs, so they are skipped.
 */
public final class SseFrames {
    private SseFrames() {
    }

    /** Reads until the stream ends; a last event not closed by a blank line is dropped, as the standard says. */
    public static void read(InputStream in, Consumer<String> data) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StringBuilder frame = null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty()) {
                if (frame != null) {
                    data.accept(frame.toString());
                }
                frame = null;
            } else if (fieldName(line).equals("data")) {
                String value = fieldValue(line);
                frame = frame == null ? new StringBuilder(value) : frame.append('\n').append(value);
            }
        }
    }

    private static String fieldName(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? line : line.substring(0, colon);
    }

    private static String fieldValue(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return "";
        }
        int from = colon + 1 < line.length() && line.charAt(colon + 1) == ' ' ? colon + 2 : colon + 1;
        return line.substring(from);
    }
}

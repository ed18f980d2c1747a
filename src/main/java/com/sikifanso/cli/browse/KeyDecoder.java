package com.sikifanso.cli.browse;

import java.io.IOException;

/**
 * Turns what a terminal sends into keys: arrows and paging keys arrive as escape sequences ({@code ESC [ A} or, in
 * keypad mode, {@code ESC O A}), and a lone ESC is told from the start of one by the pause after it.
 */
public final class KeyDecoder {
    /** Characters from the terminal; {@link #TIMEOUT} when none came in time, a negative value at the end. */
    @FunctionalInterface
    public interface Source {
        int read(long timeoutMillis) throws IOException;
    }

    public static final int TIMEOUT = -2;
    /** A sequence's bytes follow each other at once; a person does not type the next key this fast. */
    private static final long SEQUENCE_MILLIS = 50;

    private final Source source;

    public KeyDecoder(Source source) {
        this.source = source;
    }

    /** The next key, or null when none came within {@code timeoutMillis} (or the input ended: then Ctrl+C). */
    public Key next(long timeoutMillis) throws IOException {
        int c = source.read(timeoutMillis);
        if (c == TIMEOUT) {
            return null;
        }
        return switch (c) {
            case 3 -> new Key.CtrlC();
            case '\r', '\n' -> new Key.Enter();
            case 127, 8 -> new Key.Backspace();
            case 27 -> escape();
            default -> c < 0 ? new Key.CtrlC() : c >= ' ' ? new Key.Char((char) c) : new Key.Other();
        };
    }

    private Key escape() throws IOException {
        int c = source.read(SEQUENCE_MILLIS);
        if (c == TIMEOUT || c == 27) {
            return new Key.Escape();
        }
        if (c != '[' && c != 'O') {
            return new Key.Other();   // Alt+key: nothing here
        }
        int last = source.read(SEQUENCE_MILLIS);
        StringBuilder digits = new StringBuilder();
        while (last >= '0' && last <= '9' || last == ';') {
            digits.append((char) last);
            last = source.read(SEQUENCE_MILLIS);
        }
        return switch (last) {
            case 'A' -> new Key.Up();
            case 'B' -> new Key.Down();
            case 'H' -> new Key.Home();
            case 'F' -> new Key.End();
            case '~' -> tilde(digits.toString());
            default -> new Key.Other();
        };
    }

    private static Key tilde(String code) {
        return switch (code) {
            case "5" -> new Key.PageUp();
            case "6" -> new Key.PageDown();
            case "1", "7" -> new Key.Home();
            case "4", "8" -> new Key.End();
            default -> new Key.Other();
        };
    }
}

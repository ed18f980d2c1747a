package com.sikifanso.cli.browse;

import java.util.ArrayList;
import java.util.List;

/** One screen line as styled pieces of text, drawn by the terminal and read as plain text by tests. */
public record StyledLine(List<Piece> pieces) {
    public enum Style { PLAIN, BOLD, DIM, GREEN, YELLOW, RED, CYAN, INVERSE }

    public record Piece(String text, Style style) {
    }

    public StyledLine {
        pieces = List.copyOf(pieces);
    }

    public String plain() {
        StringBuilder s = new StringBuilder();
        pieces.forEach(p -> s.append(p.text()));
        return s.toString();
    }

    /** Builds a line no wider than a given number of characters: what does not fit is cut. */
    static final class Builder {
        private final List<Piece> pieces = new ArrayList<>();
        private final int width;
        private int used;

        Builder(int width) {
            this.width = Math.max(0, width);
        }

        Builder add(String text, Style style) {
            String fitted = text.length() > width - used ? text.substring(0, width - used) : text;
            if (!fitted.isEmpty()) {
                pieces.add(new Piece(fitted, style));
                used += fitted.length();
            }
            return this;
        }

        Builder add(String text) {
            return add(text, Style.PLAIN);
        }

        /** {@code text} cut or padded with spaces to exactly {@code columns} characters. */
        Builder column(String text, int columns, Style style) {
            String cut = text.length() > columns ? text.substring(0, Math.max(0, columns - 1)) + "…" : text;
            return add(cut + " ".repeat(Math.max(0, columns - cut.length())), style);
        }

        int left() {
            return width - used;
        }

        StyledLine build() {
            return new StyledLine(pieces);
        }
    }
}

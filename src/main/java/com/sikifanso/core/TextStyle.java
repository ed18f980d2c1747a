package com.sikifanso.core;

/**
 * How result text is written for its reader: emphasis (colour on a terminal, nothing for a model or a pipe) and
 * the commands it names (a next step as the CLI's words, or as a tool and its arguments for a model).
 */
public interface TextStyle {
    /** Plain text: what MCP clients, logs and pipes get. */
    TextStyle PLAIN = new TextStyle() {
    };

    default String green(String s) {
        return s;
    }

    default String red(String s) {
        return s;
    }

    default String yellow(String s) {
        return s;
    }

    default String bold(String s) {
        return s;
    }

    /** A next step or a fix, in this reader's words: the CLI's unless a surface says otherwise. */
    default String hint(Hint hint) {
        return hint.cli();
    }

    /** {@link #hint} of the pieces {@link Hint#of} reads: text, suggestions and mentions in order. */
    default String hint(Object... pieces) {
        return hint(Hint.of(pieces));
    }
}

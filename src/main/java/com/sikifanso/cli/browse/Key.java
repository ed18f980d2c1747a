package com.sikifanso.cli.browse;

/** A key the catalog browser understands, decoded from what the terminal sent. */
public sealed interface Key {
    record Up() implements Key {
    }

    record Down() implements Key {
    }

    record PageUp() implements Key {
    }

    record PageDown() implements Key {
    }

    record Home() implements Key {
    }

    record End() implements Key {
    }

    record Enter() implements Key {
    }

    record Escape() implements Key {
    }

    record Backspace() implements Key {
    }

    record CtrlC() implements Key {
    }

    /** A printable character (space included). */
    record Char(char c) implements Key {
    }

    /** Anything else (a function key, a control character): ignored. */
    record Other() implements Key {
    }
}

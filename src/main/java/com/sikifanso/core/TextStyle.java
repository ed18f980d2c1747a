package com.sikifanso.core;

/** How result text may be emphasised: colour on a terminal, nothing for a model or a pipe. */
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
}

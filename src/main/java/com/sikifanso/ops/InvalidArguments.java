package com.sikifanso.ops;

/** Arguments that do not fit an operation's input schema: a tool error from MCP 2025-11-25 on, -32602 before. */
public final class InvalidArguments extends RuntimeException {
    public InvalidArguments(String message) {
        super(message);
    }
}

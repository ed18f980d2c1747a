package com.sikifanso.ops;

/** Arguments that do not fit an operation's input schema; MCP answers it as JSON-RPC -32602. */
public final class InvalidArguments extends RuntimeException {
    public InvalidArguments(String message) {
        super(message);
    }
}

package com.sikifanso.core;

/**
 * The one user-facing error: a message that names the problem, a hint that names the fix,
 * and the exit code. Only {@code Main} prints it.
 */
public final class SikifansoException extends RuntimeException {
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int TIMEOUT = 3;

    private final String hint;
    private final int exitCode;

    public SikifansoException(String message, String hint, int exitCode, Throwable cause) {
        super(message, cause);
        this.hint = hint;
        this.exitCode = exitCode;
    }

    public static SikifansoException failure(String message, String hint) {
        return new SikifansoException(message, hint, FAILURE, null);
    }

    public static SikifansoException failure(String message, String hint, Throwable cause) {
        return new SikifansoException(message, hint, FAILURE, cause);
    }

    public static SikifansoException usage(String message, String hint) {
        return new SikifansoException(message, hint, USAGE, null);
    }

    /** The fix to show under the message, or null. */
    public String hint() {
        return hint;
    }

    public int exitCode() {
        return exitCode;
    }
}

package com.sikifanso.core;

/**
 * The one user-facing error: a message that names the problem, a hint that names the fix,
 * and the exit code. Only {@code Main} prints it. Message and hint are {@link Hint}s, so a command they
 * name is rendered per surface ({@link #getMessage()} and {@link #hint()} are the CLI's words).
 */
public final class SikifansoException extends RuntimeException {
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int TIMEOUT = 3;

    private final Hint problem;
    private final Hint fix;
    private final int exitCode;

    public SikifansoException(String message, String hint, int exitCode, Throwable cause) {
        this(Hint.text(message), Hint.text(hint), exitCode, cause);
    }

    public SikifansoException(Hint message, Hint hint, int exitCode, Throwable cause) {
        super(message == null ? null : message.cli(), cause);
        this.problem = message;
        this.fix = hint;
        this.exitCode = exitCode;
    }

    public static SikifansoException failure(String message, String hint) {
        return new SikifansoException(message, hint, FAILURE, null);
    }

    public static SikifansoException failure(String message, String hint, Throwable cause) {
        return new SikifansoException(message, hint, FAILURE, cause);
    }

    /**
     * A fix that names commands: text, {@link Suggestion}s, mentions and hints in reading order (see
     * {@link Hint#of}); a {@link Throwable} last is the cause. (Two parameters before the rest, so
     * {@code failure(message, null)} still means the plain-text form.)
     */
    public static SikifansoException failure(String message, Object fix, Object... more) {
        return fixed(Hint.text(message), FAILURE, fix, more);
    }

    /** A message that names a command too. */
    public static SikifansoException failure(Hint message, Object... fix) {
        return fixed(message, FAILURE, fix);
    }

    /** Waited and gave up: exit code 3. */
    public static SikifansoException timeout(String message, Object fix, Object... more) {
        return fixed(Hint.text(message), TIMEOUT, fix, more);
    }

    public static SikifansoException usage(String message, String hint) {
        return new SikifansoException(message, hint, USAGE, null);
    }

    public static SikifansoException usage(String message, Object fix, Object... more) {
        return fixed(Hint.text(message), USAGE, fix, more);
    }

    public static SikifansoException usage(Hint message, Object... fix) {
        return fixed(message, USAGE, fix);
    }

    private static SikifansoException fixed(Hint message, int exitCode, Object first, Object... more) {
        Object[] all = new Object[more.length + 1];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        return fixed(message, exitCode, all);
    }

    private static SikifansoException fixed(Hint message, int exitCode, Object[] fix) {
        Throwable cause = fix.length > 0 && fix[fix.length - 1] instanceof Throwable t ? t : null;
        Object[] words = cause == null ? fix : java.util.Arrays.copyOf(fix, fix.length - 1);
        Hint hint = Hint.of(words);
        return new SikifansoException(message, hint.parts().isEmpty() ? null : hint, exitCode, cause);
    }

    /**
     * The same error with {@code cluster} given to the commands it suggests that act on a cluster and name none
     * ({@link Hint#inCluster}); this one when there are none.
     */
    public SikifansoException inCluster(String cluster, java.util.function.Predicate<Suggestion> actsOnACluster) {
        Hint message = problem == null ? null : problem.inCluster(cluster, actsOnACluster);
        Hint hint = fix == null ? null : fix.inCluster(cluster, actsOnACluster);
        if (message == problem && hint == fix) {
            return this;
        }
        SikifansoException given = new SikifansoException(message, hint, exitCode, getCause());
        given.setStackTrace(getStackTrace());
        return given;
    }

    /** The fix to show under the message, in the CLI's words, or null. */
    public String hint() {
        return fix == null ? null : fix.cli();
    }

    /** The fix as written, for a surface that names commands its own way; null when there is none. */
    public Hint fix() {
        return fix;
    }

    /** The message as written. */
    public Hint problem() {
        return problem;
    }

    public int exitCode() {
        return exitCode;
    }
}

package com.sikifanso.core;

/** What an error message shows of a failure: the innermost cause says what actually went wrong. */
public final class Throwables {
    private Throwables() {
    }

    public static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * The root cause's first line, or, when it has no message, what its class means: "it ends early" for an
     * {@link java.io.EOFException} (readers throw it bare at a file cut short), else the class name.
     */
    public static String rootMessage(Throwable e) {
        Throwable t = rootCause(e);
        String m = t.getMessage();
        if (m != null && !m.isBlank()) {
            return firstLine(m);
        }
        return t instanceof java.io.EOFException ? "it ends early" : t.getClass().getSimpleName();
    }

    public static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("");
    }
}

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

    /** The root cause's first line, or its class name when it has no message. */
    public static String rootMessage(Throwable e) {
        Throwable t = rootCause(e);
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : firstLine(m);
    }

    public static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("");
    }
}

package com.sikifanso.core;

import java.util.function.Consumer;

/**
 * A progress sink that can also show a running figure (bytes pulled so far): redrawn in place on
 * a terminal, printed now and then otherwise. Sinks without it just see the steps.
 */
public interface UpdatingProgress extends Consumer<String> {
    /** Replaces the current step's text without closing it as a finished step. */
    void update(String line);

    /** Sends {@code line} as an update to sinks that show updates; others ignore it. */
    static void update(Consumer<String> progress, String line) {
        if (progress instanceof UpdatingProgress updating) {
            updating.update(line);
        }
    }
}

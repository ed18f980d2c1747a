package com.sikifanso.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/**
 * How a long operation reports what it is doing: its phases as steps, running figures as activities, and facts or
 * warnings along the way as notes. Inside an invocation these become the run's AG-UI events ({@code STEP_STARTED/
 * FINISHED}, {@code ACTIVITY_SNAPSHOT/DELTA}); the CLI's lines and MCP's progress notifications are rendered from
 * those events. Being a {@code Consumer<String>}, a plain line is a note.
 */
public interface Progress extends Consumer<String> {
    /** Reports to no one (a doctor check's own preflight). */
    Progress NONE = new Progress() {
        @Override
        public void step(String name) {
        }

        @Override
        public void note(String text) {
        }

        @Override
        public void activity(String kind, ObjectNode content) {
        }
    };

    /** Starts the phase {@code name} (shown as a line), finishing the one before it. */
    void step(String name);

    /** A fact or warning about the current phase, shown as a line. */
    void note(String text);

    /**
     * A note that names a command or a flag: each reader gets it in its own words ({@link HintedLines}), the
     * terminal the command to type, a model the tool and its arguments.
     */
    default void note(Hint hint) {
        note(hint.cli());
    }

    /**
     * The current figures of {@code kind} (e.g. a sync wait's apps, a pull's bytes): the first of a kind in a step
     * is sent whole, later ones as the change from the last. A {@code text} field is shown as a line whenever it
     * changes; a {@code status} field replaces the current line in place (on a terminal) whenever it changes.
     */
    void activity(String kind, ObjectNode content);

    @Override
    default void accept(String line) {
        note(line);
    }
}

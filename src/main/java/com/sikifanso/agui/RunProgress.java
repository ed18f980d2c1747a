package com.sikifanso.agui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.Hint;
import com.sikifanso.core.Progress;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@link Progress} as events of an {@link AguiRun}: a step is {@code STEP_STARTED} (after the previous step's
 * {@code STEP_FINISHED}), an activity is {@code ACTIVITY_SNAPSHOT} the first time of its kind in a step and
 * {@code ACTIVITY_DELTA} (a JSON Patch) afterwards, a note is an {@code ACTIVITY_SNAPSHOT} of kind {@code note}.
 * Reports after the run ended (a background thread late by a moment) are dropped rather than break the run's order.
 */
public final class RunProgress implements Progress {
    public static final String NOTE = "note";

    private final AguiRun run;
    private final Map<String, AguiRun.Activity> activities = new HashMap<>();
    private AguiRun.Step current;

    public RunProgress(AguiRun run) {
        this.run = run;
    }

    /** Progress shown as lines on {@code lines} (see {@link ProgressText}), for code running outside an invocation. */
    public static Progress toLines(Consumer<String> lines) {
        String id = UUID.randomUUID().toString();
        return new RunProgress(AguiRun.start("local", id, null, new ProgressText(lines)));
    }

    @Override
    public synchronized void step(String name) {
        if (run.ended()) {
            return;
        }
        finishStep();
        current = run.step(name);
    }

    @Override
    public synchronized void note(String text) {
        if (!run.ended()) {
            run.activity(NOTE, AguiJson.MAPPER.createObjectNode().put("text", text));
        }
    }

    /** The note's text in the CLI's words, and its parts, which {@link ProgressText} renders for its reader. */
    @Override
    public synchronized void note(Hint hint) {
        if (!run.ended()) {
            run.activity(NOTE, AguiJson.MAPPER.createObjectNode().put("text", hint.cli())
                    .set(NoteHints.FIELD, NoteHints.write(hint)));
        }
    }

    @Override
    public synchronized void activity(String kind, ObjectNode content) {
        if (run.ended()) {
            return;
        }
        AguiRun.Activity activity = activities.get(kind);
        if (activity == null) {
            activities.put(kind, run.activity(kind, content));
        } else {
            activity.update(content);
        }
    }

    /** Finishes the current step, if any; the run's end needs every step finished. */
    public synchronized void finishStep() {
        if (current != null) {
            current.close();
            current = null;
        }
        activities.clear();
    }
}

package com.sikifanso.agui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.Hint;
import com.sikifanso.core.HintedLines;
import com.sikifanso.core.UpdatingProgress;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Renders a run's progress events as the lines a person reads: a started step's name, an activity's {@code text}
 * whenever it changes (notes are activities too), and its {@code status} as an update in place for sinks that show
 * updates ({@link UpdatingProgress}: the CLI's spinner). A note that names commands carries them as parts too, written
 * in the reader's words ({@link HintedLines}: tools for a model). Every other event is not progress and is ignored. The CLI's
 * progress lines and MCP's progress notifications are this, so both say what the events say.
 */
public final class ProgressText implements Consumer<AguiEvent> {
    private final Consumer<String> lines;
    private final Hint.Renderer renderer;
    private final Map<String, JsonNode> activities = new HashMap<>();

    /** Lines for {@code lines}' reader: a note's commands in its words when it is {@link HintedLines}. */
    public ProgressText(Consumer<String> lines) {
        this.lines = lines;
        this.renderer = HintedLines.rendererOf(lines);
    }

    @Override
    public synchronized void accept(AguiEvent event) {
        switch (event) {
            case AguiEvent.StepStarted s -> lines.accept(s.stepName());
            case AguiEvent.ActivitySnapshot a -> {
                activities.put(a.messageId(), a.content());
                show(a.content(), null);
            }
            case AguiEvent.ActivityDelta d -> {
                JsonNode before = activities.get(d.messageId());
                if (before != null) {
                    JsonNode after = JsonPatches.apply(d.patch(), before);
                    activities.put(d.messageId(), after);
                    show(after, d.patch());
                }
            }
            default -> {
            }
        }
    }

    /** Shows the content's text and status when the patch changed them ({@code null}: everything is new). */
    private void show(JsonNode content, ArrayNode patch) {
        if (content instanceof ObjectNode o) {
            if (o.hasNonNull("text") && touches(patch, "/text")) {
                String text = o.get("text").asText();
                lines.accept(o.has(NoteHints.FIELD) && renderer != Hint.CLI
                        ? NoteHints.read(o.get(NoteHints.FIELD)).map(h -> h.render(renderer)).orElse(text) : text);
            }
            if (o.hasNonNull("status") && touches(patch, "/status")) {
                UpdatingProgress.update(lines, o.get("status").asText());
            }
        }
    }

    private static boolean touches(ArrayNode patch, String path) {
        if (patch == null) {
            return true;
        }
        for (JsonNode op : patch) {
            if (path.equals(op.path("path").asText())) {
                return true;
            }
        }
        return false;
    }
}

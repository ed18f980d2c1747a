package com.sikifanso.mcp;

import com.sikifanso.core.Hint;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Suggestion;
import com.sikifanso.core.TextStyle;
import com.sikifanso.ops.JsonSchemas;
import com.sikifanso.ops.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An error's words as a model should read them: a suggested command that a tool offered here does becomes the
 * tool and its arguments ({@code app_sync with name: "qdrant", cluster: "lab"}), a mentioned flag its argument
 * ({@code force: true}). A command no tool offered does (or one whose arguments the tool's input lacks) stays
 * the terminal command it is. The AI operator's tool errors read the same way, and so do results: their text
 * ({@link #style()}) and the hints in their structured content (a doctor check's fix).
 */
public final class ToolHints implements Hint.Renderer {
    private final Map<String, Operation<?, ?>> tools;

    public ToolHints(List<Operation<?, ?>> offered) {
        this.tools = new LinkedHashMap<>();
        offered.forEach(op -> tools.put(op.name(), op));
    }

    /** The hint for a model; null for none. */
    public String render(Hint hint) {
        return hint == null ? null : hint.render(this);
    }

    /** Plain result text whose next steps name tools: an operation's text renderer for a model. */
    public TextStyle style() {
        return new TextStyle() {
            @Override
            public String hint(Hint hint) {
                return ToolHints.this.render(hint);
            }
        };
    }

    /** An error as the model reads it: the message, and the fix when there is one. */
    public String error(SikifansoException e) {
        return render(e.problem()) + (e.fix() == null ? "" : "\nTo fix: " + render(e.fix()));
    }

    @Override
    public String command(Suggestion suggestion) {
        Operation<?, ?> op = tools.get(suggestion.tool());
        if (op == null || suggestion.terminalOnly() || !misfits(suggestion).isEmpty()) {
            return suggestion.cli();
        }
        String args = suggestion.arguments().stream().filter(a -> a.input() != null)
                .map(a -> a.input() + ": " + value(op, a))
                .collect(Collectors.joining(", "));
        return args.isEmpty() ? op.name() : op.name() + " with " + args;
    }

    @Override
    public String mention(Hint.Mention mention) {
        Suggestion.Argument a = mention.of().arguments().getLast();
        Operation<?, ?> op = tools.get(mention.of().tool());
        if (op == null || a.input() == null || !misfits(mention.of()).isEmpty()) {
            return Hint.CLI.mention(mention);
        }
        return mention.withValue() || a.value() == null ? a.input() + ": " + value(op, a) : a.input();
    }

    /** Tool calls are not joined by a shell: one, then the other. */
    @Override
    public String then() {
        return ", then ";
    }

    /** The arguments the suggested tool's input has no property for (none when no tool is offered for it). */
    public List<String> misfits(Suggestion suggestion) {
        Operation<?, ?> op = tools.get(suggestion.tool());
        if (op == null) {
            return List.of();
        }
        Map<String, Object> inputs = properties(op);
        return suggestion.arguments().stream().map(Suggestion.Argument::input)
                .filter(input -> input != null && !inputs.containsKey(input)).toList();
    }

    public boolean offers(String tool) {
        return tools.containsKey(tool);
    }

    /** Quoted unless the schema says it is a boolean or a number; a list of one for an array. */
    private static String value(Operation<?, ?> op, Suggestion.Argument a) {
        if (a.toolValue() != null || a.value() == null) {
            return a.toolValue() == null ? "true" : a.toolValue();
        }
        Object type = properties(op).get(a.input()) instanceof Map<?, ?> schema ? schema.get("type") : null;
        boolean bare = "integer".equals(type) || "number".equals(type) || "boolean".equals(type);
        String quoted = "\"" + a.value() + "\"";
        return bare ? a.value() : "array".equals(type) ? "[" + quoted + "]" : quoted;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Operation<?, ?> op) {
        return (Map<String, Object>) JsonSchemas.input(op.input()).get("properties");
    }
}

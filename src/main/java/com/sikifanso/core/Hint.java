package com.sikifanso.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Words for a person or a model that may name commands: an error's fix, or a message that names one. Text and
 * {@link Suggestion}s in order, so each surface renders the commands in its own terms ({@link #cli()} for the
 * terminal; mcp/ToolHints for tools). In a result it is JSON text in the words of the renderer the serialisation
 * was given as the attribute {@code Hint.Renderer.class} (ops/StructuredResults), the CLI's by default.
 */
@JsonSerialize(using = Hint.Json.class)
public record Hint(List<Part> parts) {
    public Hint {
        parts = List.copyOf(parts);
    }

    /** A piece of a hint. */
    public sealed interface Part permits Text, Suggestion, Mention, Then {
    }

    public record Text(String text) implements Part {
    }

    /** A flag named in prose: its suggestion's last argument, with its value or without. */
    public record Mention(Suggestion of, boolean withValue) implements Part {
    }

    /** Between two steps done one after the other: {@code a && b} at a shell, "a, then b" for a model. */
    public record Then() implements Part {
    }

    /** The step before it, then the step after it: {@code Hint.of(stop, Hint.THEN, start)}. */
    public static final Then THEN = new Then();

    /** How a surface writes commands. */
    public interface Renderer {
        String command(Suggestion suggestion);

        String mention(Mention mention);

        /** Joins two steps: the shell's {@code &&} unless the surface says otherwise. */
        default String then() {
            return " && ";
        }
    }

    /** The terminal's words: the command as typed, a flag as {@code --force}. */
    public static final Renderer CLI = new Renderer() {
        @Override
        public String command(Suggestion suggestion) {
            return suggestion.cli();
        }

        @Override
        public String mention(Mention mention) {
            Suggestion.Argument a = mention.of().arguments().getLast();
            return mention.withValue() ? a.cli() : a.flag();
        }
    };

    /**
     * Text ({@link CharSequence}s and anything else by its {@code toString}), suggestions, mentions and other
     * hints (spliced in), in reading order; nulls are skipped.
     */
    public static Hint of(Object... pieces) {
        List<Part> parts = new ArrayList<>();
        for (Object piece : pieces) {
            switch (piece) {
                case null -> { }
                case Hint h -> parts.addAll(h.parts());
                case Part p -> parts.add(p);
                case Throwable t -> throw new IllegalArgumentException("a cause is not hint text: " + t);
                default -> parts.add(new Text(String.valueOf(piece)));
            }
        }
        return new Hint(parts);
    }

    /** The hints one after another, the separator between them. */
    public static Hint join(String separator, List<Hint> hints) {
        List<Object> pieces = new ArrayList<>();
        for (Hint hint : hints) {
            pieces.add(pieces.isEmpty() ? null : separator);
            pieces.add(hint);
        }
        return of(pieces.toArray());
    }

    /** Plain words, or null for none. */
    public static Hint text(String words) {
        return words == null ? null : of(words);
    }

    public String render(Renderer renderer) {
        StringBuilder s = new StringBuilder();
        for (Part part : parts) {
            s.append(switch (part) {
                case Text t -> t.text();
                case Suggestion c -> renderer.command(c);
                case Mention m -> renderer.mention(m);
                case Then t -> renderer.then();
            });
        }
        return s.toString();
    }

    public String cli() {
        return render(CLI);
    }

    /**
     * This hint with {@code cluster} given to each suggested command that acts on a cluster
     * ({@code actsOnACluster}) and names none: an error of a call on cluster lab tells the next step for lab, not
     * for the default cluster. Mentioned flags stay as they are (they name one flag, not a command to run).
     */
    public Hint inCluster(String cluster, java.util.function.Predicate<Suggestion> actsOnACluster) {
        List<Part> given = parts.stream().map(p -> p instanceof Suggestion s && !s.namesACluster()
                && actsOnACluster.test(s) ? (Part) s.cluster(cluster) : p).toList();
        return given.equals(parts) ? this : new Hint(given);
    }

    /** Every command it names, mentioned flags' commands included. */
    public List<Suggestion> suggestions() {
        return parts.stream().<Suggestion>mapMulti((p, out) -> {
            if (p instanceof Suggestion s) {
                out.accept(s);
            } else if (p instanceof Mention m) {
                out.accept(m.of());
            }
        }).toList();
    }

    @Override
    public String toString() {
        return cli();
    }

    /** A hint in a result: a string, rendered for the surface the result is written for. */
    public static final class Json extends StdSerializer<Hint> {
        public Json() {
            super(Hint.class);
        }

        @Override
        public void serialize(Hint hint, JsonGenerator json, SerializerProvider provider) throws IOException {
            Renderer renderer = provider.getAttribute(Renderer.class) instanceof Renderer r ? r : CLI;
            json.writeString(hint.render(renderer));
        }
    }
}

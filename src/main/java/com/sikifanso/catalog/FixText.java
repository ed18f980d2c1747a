package com.sikifanso.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A catalog entry's fix (its {@code diagnostics}, written in YAML by the entry's author, e.g. "check sikifanso app
 * status valkey; then sikifanso app rotate-credentials langfuse") with the sikifanso commands in it as
 * {@link Suggestion}s, so doctor's row and a model read each command in their own words. Only a command that renders
 * on the CLI exactly as written becomes one; everything else (YAML to write, kubectl, a pipe) stays the author's text.
 */
public final class FixText {
    /** {@code cluster doctor} alone, or a command and its NAME, with an agent's {@code --allow APP}. */
    private static final Pattern COMMAND = Pattern.compile("sikifanso (?:(cluster doctor)|(app (?:status|sync|logs|"
            + "rotate-credentials|credentials|enable|history|diff)|agent update) ([A-Za-z0-9][A-Za-z0-9-]*)"
            + "(?: --allow ([a-z0-9][a-z0-9-]*))?)");

    private FixText() {
    }

    public static Hint hint(String text) {
        if (text == null) {
            return null;
        }
        List<Object> pieces = new ArrayList<>();
        Matcher m = COMMAND.matcher(text);
        int at = 0;
        while (m.find()) {
            Suggestion command = suggestion(m);
            if (command.cli().equals(m.group())) {
                pieces.add(text.substring(at, m.start()));
                pieces.add(command);
                at = m.end();
            }
        }
        pieces.add(text.substring(at));
        return Hint.of(pieces.stream().filter(p -> !"".equals(p)).toArray());
    }

    private static Suggestion suggestion(Matcher m) {
        if (m.group(1) != null) {
            return Suggestion.of("cluster", "doctor");
        }
        String name = m.group(3);
        Suggestion command = switch (m.group(2)) {
            case "app status" -> Suggestion.of("app", "status").arg("name", name);
            case "app sync" -> Suggestion.of("app", "sync").arg("name", name);
            case "app logs" -> Suggestion.of("app", "logs").arg("name", name);
            case "app rotate-credentials" -> Suggestion.of("app", "rotate-credentials").arg("name", name);
            case "app credentials" -> Suggestion.of("app", "credentials").arg("name", name);
            case "app enable" -> Suggestion.of("app", "enable").arg("names", name);
            case "app history" -> Suggestion.of("app", "history").arg("name", name);
            case "app diff" -> Suggestion.of("app", "diff").arg("name", name);
            default -> Suggestion.of("agent", "update").arg("name", name);
        };
        return m.group(4) == null ? command : command.option("allow", m.group(4));
    }

    /** The fix in a result: a string in the words of the renderer the serialisation was given (see {@link Hint}). */
    public static final class Json extends StdSerializer<String> {
        public Json() {
            super(String.class);
        }

        @Override
        public void serialize(String fix, JsonGenerator json, SerializerProvider provider) throws IOException {
            Hint.Renderer renderer = provider.getAttribute(Hint.Renderer.class) instanceof Hint.Renderer r ? r
                    : Hint.CLI;
            json.writeString(hint(fix).render(renderer));
        }
    }
}

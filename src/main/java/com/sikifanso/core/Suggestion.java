package com.sikifanso.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A command an error tells its reader to run, written once and rendered per surface: {@code sikifanso app sync
 * qdrant -c lab} on the CLI, {@code app_sync with name: "qdrant", cluster: "lab"} for a model (mcp/ToolHints).
 * Arguments are named by the operation's input properties, so the tool rendering needs no guessing; the CLI
 * spelling follows from them ({@code fromSnapshot} is {@code --from-snapshot}, {@code cluster} is {@code -c}).
 *
 * @param command the CLI's words after {@code sikifanso} ({@code app sync})
 * @param tool the operation that does it: the words joined by {@code _} unless said otherwise
 */
public record Suggestion(List<String> command, String tool, List<Argument> arguments) implements Hint.Part {
    public Suggestion {
        command = List.copyOf(command);
        arguments = List.copyOf(arguments);
    }

    /**
     * One argument as the operation's input names it.
     *
     * @param flag the CLI's flag ({@code --force}, {@code -c}), or null for a positional argument
     * @param value its value, or null for a boolean flag
     * @param toolValue what the tool is given when that is not the value ({@code false} for {@code --all})
     */
    public record Argument(String input, String flag, String value, String toolValue) {
        Argument(String input, String flag, String value) {
            this(input, flag, value, null);
        }

        public String cli() {
            return flag == null ? value : value == null ? flag : flag + " " + value;
        }
    }

    /** CLI commands whose operation is not named after their words. */
    private static final Map<String, String> TOOLS = Map.of("app enable", "catalog_enable", "app disable",
            "catalog_disable", "app list", "catalog_list", "cluster profiles", "profile_list", "cluster doctor",
            "doctor", "ai undo", "run_undo", "events", "events_list", "cluster gitops status", "gitops_status",
            "cluster gitops push", "gitops_push", "cluster gitops remote set", "gitops_remote_set");

    public static Suggestion of(String... command) {
        String words = String.join(" ", command);
        return new Suggestion(List.of(command), TOOLS.getOrDefault(words, words.replace(' ', '_').replace('-', '_')),
                List.of());
    }

    /** The same command done by a tool not named after its words ({@code cluster profiles} is profile_list). */
    public Suggestion tool(String name) {
        return new Suggestion(command, name, arguments);
    }

    /** A positional argument, the input property it fills named. */
    public Suggestion arg(String input, Object value) {
        return with(new Argument(input, null, String.valueOf(value)));
    }

    /** {@code --kebab-case value}. */
    public Suggestion option(String input, Object value) {
        return with(new Argument(input, "--" + kebab(input), String.valueOf(value)));
    }

    /** {@code --flag value} where the CLI's flag is not the input's name: {@code --bootstrap} is bootstrapUrl. */
    public Suggestion option(String flag, String input, Object value) {
        return with(new Argument(input, "--" + flag, String.valueOf(value)));
    }

    /** {@code -c NAME}. */
    public Suggestion cluster(Object name) {
        return with(new Argument("cluster", "-c", String.valueOf(name)));
    }

    /** True when one of its arguments is the cluster (as {@code -c NAME} or positionally). */
    public boolean namesACluster() {
        return arguments.stream().anyMatch(a -> "cluster".equals(a.input()));
    }

    /** A boolean flag: {@code --force}, {@code force: true}. */
    public Suggestion flag(String input) {
        return with(new Argument(input, "--" + kebab(input), null));
    }

    /** A flag only the CLI has (a model is asked for consent its own way): {@code --yes}, nothing for a tool. */
    public Suggestion cliFlag(String flag) {
        return with(new Argument(null, "--" + flag, null));
    }

    /**
     * A value only the CLI takes (a local file, a flag the tool has no input for): {@code --gitops-remote URL}; a
     * tool cannot do the command then, so every surface shows the terminal command.
     */
    public Suggestion cliOption(String flag, Object value) {
        return with(new Argument(null, "--" + flag, String.valueOf(value)));
    }

    /** A positional argument only the CLI takes (a local file): the command stays a terminal command everywhere. */
    public Suggestion cliArg(Object value) {
        return with(new Argument(null, null, String.valueOf(value)));
    }

    /** True when it has an argument no tool input takes but a value (see {@link #cliOption}). */
    public boolean terminalOnly() {
        return arguments.stream().anyMatch(a -> a.input() == null && a.value() != null);
    }

    /** A CLI flag the tool reads as another input: {@code --all} is {@code enabledOnly: false}. */
    public Suggestion flag(String flag, String input, Object toolValue) {
        return with(new Argument(input, "--" + flag, null, String.valueOf(toolValue)));
    }

    /**
     * Its last argument alone, for prose such as "use --force" or "e.g. --namespace web" ({@code force: true},
     * {@code namespace: "web"} for a model).
     */
    public Hint.Mention mention() {
        return mention(true);
    }

    /** Its last flag without its value: "pick another with --name" ({@code name} for a model). */
    public Hint.Mention mentionFlag() {
        return mention(false);
    }

    private Hint.Mention mention(boolean withValue) {
        if (arguments.isEmpty() || arguments.getLast().flag() == null) {
            throw new IllegalStateException("mention a flag, not " + this);
        }
        return new Hint.Mention(this, withValue);
    }

    /** As the user types it. */
    public String cli() {
        StringBuilder s = new StringBuilder("sikifanso ").append(String.join(" ", command));
        arguments.forEach(a -> s.append(' ').append(a.cli()));
        return s.toString();
    }

    private Suggestion with(Argument argument) {
        List<Argument> more = new ArrayList<>(arguments);
        more.add(argument);
        return new Suggestion(command, tool, more);
    }

    private static String kebab(String input) {
        return input.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}

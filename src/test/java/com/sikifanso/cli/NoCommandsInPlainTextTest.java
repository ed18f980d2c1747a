package com.sikifanso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.core.BuildInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A hint, a next step or a result's text that names a sikifanso command writes it as a {@code core/Suggestion}, so
 * MCP and the AI operator read the tool and its arguments and the terminal the command (docs/architecture.md,
 * "Errors name commands once"). This reads every string literal in {@code src/main/java} outside {@code cli/} (the
 * terminal's own commands, help and usage, where the CLI's words are the only ones) and fails on one that spells
 * {@code sikifanso <command>} in plain text. What may stay plain is listed below, each with why.
 */
class NoCommandsInPlainTextTest {
    /** File and the literal's words: why they stay plain. */
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("catalog/GpuScheduling.java: sikifanso cluster create --gpus",
            "a comment written into a values file the user edits by hand, not a hint"),
            Map.entry("catalog/SourcedEntry.java: (sikifanso catalog source list)",
            "a comment written into a catalog entry file in the GitOps repo, not a hint"),
            Map.entry("clusterfile/LockFiles.java: runs (sikifanso cluster lock)",
            "the comment heading a lock file, read in an editor, not a hint"),
            Map.entry("server/AguiServer.java: sikifanso serve listens",
            "names the running server a browser must reach, not a step to take"),
            Map.entry("ops/SnapshotOps.java: sikifanso version and",
            "a result field (the version a snapshot was taken with), not the version command"),
            Map.entry("ops/RunOps.java: sikifanso ai undo",
            "why run_undo is CLI-only: the registry's reason, read by people, never a tool's hint"),
            Map.entry("ops/EventsOps.java: sikifanso events -f",
            "following the journal live is a terminal stream no tool offers"),
            Map.entry("dashboard/DashboardAuth.java: sikifanso cluster dashboard",
            "a sign-in page for the person who started the dashboard in their terminal"),
            Map.entry("dashboard/AgentsPage.java: sikifanso agent watch",
            "a dashboard page telling its reader the terminal command that shows the same feed"),
            Map.entry("mcp/McpPrompts.java: in sikifanso cluster",
            "a prompt that names the cluster the model works on (\"sikifanso cluster NAME\"), not a command"),
            Map.entry("mcp/McpPrompts.java: on sikifanso ",
            "the same, in the plan-profile prompt: \"on sikifanso \" + \"cluster NAME\""));

    /** Words before "sikifanso" that make it a noun ("a sikifanso snapshot", "this sikifanso version"). */
    private static final Pattern NOUN = Pattern.compile("(?i)\\b(a|an|the|this|that|another|which|of) $");
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final Pattern CHARACTER = Pattern.compile("'(?:[^'\\\\\\n]|\\\\.)'");
    private static final Pattern CONCATENATED = Pattern.compile("\\s*\\+\\s*\"\\s*([a-z][a-z-]*)");
    private static final Pattern SIKIFANSO = Pattern.compile("\\bsikifanso( ([a-z][a-z-]*)|\\s*$)");

    private final Set<String> commands = commands();

    @Test
    void noLiteralOutsideTheCliSpellsACommand() {
        List<String> found = scan(Path.of("src/main/java/com/sikifanso"));
        assertThat(found).as("write these as Suggestion.of(...) parts of a Hint (or list them in ALLOWED with why)")
                .isEmpty();
        assertThat(ALLOWED.keySet()).as("allowed literals that no longer exist (remove them)")
                .allSatisfy(key -> assertThat(stillThere(key)).as(key).isTrue());
    }

    @Test
    void aPlantedHintIsFound() {
        String source = "class T {\n  void f() {\n    throw failure(\"no nodes\", \"create them: sikifanso cluster create \""
                + " + cluster);\n    log(\"see the sikifanso version\");\n    String s = \"Run sikifanso app \" + \"sync\";\n"
                + "    hint(\"(sikifanso agent\" + \" templates)\");\n  }\n}\n";
        assertThat(inSource(source, "x/T.java")).containsExactly(
                "x/T.java:3: \"create them: sikifanso cluster create \"",
                "x/T.java:5: \"Run sikifanso app \"",
                "x/T.java:6: \"(sikifanso agent\"");
    }

    private List<String> scan(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            List<String> found = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String relative = root.relativize(file).toString();
                if (!relative.startsWith("cli/")) {
                    found.addAll(inSource(Files.readString(file), relative));
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> inSource(String source, String file) {
        List<String> found = new ArrayList<>();
        // A character literal such as '"' would open a string that is not there.
        String code = CHARACTER.matcher(source).replaceAll("' '");
        Matcher literal = LITERAL.matcher(code);
        while (literal.find()) {
            String text = literal.group();
            if (namesACommand(text.substring(1, text.length() - 1), code.substring(literal.end()))
                    && !allowed(file, text)) {
                found.add(file + ":" + source.substring(0, literal.start()).split("\n", -1).length + ": " + text);
            }
        }
        return found;
    }

    /** "sikifanso WORD" for a command it has, also where the literal ends at "sikifanso" and the next goes on. */
    private boolean namesACommand(String text, String after) {
        Matcher m = SIKIFANSO.matcher(text);
        while (m.find()) {
            boolean noun = NOUN.matcher(text.substring(0, m.start())).find();
            String word = m.group(2);
            if (word == null) {
                Matcher next = CONCATENATED.matcher(after);
                word = next.lookingAt() ? next.group(1) : null;
            }
            if (!noun && word != null && commands.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allowed(String file, String literal) {
        return ALLOWED.keySet().stream().anyMatch(key -> key.startsWith(file + ": ")
                && literal.contains(key.substring(file.length() + 2)));
    }

    private static boolean stillThere(String key) {
        int colon = key.indexOf(": ");
        try {
            return Files.readString(Path.of("src/main/java/com/sikifanso", key.substring(0, colon)))
                    .contains(key.substring(colon + 2));
        } catch (IOException e) {
            return false;
        }
    }

    /** The top-level commands picocli has: a word after "sikifanso" that is one of them is a command line. */
    private static Set<String> commands() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return Set.copyOf(CommandLines.create(new RootCommand(Map.of(), BuildInfo.load(), sink, sink, false), false)
                .getSubcommands().keySet());
    }
}

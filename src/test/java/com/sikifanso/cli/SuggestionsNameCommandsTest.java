package com.sikifanso.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.Suggestion;
import com.sikifanso.mcp.ToolHints;
import com.sikifanso.ops.OperationRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command an error suggests exists as typed (its words, flags and positional arguments are picocli's), and
 * where a tool does it, names only that tool's input properties: what {@link ToolHints} tells a model is a call
 * that tool accepts, not a guess.
 */
class SuggestionsNameCommandsTest {
    /** Commands no operation does (they serve, print for a person, or open a screen): they stay terminal commands. */
    private static final Set<String> NO_TOOL = Set.of("mcp token", "mcp config", "mcp serve", "serve", "dashboard",
            "app browse", "agent watch", "completion", "version", "ai");

    private final List<SuggestionsInCode.Found> found = SuggestionsInCode.all(Path.of("src/main/java"));
    private final ToolHints tools = new ToolHints(new OperationRegistry().all());
    private final CommandLine root = tree();

    @Test
    void everySuggestedCommandIsOneTheCliHas() {
        assertThat(found).as("suggestions written in src/main").hasSizeGreaterThanOrEqualTo(100);
        SoftAssertions soft = new SoftAssertions();
        for (SuggestionsInCode.Found f : found) {
            Suggestion s = f.suggestion();
            CommandLine command = find(s.command());
            soft.assertThat(command).as(f.where() + ": sikifanso " + String.join(" ", s.command())).isNotNull();
            if (command == null) {
                continue;
            }
            CommandSpec spec = command.getCommandSpec();
            long positional = s.arguments().stream().filter(a -> a.flag() == null).count();
            soft.assertThat(positional).as(f.where() + ": positional arguments of " + s.cli())
                    .isLessThanOrEqualTo(spec.positionalParameters().size());
            for (Suggestion.Argument a : s.arguments()) {
                if (a.flag() == null) {
                    continue;
                }
                OptionSpec option = spec.findOption(a.flag());
                soft.assertThat(option).as(f.where() + ": " + a.flag() + " of " + s.cli()).isNotNull();
                if (option != null && !a.flag().equals("-c")) {
                    soft.assertThat(option.typeInfo().isBoolean()).as(f.where() + ": " + a.flag()
                            + " is a boolean flag exactly when it is suggested without a value").isEqualTo(a.value() == null);
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void whereAToolDoesItTheSuggestionNamesOnlyItsInputs() {
        SoftAssertions soft = new SoftAssertions();
        for (SuggestionsInCode.Found f : found) {
            Suggestion s = f.suggestion();
            String words = String.join(" ", s.command());
            if (tools.offers(s.tool())) {
                soft.assertThat(tools.misfits(s)).as(f.where() + ": " + s.tool() + " has no input named").isEmpty();
            } else {
                soft.assertThat(NO_TOOL).as(f.where() + ": no operation " + s.tool() + " for sikifanso " + words
                        + " (say its tool with .tool(NAME), or list it here as having none)").contains(words);
            }
        }
        soft.assertAll();
    }

    @Test
    void theReaderFindsWhatIsWritten() {
        String source = "throw failure(\"x\", \"run \", Suggestion.of(\"app\", \"sync\").arg(\"name\", f(a, \"),\"))\n"
                + "        .cluster(c).flag(\"wait\"), \" or \", Suggestion.of(\"mcp\", \"token\").tool(\"none\"));";
        assertThat(SuggestionsInCode.inSource(source, "T.java")).extracting(f -> f.where() + " " + f.suggestion().cli()
                + " " + f.suggestion().tool()).containsExactly("T.java:1 sikifanso app sync X -c X --wait app_sync",
                "T.java:2 sikifanso mcp token none");
        assertThatThrownBy(() -> SuggestionsInCode.inSource("Suggestion.of(NOUN, \"sync\")", "T.java"))
                .hasMessageContaining("T.java:1: write NOUN as a string literal");
    }

    private CommandLine find(List<String> words) {
        CommandLine at = root;
        for (String word : words) {
            at = at == null ? null : at.getSubcommands().get(word);
        }
        return at;
    }

    private static CommandLine tree() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return CommandLines.create(new RootCommand(Map.of(), BuildInfo.load(), sink, sink, false), false);
    }
}

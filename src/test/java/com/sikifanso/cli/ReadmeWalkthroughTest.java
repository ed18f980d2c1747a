package com.sikifanso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.core.BuildInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README's "Beyond one laptop" walk-through names only commands and flags that exist: each command of its code
 * block (between the walkthrough markers) is parsed by the CLI's own picocli tree, which refuses an unknown command,
 * an unknown flag or a missing required one. Parsing runs nothing.
 */
class ReadmeWalkthroughTest {
    static final String BEGIN = "<!-- walkthrough:begin -->";
    static final String END = "<!-- walkthrough:end -->";

    /** The block's commands, continuation lines joined, comments removed, split into words (it quotes nothing). */
    static List<List<String>> commands() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("the walk-through markers are in README.md").isNotNegative().isLessThan(end);
        String block = readme.substring(begin, end).replaceAll("\\\\\\n\\s*", " ");
        List<List<String>> commands = new ArrayList<>();
        for (String line : block.split("\n")) {
            if (line.startsWith("sikifanso ")) {
                String command = line.replaceFirst("\\s+#.*", "").strip();
                commands.add(List.of(command.substring("sikifanso ".length()).split("\\s+")));
            }
        }
        return commands;
    }

    @Test
    void everyCommandOfTheWalkthroughParsesWithItsFlags() throws IOException {
        List<List<String>> commands = commands();
        assertThat(commands).hasSizeGreaterThanOrEqualTo(8);
        List<String> reached = new ArrayList<>();
        for (List<String> args : commands) {
            CommandLine.ParseResult parsed = tree().parseArgs(args.toArray(String[]::new));
            List<String> path = new ArrayList<>();
            for (CommandLine.ParseResult at = parsed.subcommand(); at != null; at = at.subcommand()) {
                path.add(at.commandSpec().name());
            }
            assertThat(path).as(String.join(" ", args)).isNotEmpty();
            reached.add(String.join(" ", path));
        }
        assertThat(reached).as("the walk-through's steps, in order").containsSubsequence("cluster create",
                "profile export", "profile push", "cluster attach", "profile apply", "cluster doctor");
    }

    @Test
    void aCommandThatDoesNotExistWouldFailTheCheck() {
        for (String[] wrong : List.of(new String[] {"cluster", "attach", "prod"},
                new String[] {"profile", "export", "team", "--from", "lab", "--out", "x"},
                new String[] {"cluster", "teleport"})) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> tree().parseArgs(wrong))
                    .as(Arrays.toString(wrong)).isInstanceOf(CommandLine.ParameterException.class);
        }
    }

    private static CommandLine tree() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return CommandLines.create(new RootCommand(Map.of(), BuildInfo.load(), sink, sink, false), false);
    }
}

package com.sikifanso.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sikifanso help [COMMAND...]}: the same text as {@code COMMAND... --help}. picocli's own
 * HelpCommand reads one word only, so {@code help app sync} would show the help of {@code app}.
 */
@Command(name = "help", helpCommand = true,
        description = "Show the help of a command, as COMMAND --help does: sikifanso help app sync.")
final class HelpSubcommand implements CommandLine.IHelpCommandInitializable2, Runnable {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command whose help to show.")
    List<String> words = List.of();

    private CommandLine self;

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme,
                     PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
    }

    @Override
    public void run() {
        CommandLine command = self.getParent();
        for (String word : words) {
            CommandLine sub = command.getSubcommands().get(word);
            if (sub == null) {
                throw new CommandLine.ParameterException(self, "Unknown command: '"
                        + String.join(" ", words) + "'");
            }
            command = sub;
        }
        command.usage(command.getOut(), command.getColorScheme());
    }
}

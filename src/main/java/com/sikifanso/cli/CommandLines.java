package com.sikifanso.cli;

import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.SikifansoException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/** Builds the picocli tree and turns every outcome into an exit code and one clear message. */
public final class CommandLines {
    private CommandLines() {
    }

    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err,
                          boolean terminal) {
        Logging.configure(args, env);
        RootCommand root = new RootCommand(env, BuildInfo.load(), out, err, terminal);
        CommandLine cli = create(root, terminal && !env.containsKey("NO_COLOR"));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, err, root));
        cli.setParameterExceptionHandler((e, arguments) -> usageError(e, err));
        return cli.execute(args);
    }

    static CommandLine create(RootCommand root, boolean color) {
        CommandLine cli = new CommandLine(root);
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(color ? Ansi.AUTO : Ansi.OFF));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUsageHelpAutoWidth(true);
        addHelpOptions(cli);
        return cli;
    }

    /** -h/--help on every command, without inheriting the root's description and footer. */
    private static void addHelpOptions(CommandLine cli) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommandSpec().findOption("--help") == null) {
                sub.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build());
            }
            addHelpOptions(sub);
        }
    }

    /** Bad flags or arguments: one Error line, a suggestion when picocli has one, and where help is. */
    private static int usageError(CommandLine.ParameterException e, PrintWriter err) {
        err.println("Error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("  see: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return SikifansoException.USAGE;
    }

    private static int report(Exception e, PrintWriter err, RootCommand root) {
        if (e instanceof SikifansoException s) {
            err.println("Error: " + s.getMessage());
            if (s.hint() != null) {
                err.println("  " + s.hint());
            }
            if (s.getCause() != null && Logging.debug()) {
                s.getCause().printStackTrace(err);
            }
            err.flush();
            return s.exitCode();
        }
        err.println("Error: unexpected failure: " + e);
        err.println("  please report it with the output of the same command run with --log-level debug");
        if (Logging.debug()) {
            e.printStackTrace(err);
        }
        err.flush();
        return SikifansoException.FAILURE;
    }
}

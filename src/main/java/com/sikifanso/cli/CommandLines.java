package com.sikifanso.cli;

import com.sikifanso.catalog.ProfileSelection;
import com.sikifanso.core.AccessErrors;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.SikifansoException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/** Builds the picocli tree and turns every outcome into an exit code and one clear message. */
public final class CommandLines {
    private static final Logger LOG = LoggerFactory.getLogger(CommandLines.class);

    private CommandLines() {
    }

    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err,
                          boolean terminal) {
        Logging.configure(args, env);
        RootCommand root = new RootCommand(env, BuildInfo.load(), out, err, terminal);
        CommandLine cli = create(root, terminal && !env.containsKey("NO_COLOR"), args);
        cli.setUsageHelpAutoWidth(terminal);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, err, root));
        cli.setParameterExceptionHandler((e, arguments) -> usageError(e, err));
        long start = System.nanoTime();
        LOG.info("sikifanso {}", String.join(" ", args));
        int code = cli.execute(args);
        LOG.info("exit {} after {} ms", code, (System.nanoTime() - start) / 1_000_000);
        return code;
    }

    /** The top-level commands, in the order help lists them. */
    private static final Map<String, Class<?>> GROUPS = groups();

    private static Map<String, Class<?>> groups() {
        Map<String, Class<?>> groups = new LinkedHashMap<>();
        groups.put("cluster", ClusterCommand.class);
        groups.put("app", AppCommand.class);
        groups.put("agent", AgentCommand.class);
        groups.put("snapshot", SnapshotCommand.class);
        groups.put("profile", ProfileCommand.class);
        groups.put("catalog", CatalogCommand.class);
        groups.put("image", ImageCommand.class);
        groups.put("events", EventsCommand.class);
        groups.put("ai", AiCommand.class);
        groups.put("mcp", McpCommand.class);
        groups.put("serve", ServeCommand.class);
        groups.put("dashboard", DashboardCommand.class);
        groups.put("completion", CompletionCommand.class);
        groups.put("version", VersionCommand.class);
        groups.put("__complete", CompleteCommand.class);
        return groups;
    }

    /** Options of the root that take a value, so their values are not mistaken for a command. */
    private static final Set<String> VALUED_OPTIONS = Set.of("-c", "--cluster", "-o", "--output", "--log-level",
            "--lock-timeout");

    /** Help width when stdout is not a terminal. */
    static final int HELP_WIDTH = 100;

    /** Room for the longest option with its parameter, so none is pushed onto a line of its own. */
    private static final int LONG_OPTIONS_WIDTH = 32;

    static CommandLine create(RootCommand root, boolean color) {
        return create(root, color, new String[0]);
    }

    /**
     * Builds only the command group the arguments name (picocli builds every command of a group it
     * is given, which costs most of a short command's start-up); all of them for help or errors.
     */
    static CommandLine create(RootCommand root, boolean color, String[] args) {
        CommandLine cli = new CommandLine(root);
        String group = invokedGroup(args);
        GROUPS.forEach((name, type) -> {
            if (group == null || group.equals(name)) {
                cli.addSubcommand(name, type);
            }
        });
        cli.addSubcommand("help", new HelpSubcommand());
        // --profile agent-dev,rag is read once, here, into the list every surface passes.
        cli.registerConverter(ProfileSelection.class, ProfileSelection::parse);
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(color ? Ansi.AUTO : Ansi.OFF));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // Help is read whole: a terminal's own width, else wide enough that no example line is cut.
        cli.setUsageHelpWidth(HELP_WIDTH);
        cli.setUsageHelpLongOptionsMaxWidth(LONG_OPTIONS_WIDTH);
        addHelpOptions(cli);
        return cli;
    }

    private static String invokedGroup(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (VALUED_OPTIONS.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                return GROUPS.containsKey(arg) && !arg.equals("__complete") ? arg : null;
            }
        }
        return null;
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
        LOG.info("usage error: {}", e.getMessage());
        err.println("Error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        clusterGivenAsAnArgument(e).ifPresent(cluster -> err.println("  the cluster is named with -c: "
                + e.getCommandLine().getCommandSpec().qualifiedName() + " -c " + cluster));
        err.println("  see: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return SikifansoException.USAGE;
    }

    /**
     * {@code cluster lock lab}: a cluster command that takes no argument, given one word, where {@code cluster info
     * lab} and {@code cluster start lab} take the cluster so; the word, to show it with {@code -c}. Only under
     * {@code cluster}: every command inherits {@code -c}, but {@code version extra} names no cluster.
     */
    private static java.util.Optional<String> clusterGivenAsAnArgument(CommandLine.ParameterException e) {
        CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)
                || !spec.qualifiedName().startsWith(spec.root().name() + " cluster ")
                || !spec.positionalParameters().isEmpty() || !spec.subcommands().isEmpty()
                || unmatched.getUnmatched().size() != 1) {
            return java.util.Optional.empty();
        }
        String word = unmatched.getUnmatched().getFirst();
        return com.sikifanso.core.ClusterName.ifValid(word).map(com.sikifanso.core.ClusterName::value);
    }

    private static int report(Exception e, PrintWriter err, RootCommand root) {
        LOG.info("failed: {}", e.getMessage(), e); // the whole cause, for the log file and bug reports
        Exception explained = AccessErrors.explain(e).<Exception>map(access -> access).orElse(e);
        if (explained instanceof SikifansoException s) {
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

package com.sikifanso.cli;

import com.sikifanso.Services;
import com.sikifanso.cli.render.Output;
import com.sikifanso.cli.render.OutputFormat;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.session.SikifansoHome;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "sikifanso",
        versionProvider = RootCommand.Version.class,
        description = {
            "Bootstrap Kubernetes clusters for AI agent infrastructure.",
            "",
            "A k3s cluster in Docker with Cilium and Argo CD, driven by a local GitOps repo,",
            "with a catalog of AI infrastructure, profiles and isolated agent sandboxes.",
            "",
            "Start with:  sikifanso cluster create --profile agent-dev"},
        footer = {"", "Environment: SIKIFANSO_CLUSTER (default cluster), NO_COLOR,",
            "  SIKIFANSO_HOME (state directory, default ~/.sikifanso).",
            "Exit codes: 0 ok, 1 failure, 2 usage error, 3 timed out waiting for the cluster."})
public final class RootCommand {
    private final Map<String, String> env;
    private final BuildInfo build;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private Services services;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    /** {@code -v} as well as {@code -V}: the spelling most tools accept. */
    @Option(names = {"-V", "-v", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean version;

    @Option(names = {"-c", "--cluster"}, scope = ScopeType.INHERIT, paramLabel = "NAME",
            completionCandidates = Candidates.Clusters.class,
            defaultValue = "${env:SIKIFANSO_CLUSTER:-default}",
            description = "Cluster to act on (env SIKIFANSO_CLUSTER, default: ${DEFAULT-VALUE}).")
    String cluster;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            defaultValue = "table", description = "Result format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Option(names = "--log-level", scope = ScopeType.INHERIT, paramLabel = "LEVEL", defaultValue = "warn",
            description = "Log detail on stderr: error, warn, info, debug, trace (default: warn).")
    LogLevel logLevel;

    /** The levels --log-level takes; Logging reads the raw argument before picocli, this refuses the rest. */
    enum LogLevel { ERROR, WARN, INFO, DEBUG, TRACE }

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "No colours (also when NO_COLOR is set).")
    boolean noColor;

    @Option(names = "--lock-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION", defaultValue = "30s",
            converter = DurationConverter.class,
            description = "How long to wait for another sikifanso changing the same cluster (default: ${DEFAULT-VALUE}).")
    Duration lockTimeout;

    @Option(names = "--include-local-changes", scope = ScopeType.INHERIT,
            description = "Let a change commit your own uncommitted edits of the GitOps repo too (refused otherwise).")
    boolean includeLocalChanges;

    public RootCommand(Map<String, String> env, BuildInfo build, PrintWriter out, PrintWriter err, boolean terminal) {
        this.env = env;
        this.build = build;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public String cluster() {
        return cluster;
    }

    public boolean terminal() {
        return terminal;
    }

    public Map<String, String> env() {
        return env;
    }

    public PrintWriter err() {
        return err;
    }

    Output output() {
        return new Output(out, err, output, color());
    }

    /** AG-UI events as text on stdout, for the commands that stream them. */
    com.sikifanso.agui.render.EventRenderer eventRenderer() {
        return new com.sikifanso.agui.render.EventRenderer(out, terminal, color());
    }

    private boolean color() {
        return terminal && !noColor && !env.containsKey("NO_COLOR");
    }

    /** Built on first use, after the global options are parsed. */
    Services services() {
        if (services == null) {
            services = new Services(build, SikifansoHome.fromEnvironment(env), lockTimeout, msg -> {
                err.println(msg);
                err.flush();
            }, env, includeLocalChanges);
        }
        return services;
    }

    /** Prints the version and the commit it was built from. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildInfo.load().versionLine()};
        }
    }
}

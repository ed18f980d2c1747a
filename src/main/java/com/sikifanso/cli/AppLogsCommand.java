package com.sikifanso.cli;

import com.sikifanso.argocd.AppLogs;
import com.sikifanso.core.SikifansoException;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "logs", description = {"Print the logs of all an app's pods, each line prefixed pod/container.",
    "With -f, follow them, and pods that start later, until Ctrl-C."},
        footer = {"", "Examples:", "  sikifanso app logs qdrant --since 10m", "  sikifanso app logs langfuse -f "
                + "--container langfuse-web"})
/**
 * Streams every line to stdout as it is read (with -f, until Ctrl-C), unmasked: the user's own terminal. Not the
 * {@code app_logs} operation, which returns a bounded excerpt with credentials masked, for a model to read: a
 * stream has no one result to record or render, and capping or masking these lines would change what users see.
 */
final class AppLogsCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "APP", completionCandidates = Candidates.EnabledApps.class,
            description = "The Application whose pods to read.")
    String app;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines, also from pods that start later.")
    boolean follow;

    @Option(names = "--container", paramLabel = "NAME", description = "Only this container.")
    String container;

    @Option(names = "--since", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Only lines newer than this, e.g. 10m.")
    Duration since;

    @Option(names = "--tail", paramLabel = "N", description = "Only the last N lines of each container.")
    Integer tail;

    @Override
    int run() {
        if (tail != null && tail < 0) {
            throw SikifansoException.usage("--tail must be 0 or more", "e.g. --tail 100");
        }
        AppLogs.Request request = new AppLogs.Request(container, since, tail);
        if (follow) {
            services().argocd().logs().follow(clusterName(), app, request, out()::line);
        } else {
            services().argocd().logs().read(clusterName(), app, request, out()::line);
        }
        return 0;
    }
}

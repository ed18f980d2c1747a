package com.sikifanso.cli;

import com.sikifanso.cli.render.Output;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.doctor.DoctorReport;
import com.sikifanso.ops.DoctorOps;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "doctor", description = {"Check a cluster and everything on it, from Docker to every app and agent and the GitOps repo.",
    "Checks Docker, the node containers, nodes, Cilium, Hubble, Argo CD, apps, agents and the repo.",
    "Each problem comes with its cause and the command that fixes it. Exit 1 when any check fails."})
final class ClusterDoctorCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", completionCandidates = Candidates.Clusters.class,
            description = "Cluster name (default: -c/--cluster).")
    String name;

    @Option(names = "--watch", description = "Check again every --interval until Ctrl-C, redrawing on a terminal.")
    boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "Pause between runs with --watch (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--check-timeout", paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationConverter.class,
            description = "Longest wait for any one check; a check that takes longer fails"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration checkTimeout;

    @Option(names = "--probe-agents", description = "Also prove every agent's isolation with a probe pod each "
            + "(as sikifanso agent probe NAME); a mismatch fails its row with the cause.")
    boolean probeAgents;

    /** Bounds --watch in tests; 0 means until interrupted. */
    @Option(names = "--watch-runs", hidden = true, defaultValue = "0")
    int watchRuns;

    @Override
    int run() {
        if (checkTimeout.isZero() || checkTimeout.isNegative() || interval.isNegative()) {
            throw SikifansoException.usage("--check-timeout must be more than 0 and --interval not negative",
                    "e.g. --check-timeout 10s --interval 5s");
        }
        DoctorOps.DoctorInput input = new DoctorOps.DoctorInput(cluster(name), checkTimeout.toMillis() + "ms",
                probeAgents ? Boolean.TRUE : null);
        DoctorReport report = performWithHeader(this::watchHeader, DoctorOps.DOCTOR, input);
        for (int runs = 1; watch && (watchRuns == 0 || runs < watchRuns); runs++) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            report = performWithHeader(this::watchHeader, DoctorOps.DOCTOR, input);
        }
        return report.failed() ? 1 : 0;
    }

    /** With --watch on a terminal, each report replaces the last one under a header. */
    private void watchHeader() {
        Output out = out();
        if (watch && root().terminal() && !out.structured()) {
            out.line("\u001b[H\u001b[2J" + "sikifanso cluster doctor " + cluster(name) + " (every "
                    + interval.toSeconds() + "s, Ctrl-C to stop)");
        }
    }
}

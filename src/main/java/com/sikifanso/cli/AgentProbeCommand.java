package com.sikifanso.cli;

import com.sikifanso.agents.probe.AgentProbe;
import com.sikifanso.agents.probe.ProbePod;
import com.sikifanso.agents.probe.ProbeReport;
import com.sikifanso.ops.AgentOps;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "probe", description = {"Prove an agent's isolation in the running cluster.",
    "Starts a short-lived pod in the agent's namespace (Pod Security restricted, within its quota)",
    "that tries every destination the sandbox's policy speaks about: DNS, each allowed service on its",
    "port and on another, services other agents may reach, the Kubernetes API, a node port, other",
    "agents' pods, the internet, each allowed host and one not on the list.",
    "Prints expected versus observed per destination; exit 1 on any mismatch.",
    "The pod is removed afterwards, also on Ctrl+C and timeout. The probe never changes the policy.",
    "",
    "Examples:",
    "  sikifanso agent probe researcher",
    "  sikifanso agent probe researcher -o json --image registry.local:5000/busybox:1.36"})
final class AgentProbeCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Candidates.Agents.class,
            description = "The agent to probe.")
    String name;

    @Option(names = "--image", paramLabel = "IMAGE", defaultValue = ProbePod.DEFAULT_IMAGE,
            description = "Image of the probe pod; it needs sh, nc, nslookup and timeout (default: ${DEFAULT-VALUE}).")
    String image;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2m", converter = DurationConverter.class,
            description = "How long the probe may take, image pull included (default: ${DEFAULT-VALUE}).")
    Duration timeout = AgentProbe.DEFAULT_TIMEOUT;

    @Override
    int run() {
        WaitOptions wait = new WaitOptions();
        wait.timeout = timeout;
        ProbeReport report = perform(AgentOps.PROBE, new AgentOps.AgentProbeInput(cluster(), name, image), wait);
        return report.passed() ? 0 : 1;
    }
}

package com.sikifanso.agents.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agents.AgentService;
import com.sikifanso.agents.SandboxPolicy;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Deadline;
import com.sikifanso.core.Progress;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.ClusterRepos;
import com.sikifanso.kube.LiveCluster;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code agent probe}: proves a sandbox's policy in the running cluster. It reads the policy the chart renders from
 * the repo, finds each destination's address through the API, runs one probe pod in the agent's namespace and
 * compares what the pod saw with what the policy says. It creates the pod and nothing else: no policy is touched.
 */
public final class AgentProbe {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:@-]*");
    private static final String SUFFIX_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** The image the pod runs (busybox with sh, nc, nslookup, timeout) and how long the whole probe may take. */
    public record Options(String image, Duration timeout) {
        public Options {
            image = image == null || image.isBlank() ? ProbePod.DEFAULT_IMAGE : image.strip();
            timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        }
    }

    private final ClusterRepos repos;
    private final AgentService agents;
    private final LiveCluster live;
    private final Clock clock;
    private final Duration poll;
    private final SecureRandom random = new SecureRandom();

    public AgentProbe(ClusterRepos repos, AgentService agents, LiveCluster live, Clock clock, Duration poll) {
        this.repos = repos;
        this.agents = agents;
        this.live = live;
        this.clock = clock;
        this.poll = poll;
    }

    /** The agent's rendered policy and the rows a probe of it tries (no cluster needed). */
    public record Plan(AgentService.Agent agent, JsonNode policy, List<Destination> destinations) {
    }

    public Plan plan(ClusterName cluster, String agent) {
        AgentService.Agent a = agents.get(cluster, agent);
        Path dir = repos.open(cluster).dir();
        Map<String, JsonNode> others = new LinkedHashMap<>();
        agents.list(cluster).stream().filter(o -> !o.name().equals(agent))
                .forEach(o -> others.put(o.name(), SandboxPolicy.render(dir, o.name())));
        JsonNode policy = SandboxPolicy.render(dir, agent);
        return new Plan(a, policy, PolicyDestinations.of(policy, a.values(), others));
    }

    public ProbeReport probe(ClusterName cluster, String agent, Options options, Progress progress) {
        requireImage(options.image());
        if (options.timeout().isZero() || options.timeout().isNegative()) {
            throw SikifansoException.usage("the probe's timeout must be more than 0", "e.g. --timeout 2m");
        }
        Plan plan = plan(cluster, agent);
        AgentService.Agent a = plan.agent();
        String name = "sikifanso-probe-" + suffix();
        try (KubernetesClient kube = live.kube(cluster)) {
            List<ProbeTarget> targets = new ClusterAddresses(kube, agent).resolve(plan.destinations());
            Pod pod = ProbePod.of(name, a.values(), options.image(), targets, options.timeout());
            progress.step("probe pod " + name + " in " + a.namespace());
            String log;
            try (ProbeRun run = ProbeRun.start(kube, pod)) {
                log = run.awaitLog(Deadline.after(clock, options.timeout()), poll);
            }
            ProbeReport report = ProbeReport.of(agent, name, options.image(), targets, ProbeScript.parse(log, targets));
            if (report.passed()) {
                return report;
            }
            return report.withCauses(new ProbeDiagnosis(kube).causes(agent, plan.policy()));
        } catch (KubernetesClientException e) {
            throw live.unreachable(cluster, e);
        }
    }

    private static void requireImage(String image) {
        if (!IMAGE.matcher(image).matches()) {
            throw SikifansoException.usage("--image \"" + image + "\" is not an image reference",
                    "e.g. --image busybox:1.36 or --image registry.local:5000/busybox:1.36 (it needs sh, nc, "
                            + "nslookup and timeout)");
        }
    }

    private String suffix() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            s.append(SUFFIX_CHARS.charAt(random.nextInt(SUFFIX_CHARS.length())));
        }
        return s.toString();
    }
}

package com.sikifanso.ai;

import static com.sikifanso.ai.ScriptedMessagesApi.Turn.turn;

import com.sikifanso.Services;
import com.sikifanso.argocd.ArgoCdResources;
import com.sikifanso.argocd.RunningLab;
import com.sikifanso.ops.WaitPolicy;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * bench/ai-evals.sh: fault scenarios on a prepared cluster (lab, recorded running; its API fabric8's mock server in
 * CRUD mode holding the Applications and events each fault leaves), each asked of the operator as "why is X
 * unhealthy?" (read-only), its answer scored against the known cause: the share of the cause's key terms the answer
 * names, and whether it gathered evidence with tools first. With ANTHROPIC_API_KEY set the model is the real API
 * (ANTHROPIC_BASE_URL and SIKIFANSO_AI_MODEL honoured); otherwise {@link ScriptedMessagesApi} plays a model that
 * gathers and answers, once rightly and once wrongly (a control), so the scoring itself is shown to tell them apart.
 * Prints figures; never fails on them.
 */
public final class AiEvalBench {
    /** A fault: what is asked, what the cluster shows, and the terms a right diagnosis names. */
    record Scenario(String name, String question, String app, String namespace, String health, String message,
                    String eventReason, String eventMessage, List<String> causeTerms, String rightAnswer) {
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("missing-dependency", "why is langfuse unhealthy?", "langfuse", "observability", "Degraded",
                    "langfuse-web: waiting for database postgresql.databases.svc: no such host", "BackOff",
                    "Back-off restarting failed container langfuse-web: could not resolve postgresql",
                    List.of("postgresql", "not enabled|missing|dependency|depends"),
                    "Cause: its dependency postgresql is not enabled, so langfuse cannot reach its database. "
                            + "Evidence: app_status says waiting for database postgresql. Fix: enable postgresql."),
            new Scenario("image-pull", "why is qdrant unhealthy?", "qdrant", "qdrant", "Degraded",
                    "qdrant-0: ImagePullBackOff", "Failed",
                    "Failed to pull image \"qdrant/qdrant:v9.9.9\": manifest unknown",
                    List.of("image", "pull|v9\\.9\\.9|tag|manifest"),
                    "Cause: the image qdrant/qdrant:v9.9.9 cannot be pulled (manifest unknown: no such tag). "
                            + "Fix: set a published image tag in its values."),
            new Scenario("agent-over-quota", "why does the researcher agent not start?", "agent-researcher",
                    "agent-researcher", "Degraded", "researcher: 0/1 pods", "FailedCreate",
                    "Error creating: pods \"researcher-0\" is forbidden: exceeded quota: agent-quota, requested: "
                            + "requests.memory=2Gi, limited: requests.memory=1Gi",
                    List.of("quota", "memory"),
                    "Cause: its pod exceeds the sandbox quota (requests.memory 2Gi over a 1Gi limit). "
                            + "Fix: raise the agent's memory quota with agent_update or lower its requests."),
            new Scenario("policy-blocks-service", "why can the researcher agent not reach qdrant?", "agent-researcher",
                    "agent-researcher", "Healthy", "", "PolicyVerdict",
                    "Policy denied: egress from agent-researcher/researcher-0 to qdrant/qdrant:6333 dropped",
                    List.of("qdrant", "allow|policy|denied"),
                    "Cause: the agent's network policy does not allow qdrant; egress to qdrant:6333 is dropped. "
                            + "Fix: agent_update with allow [..., qdrant]."));

    static final String WRONG_ANSWER = "Cause: the node is out of disk. Fix: free some space.";

    public static void main(String[] args) throws Exception {
        // The mock server logs every request at INFO through java.util.logging: figures only on the way out.
        java.util.logging.Logger.getLogger("io.fabric8.mockwebserver").setLevel(java.util.logging.Level.WARNING);
        boolean real = System.getenv("ANTHROPIC_API_KEY") != null && !System.getenv("ANTHROPIC_API_KEY").isBlank();
        System.out.println("ai-evals: " + (real ? "the real Messages API (" + OperatorDefaults.model(null,
                System.getenv()) + ")" : "the scripted Messages API server (no ANTHROPIC_API_KEY): right answers and "
                + "a wrong-answer control"));
        System.out.printf(Locale.ROOT, "%-24s %-8s %6s %6s %9s %8s %8s%n", "scenario", "answer", "cause", "tools",
                "evidence", "tokens", "cost$");
        double total = 0;
        for (Scenario s : SCENARIOS) {
            if (real) {
                total += print(s, "model", evaluate(s, Optional.empty()));
            } else {
                total += print(s, "right", evaluate(s, Optional.of(s.rightAnswer())));
                print(s, "control", evaluate(s, Optional.of(WRONG_ANSWER)));
            }
        }
        System.out.printf(Locale.ROOT, "mean cause score of the " + (real ? "model" : "right answers")
                + ": %.2f over %d scenarios%n", total / SCENARIOS.size(),
                SCENARIOS.size());
    }

    /** {@code evidence}: the tool results the model read held the fault's event (the prepared state was reached). */
    record Result(double cause, boolean gathered, boolean evidence, long tokens, Optional<Double> cost) {
    }

    private static double print(Scenario s, String label, Result r) {
        System.out.printf(Locale.ROOT, "%-24s %-8s %6.2f %6s %9s %8d %8s%n", s.name(), label, r.cause(),
                r.gathered() ? "yes" : "no", r.evidence() ? "yes" : "no", r.tokens(), r.cost().map(c -> String.format(Locale.ROOT, "%.4f", c))
                        .orElse("-"));
        return r.cause();
    }

    /** One scenario on a fresh prepared cluster; {@code scripted}: the answer the scripted model gives. */
    static Result evaluate(Scenario s, Optional<String> scripted) throws Exception {
        Path home = Files.createTempDirectory("ai-evals");
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        try (KubernetesClient kube = server.createClient(); ScriptedMessagesApi api = new ScriptedMessagesApi()) {
            RunningLab.home(home, "http://127.0.0.1:1", "pw");
            RunningLab.writeKubeconfig(home, kube);
            plant(kube, s);
            ClaudeEndpoint endpoint = scripted.isPresent() ? new ClaudeEndpoint(api.baseUrl(), "sk-ant-eval", null)
                    : ClaudeEndpoint.fromEnvironment(System.getenv());
            scripted.ifPresent(answer -> api
                    .then(turn().text("Gathering evidence.")
                            .toolUse("toolu_1", "app_status", "{\"name\":\"" + s.app() + "\"}")
                            .toolUse("toolu_2", "kube_events", "{\"namespace\":\"" + s.namespace() + "\"}"))
                    .then(turn().text(answer)));
            Services services = RunningLab.cliServices(home);
            String model = scripted.isPresent() ? "claude-scripted" : OperatorDefaults.model(null, System.getenv());
            OperatorSession session = new OperatorSession(services, endpoint.client(4, OperatorDefaults.REQUEST_TIMEOUT),
                    new OperatorSession.Options(RunningLab.CLUSTER, new Operator.Settings(model, 4096, 0, 12), true,
                            WaitPolicy.PROGRAM), new ApprovalPolicy(false, false, Optional.empty()), m -> { }, p -> { });
            java.util.concurrent.atomic.AtomicInteger toolCalls = new java.util.concurrent.atomic.AtomicInteger();
            StringBuilder read = new StringBuilder();
            Operator.Answer answer = session.ask(new Conversation(), s.question(), RunningLab.CLUSTER,
                    java.util.UUID.randomUUID().toString(), e -> {
                        if (e instanceof com.sikifanso.agui.AguiEvent.ToolCallResult result) {
                            toolCalls.incrementAndGet();
                            read.append(result.content());
                        }
                    });
            Usage u = answer.usage();
            return new Result(score(answer.text(), s.causeTerms()), toolCalls.get() > 0,
                    read.toString().contains(s.eventReason()),
                    u.input() + u.output() + u.cacheRead() + u.cacheWrite(), CostEstimate.usd(model, u));
        } finally {
            server.destroy();
        }
    }

    /** The share of the cause's terms (each a regular expression of alternatives) the answer names. */
    static double score(String answer, List<String> terms) {
        String text = answer.toLowerCase(Locale.ROOT);
        long found = terms.stream().filter(t -> java.util.regex.Pattern.compile(t).matcher(text).find()).count();
        return (double) found / terms.size();
    }

    /** What the fault leaves in the cluster: the Application's health and message, and an event in its namespace. */
    private static void plant(KubernetesClient kube, Scenario s) {
        kube.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace("argocd").resource(
                RunningLab.application(s.app(), s.namespace(), "Synced", s.health(), s.message().isEmpty() ? List.of()
                        : List.of(RunningLab.resource("Deployment", s.namespace(), s.app(), s.health(),
                                s.message())))).create();
        kube.v1().events().inNamespace(s.namespace()).resource(new EventBuilder().withNewMetadata()
                .withName(s.app() + ".fault").withNamespace(s.namespace()).endMetadata().withType("Warning")
                .withReason(s.eventReason()).withMessage(s.eventMessage()).withLastTimestamp(Instant.now().toString())
                .withNewInvolvedObject().withKind("Pod").withName(s.app() + "-0").withNamespace(s.namespace())
                .endInvolvedObject().build()).create();
    }

    private AiEvalBench() {
    }
}

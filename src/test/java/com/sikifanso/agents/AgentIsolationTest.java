package com.sikifanso.agents;

import static com.sikifanso.agents.SandboxValues.forAgent;
import static com.sikifanso.agents.Traffic.Verdict.ALLOWED;
import static com.sikifanso.agents.Traffic.Verdict.DENIED;
import static com.sikifanso.agents.Traffic.pod;
import static com.sikifanso.agents.Traffic.tcp;
import static com.sikifanso.agents.Traffic.udp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.agents.Traffic.DnsName;
import com.sikifanso.agents.Traffic.Entity;
import com.sikifanso.agents.Traffic.Verdict;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sandbox's promise, read off the rendered policies: for agent {@code demo}, what it may
 * reach and what may reach it, under Cilium and under plain Kubernetes NetworkPolicy.
 */
class AgentIsolationTest {

    /** The sandboxes the table speaks of. */
    enum Sandbox {
        DEFAULTS(() -> forAgent("demo")),
        NO_ALLOW_LIST(() -> forAgent("demo").noAllowList()),
        WITH_FQDN(() -> forAgent("demo").egressFqdn("api.anthropic.com", 443));

        private final Supplier<SandboxValues> values;

        Sandbox(Supplier<SandboxValues> values) {
            this.values = values;
        }
    }

    enum Direction { EGRESS, INGRESS }

    private static final Map<Sandbox, SandboxChart.Manifests> RENDERED = new ConcurrentHashMap<>();

    private static final Entity WORLD = new Entity("world");
    private static final Entity API_SERVER = new Entity("kube-apiserver");
    private static final Entity NODE = new Entity("host");
    private static final Entity OTHER_NODE = new Entity("remote-node");
    private static final Traffic.Pod KUBE_DNS = pod("kube-system", "k8s-app", "kube-dns");
    private static final Traffic.Pod METRICS_SERVER = pod("kube-system", "k8s-app", "metrics-server");
    private static final Traffic.Pod LITELLM = pod("gateway", "app.kubernetes.io/name", "litellm");
    private static final Traffic.Pod GATEWAY_ADMIN = pod("gateway", "app.kubernetes.io/name", "admin-ui");
    private static final Traffic.Pod QDRANT = pod("rag", "app.kubernetes.io/name", "qdrant");
    private static final Traffic.Pod POSTGRESQL = pod("storage", "cnpg.io/cluster", "postgresql");
    private static final Traffic.Pod VALKEY = pod("storage", "app.kubernetes.io/name", "valkey");
    private static final Traffic.Pod SAME_SANDBOX = pod("agent-demo", "app", "tool-runner");
    private static final Traffic.Pod OTHER_AGENT = pod("agent-other", "app", "tool-runner");
    private static final DnsName ANTHROPIC = new DnsName("api.anthropic.com");
    private static final DnsName UNLISTED_HOST = new DnsName("example.com");

    static Stream<Arguments> intent() {
        return Stream.of(
                // intent, sandbox, direction, traffic, under Cilium, under plain NetworkPolicy
                row("→ internet denied", Sandbox.DEFAULTS, Direction.EGRESS, tcp(WORLD, 443), DENIED, DENIED),
                row("→ a host by name denied when not listed", Sandbox.DEFAULTS, Direction.EGRESS, tcp(ANTHROPIC, 443), DENIED, DENIED),
                row("→ API server denied", Sandbox.DEFAULTS, Direction.EGRESS, tcp(API_SERVER, 6443), DENIED, DENIED),
                row("→ API server on 443 denied", Sandbox.DEFAULTS, Direction.EGRESS, tcp(API_SERVER, 443), DENIED, DENIED),
                row("→ own node's kubelet denied", Sandbox.DEFAULTS, Direction.EGRESS, tcp(NODE, 10250), DENIED, DENIED),
                row("→ another node denied", Sandbox.DEFAULTS, Direction.EGRESS, tcp(OTHER_NODE, 30080), DENIED, DENIED),
                row("→ another agent denied", Sandbox.DEFAULTS, Direction.EGRESS, tcp(OTHER_AGENT, 8080), DENIED, DENIED),
                row("→ kube-dns:53/UDP allowed", Sandbox.DEFAULTS, Direction.EGRESS, udp(KUBE_DNS, 53), ALLOWED, ALLOWED),
                row("→ kube-dns:53/TCP allowed", Sandbox.DEFAULTS, Direction.EGRESS, tcp(KUBE_DNS, 53), ALLOWED, ALLOWED),
                row("→ kube-dns on another port denied", Sandbox.DEFAULTS, Direction.EGRESS, tcp(KUBE_DNS, 9153), DENIED, DENIED),
                row("→ another kube-system pod on 53 denied", Sandbox.DEFAULTS, Direction.EGRESS, udp(METRICS_SERVER, 53), DENIED, DENIED),
                row("→ litellm:4000 allowed", Sandbox.DEFAULTS, Direction.EGRESS, tcp(LITELLM, 4000), ALLOWED, ALLOWED),
                row("→ litellm on another port denied", Sandbox.DEFAULTS, Direction.EGRESS, tcp(LITELLM, 8080), DENIED, DENIED),
                row("→ litellm:4000 over UDP denied", Sandbox.DEFAULTS, Direction.EGRESS, udp(LITELLM, 4000), DENIED, DENIED),
                row("→ another pod of litellm's namespace denied", Sandbox.DEFAULTS, Direction.EGRESS, tcp(GATEWAY_ADMIN, 4000), DENIED, DENIED),
                row("→ qdrant:6333 allowed", Sandbox.DEFAULTS, Direction.EGRESS, tcp(QDRANT, 6333), ALLOWED, ALLOWED),
                row("→ qdrant on its gRPC port denied", Sandbox.DEFAULTS, Direction.EGRESS, tcp(QDRANT, 6334), DENIED, DENIED),
                row("→ postgresql:5432 allowed", Sandbox.DEFAULTS, Direction.EGRESS, tcp(POSTGRESQL, 5432), ALLOWED, ALLOWED),
                row("→ postgresql on valkey's port denied", Sandbox.DEFAULTS, Direction.EGRESS, tcp(POSTGRESQL, 6379), DENIED, DENIED),
                row("→ valkey:6379 allowed", Sandbox.DEFAULTS, Direction.EGRESS, tcp(VALKEY, 6379), ALLOWED, ALLOWED),
                row("→ valkey on postgresql's port denied", Sandbox.DEFAULTS, Direction.EGRESS, tcp(VALKEY, 5432), DENIED, DENIED),
                row("→ same namespace allowed", Sandbox.DEFAULTS, Direction.EGRESS, tcp(SAME_SANDBOX, 8080), ALLOWED, ALLOWED),
                row("← same namespace allowed", Sandbox.DEFAULTS, Direction.INGRESS, tcp(SAME_SANDBOX, 8080), ALLOWED, ALLOWED),
                row("← another agent denied", Sandbox.DEFAULTS, Direction.INGRESS, tcp(OTHER_AGENT, 8080), DENIED, DENIED),
                row("← an allow-listed service denied", Sandbox.DEFAULTS, Direction.INGRESS, tcp(LITELLM, 8080), DENIED, DENIED),
                row("← internet denied", Sandbox.DEFAULTS, Direction.INGRESS, tcp(WORLD, 8080), DENIED, DENIED),
                row("no allow list: → litellm:4000 denied", Sandbox.NO_ALLOW_LIST, Direction.EGRESS, tcp(LITELLM, 4000), DENIED, DENIED),
                row("no allow list: → postgresql:5432 denied", Sandbox.NO_ALLOW_LIST, Direction.EGRESS, tcp(POSTGRESQL, 5432), DENIED, DENIED),
                row("no allow list: → kube-dns:53/UDP allowed", Sandbox.NO_ALLOW_LIST, Direction.EGRESS, udp(KUBE_DNS, 53), ALLOWED, ALLOWED),
                row("no allow list: → same namespace allowed", Sandbox.NO_ALLOW_LIST, Direction.EGRESS, tcp(SAME_SANDBOX, 8080), ALLOWED, ALLOWED),
                // NetworkPolicy cannot name hosts: without Cilium a listed host stays closed.
                row("FQDN: → listed host:443 allowed", Sandbox.WITH_FQDN, Direction.EGRESS, tcp(ANTHROPIC, 443), ALLOWED, DENIED),
                row("FQDN: → listed host on another port denied", Sandbox.WITH_FQDN, Direction.EGRESS, tcp(ANTHROPIC, 80), DENIED, DENIED),
                row("FQDN: → unlisted host denied", Sandbox.WITH_FQDN, Direction.EGRESS, tcp(UNLISTED_HOST, 443), DENIED, DENIED),
                row("FQDN: → internet by address denied", Sandbox.WITH_FQDN, Direction.EGRESS, tcp(WORLD, 443), DENIED, DENIED),
                row("FQDN: → API server still denied", Sandbox.WITH_FQDN, Direction.EGRESS, tcp(API_SERVER, 6443), DENIED, DENIED),
                row("FQDN: → another agent still denied", Sandbox.WITH_FQDN, Direction.EGRESS, tcp(OTHER_AGENT, 8080), DENIED, DENIED),
                row("FQDN: → kube-dns:53/UDP allowed", Sandbox.WITH_FQDN, Direction.EGRESS, udp(KUBE_DNS, 53), ALLOWED, ALLOWED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("intent")
    void ciliumPolicyKeepsThePromise(String intent, Sandbox sandbox, Direction direction, Traffic traffic,
                                     Verdict underCilium, Verdict underNetworkPolicy) {
        CiliumPolicyEvaluator cilium = new CiliumPolicyEvaluator(rendered(sandbox).one("CiliumNetworkPolicy"));

        Verdict verdict = direction == Direction.EGRESS ? cilium.egress(traffic) : cilium.ingress(traffic);

        assertThat(verdict).as(intent).isEqualTo(underCilium);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("intent")
    void plainNetworkPolicyKeepsThePromise(String intent, Sandbox sandbox, Direction direction, Traffic traffic,
                                           Verdict underCilium, Verdict underNetworkPolicy) {
        NetworkPolicyEvaluator plain = new NetworkPolicyEvaluator(
                rendered(sandbox).one("NetworkPolicy", NetworkPolicy.class));

        Verdict verdict = direction == Direction.EGRESS ? plain.egress(traffic) : plain.ingress(traffic);

        assertThat(verdict).as(intent).isEqualTo(underNetworkPolicy);
    }

    /** Cilium enforces both kinds at once: their allows add up and its deny rules win; the sum is the Cilium intent. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("intent")
    void bothPoliciesTogetherUnderCiliumKeepThePromise(String intent, Sandbox sandbox, Direction direction,
                                                       Traffic traffic, Verdict underCilium, Verdict unused) {
        CiliumPolicyEvaluator cilium = new CiliumPolicyEvaluator(rendered(sandbox).one("CiliumNetworkPolicy"));
        NetworkPolicyEvaluator plain = new NetworkPolicyEvaluator(
                rendered(sandbox).one("NetworkPolicy", NetworkPolicy.class));
        boolean egress = direction == Direction.EGRESS;

        boolean denied = egress ? cilium.deniesEgress(traffic) : cilium.deniesIngress(traffic);
        boolean allowed = (egress ? cilium.egress(traffic) : cilium.ingress(traffic)) == ALLOWED
                || (egress ? plain.egress(traffic) : plain.ingress(traffic)) == ALLOWED;

        assertThat(!denied && allowed ? ALLOWED : DENIED).as(intent).isEqualTo(underCilium);
    }

    @Test
    void aWorldDenyWouldAlsoCloseTheListedHosts() {
        JsonNode policy = rendered(Sandbox.WITH_FQDN).one("CiliumNetworkPolicy").deepCopy();
        ((ArrayNode) policy.path("spec").path("egressDeny").get(0).path("toEntities")).add("world");

        assertThat(new CiliumPolicyEvaluator(policy).egress(tcp(ANTHROPIC, 443))).isEqualTo(DENIED);
    }

    @Test
    void withoutTheDnsVisibilityRuleCiliumCannotLearnTheListedHosts() {
        JsonNode policy = rendered(Sandbox.WITH_FQDN).one("CiliumNetworkPolicy").deepCopy();
        ((ObjectNode) policy.path("spec").path("egress").get(0).path("toPorts").get(0)).remove("rules");

        assertThat(new CiliumPolicyEvaluator(policy).egress(tcp(ANTHROPIC, 443))).isEqualTo(DENIED);
    }

    private static Arguments row(String intent, Sandbox sandbox, Direction direction, Traffic traffic,
                                 Verdict underCilium, Verdict underNetworkPolicy) {
        return Arguments.of(intent, sandbox, direction, traffic, underCilium, underNetworkPolicy);
    }

    private static SandboxChart.Manifests rendered(Sandbox sandbox) {
        return RENDERED.computeIfAbsent(sandbox, s -> SandboxChart.render(s.values.get()));
    }
}

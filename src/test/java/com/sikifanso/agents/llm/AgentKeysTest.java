package com.sikifanso.agents.llm;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.TestHome;
import com.sikifanso.argocd.RunningLab;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.credentials.CredentialStore;
import com.sikifanso.ops.OperationContext;
import com.sikifanso.ops.OperationRegistry;
import com.sikifanso.ops.StructuredResults;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.SikifansoHome;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.utils.ResponseProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-agent LiteLLM keys, through the operations as every surface calls them. The API server is the fabric8 mock
 * (CRUD mode for the Secret); LiteLLM's admin API is answered in its shape (/key/generate, /key/update, /key/delete,
 * /key/info) at the API server's service-proxy path, where the real gateway would be reached (no LiteLLM runs here),
 * and each request is asserted: path, master key header, body.
 */
@EnableKubernetesMockClient(crud = true)
class AgentKeysTest {
    private static final String PROXY = "/" + LiteLlmAdmin.SERVICE_PATH;
    private static final String MASTER = "sk-master-of-lab";
    private static final String KEY = "sk-agent-demo-7f3a";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path root;

    private final List<RecordedRequest> gateway = new CopyOnWriteArrayList<>();
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private volatile boolean keyGone;

    @BeforeEach
    void runningLabWithGateway() throws Exception {
        TestHome home = TestHome.withCluster(root);
        RunningLab.setState(home, ClusterState.RUNNING, "http://127.0.0.1:1", "pw");
        RunningLab.writeKubeconfig(root, client);
        TreeMap<String, TreeMap<String, String>> litellm = new TreeMap<>(Map.of("litellm-proxy-credentials",
                new TreeMap<>(Map.of("LITELLM_MASTER_KEY", MASTER))));
        new CredentialStore(new SikifansoHome(root)).save(ClusterName.of(TestHome.CLUSTER), new TreeMap<>(Map.of("litellm-proxy",
                litellm)));
        answer("/key/generate", Map.of("key", KEY, "key_alias", "agent-demo"));
        answer("/key/update", Map.of("key", KEY));
        server.expect().post().withPath(PROXY + "/key/delete").andReply(new ResponseProvider<Object>() {
            private Headers headers = Headers.builder().build();

            @Override
            public int getStatusCode(RecordedRequest r) {
                return keyGone ? 404 : 200;
            }

            @Override
            public Object getBody(RecordedRequest r) {
                gateway.add(r);
                bodies.add(read(r.getBody().readUtf8()));
                // LiteLLM's answer for a key it does not have, and its answer for a deleted one.
                return keyGone ? Map.of("error", Map.of("message", "Key not found in database", "code", "404"))
                        : Map.of("deleted_keys", List.of(KEY));
            }

            @Override
            public Headers getHeaders() {
                return headers;
            }

            @Override
            public void setHeaders(Headers h) {
                headers = h;
            }
        }).always();
        server.expect().get().withPath(PROXY + "/key/info?key=" + KEY).andReply(200, r -> {
            gateway.add(r);
            return Map.of("key", KEY, "info", Map.of("spend", 1.25, "max_budget", 10.0, "budget_duration", "1mo",
                    "models", List.of("local")));
        }).always();
    }

    private void answer(String path, Object response) {
        server.expect().post().withPath(PROXY + path).andReply(200, r -> {
            gateway.add(r);
            bodies.add(read(r.getBody().readUtf8()));
            return response;
        }).always();
    }

    private static JsonNode read(String json) {
        try {
            return Mappers.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode tool(String name, Map<String, Object> arguments) {
        Object result = new OperationRegistry().invoke(name, arguments,
                new OperationContext(RunningLab.cliServices(root), msg -> { }));
        return Mappers.JSON.valueToTree(StructuredResults.of(result));
    }

    private Secret secret() {
        return client.secrets().inNamespace("agent-demo").withName(AgentKeys.SECRET).get();
    }

    private static String decoded(Secret s, String key) {
        return new String(Base64.getDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8);
    }

    @Test
    void aBudgetedAgentGetsItsOwnKeyInASecretNeverInGitNorInTheResult() throws Exception {
        RunningLab.Run create = RunningLab.cli(root, "-o", "json", "agent", "create", "demo", "--allow", "qdrant",
                "--llm-budget", "5/30d", "--llm-models", "local,claude-*", "--no-wait");
        assertThat(create.code()).as(create.err()).isZero();
        assertThat(create.out() + create.err()).doesNotContain(KEY, MASTER);
        JsonNode created = read(RunningLab.cli(root, "-o", "json", "agent", "info", "demo").out());

        assertThat(gateway).hasSize(2).first().satisfies(r -> {
            assertThat(r.getMethod()).isEqualTo("POST");
            assertThat(r.getPath()).isEqualTo(PROXY + "/key/generate");
            assertThat(r.getHeader("API-Key")).isEqualTo(MASTER);
        });
        JsonNode generate = bodies.getFirst();
        assertThat(generate.path("key_alias").asText()).isEqualTo("agent-demo");
        assertThat(generate.path("max_budget").asDouble()).isEqualTo(5.0);
        assertThat(generate.path("budget_duration").asText()).isEqualTo("30d");
        assertThat(generate.path("models").toString()).isEqualTo("[\"local\",\"claude-*\"]");
        assertThat(generate.path("metadata").path("agent").asText()).isEqualTo("demo");
        // Read by LiteLLM per request (add_key_level_controls): the tags go to Langfuse, the rest to spend logs.
        assertThat(generate.at("/metadata/tags").toString()).isEqualTo("[\"agent:demo\"]");
        assertThat(generate.at("/metadata/spend_logs_metadata/agent").asText()).isEqualTo("demo");
        assertThat(generate.has("tags")).as("key-level tags are LiteLLM Enterprise only").isFalse();
        assertThat(generate.has("key")).isFalse();

        Secret s = secret();
        assertThat(decoded(s, "LITELLM_API_KEY")).isEqualTo(KEY);
        assertThat(decoded(s, "OPENAI_BASE_URL")).isEqualTo("http://litellm-proxy.gateway.svc.cluster.local:4000/v1");
        assertThat(decoded(s, "ANTHROPIC_BASE_URL")).isEqualTo("http://litellm-proxy.gateway.svc.cluster.local:4000");

        assertThat(created).isNotNull();
        assertThat(created.toString()).doesNotContain(KEY, MASTER);
        assertThat(created.at("/agent/llm/spend").asDouble()).isEqualTo(1.25);
        assertThat(created.at("/agent/values/allow").findValuesAsText("name"))
                .as("the policy allows the gateway by itself").containsExactly("qdrant", "litellm-proxy");
        assertThat(created.path("policy").path("mayReach").toString())
                .contains("litellm-proxy pods in namespace gateway on 4000/TCP only (allowed because the agent has "
                        + "an LLM budget of 5/30d)");

        Path repo = root.resolve("clusters/lab/gitops");
        try (Stream<Path> files = Files.walk(repo)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(KEY);
            }
        }
        Process log = new ProcessBuilder("git", "-C", repo.toString(), "log", "-p", "--all").start();
        String history = new String(log.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(log.waitFor()).isZero();
        assertThat(history).contains("llm:", "budget: 5/30d").doesNotContain(KEY);
    }

    @Test
    void updatingTheBudgetUpdatesTheKeyAndDeletingTheAgentRevokesIt() {
        tool("agent_create", Map.of("cluster", "lab", "name", "demo", "llmBudget", "5", "wait", false));
        tool("agent_update", Map.of("cluster", "lab", "name", "demo", "llmBudget", "10/1mo", "wait", false));

        assertThat(gateway.get(1).getPath()).isEqualTo(PROXY + "/key/update");
        assertThat(bodies.get(1).path("key").asText()).isEqualTo(KEY);
        assertThat(bodies.get(1).path("max_budget").asDouble()).isEqualTo(10.0);
        assertThat(bodies.get(1).path("budget_duration").asText()).isEqualTo("1mo");

        JsonNode list = tool("agent_list", Map.of("cluster", "lab"));
        assertThat(list.at("/agents/0/llm/spend").asDouble()).isEqualTo(1.25);
        assertThat(list.at("/agents/0/llm/budget").asText()).isEqualTo("10/1mo");

        tool("agent_delete", Map.of("cluster", "lab", "name", "demo", "wait", false));
        assertThat(gateway).extracting(RecordedRequest::getPath).last().isEqualTo(PROXY + "/key/delete");
        assertThat(bodies.getLast().path("keys").toString()).isEqualTo("[\"" + KEY + "\"]");
        assertThat(secret()).isNull();
    }

    @Test
    void noLlmBudgetRevokesTheKeyDeletesTheSecretAndKeepsTheRestOfTheAgent() {
        tool("agent_create", Map.of("cluster", "lab", "name", "demo", "allow", List.of("qdrant"), "llmBudget", "5",
                "wait", false));
        assertThat(secret()).isNotNull();

        RunningLab.Run run = RunningLab.cli(root, "-o", "json", "agent", "update", "demo", "--no-llm-budget",
                "--no-wait");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("revoked agent demo's LiteLLM key and deleted its Secret");
        assertThat(gateway).extracting(RecordedRequest::getPath).last().isEqualTo(PROXY + "/key/delete");
        assertThat(bodies.getLast().path("keys").toString()).isEqualTo("[\"" + KEY + "\"]");
        assertThat(secret()).isNull();
        JsonNode updated = read(run.out());
        assertThat(updated.at("/agent/values/llm").isMissingNode() || updated.at("/agent/values/llm").isNull())
                .as(updated.toString()).isTrue();
        assertThat(updated.at("/agent/values/allow").findValuesAsText("name")).contains("qdrant");

        int calls = gateway.size();
        RunningLab.Run again = RunningLab.cli(root, "agent", "update", "demo", "--no-llm-budget", "--no-wait");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(gateway).as("no key left to revoke").hasSize(calls);
    }

    @Test
    void aKeyLiteLlmNoLongerHasStillHasItsSecretRemoved() {
        tool("agent_create", Map.of("cluster", "lab", "name", "demo", "llmBudget", "5", "wait", false));
        keyGone = true;

        RunningLab.Run run = RunningLab.cli(root, "agent", "update", "demo", "--no-llm-budget", "--no-wait");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(gateway).extracting(RecordedRequest::getPath).last().isEqualTo(PROXY + "/key/delete");
        assertThat(secret()).isNull();
    }

    @Test
    void bothBudgetFlagsAtOnceAreRefusedAndChangeNothing() throws Exception {
        tool("agent_create", Map.of("cluster", "lab", "name", "demo", "llmBudget", "5", "wait", false));
        String before = Files.readString(root.resolve("clusters/lab/gitops/agents/demo.yaml"));

        RunningLab.Run run = RunningLab.cli(root, "agent", "update", "demo", "--llm-budget", "9", "--no-llm-budget");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--llm-budget and --no-llm-budget contradict each other");
        assertThat(Files.readString(root.resolve("clusters/lab/gitops/agents/demo.yaml"))).isEqualTo(before);
        assertThat(gateway).hasSize(1);
    }

    @Test
    void aBudgetThatStopsResettingGetsANewKeyBecauseLiteLlmCannotClearAResetPeriod() {
        tool("agent_create", Map.of("cluster", "lab", "name", "demo", "llmBudget", "5/1mo", "wait", false));
        tool("agent_update", Map.of("cluster", "lab", "name", "demo", "llmBudget", "20", "wait", false));

        assertThat(gateway).extracting(RecordedRequest::getPath).containsExactly(PROXY + "/key/generate",
                PROXY + "/key/info?key=" + KEY, PROXY + "/key/delete", PROXY + "/key/generate");
        assertThat(bodies.getLast().path("max_budget").asDouble()).isEqualTo(20.0);
        assertThat(bodies.getLast().path("budget_duration").isNull()).isTrue();
        assertThat(decoded(secret(), "LITELLM_API_KEY")).isEqualTo(KEY);
    }

    @Test
    void aGatewayWithoutItsDatabaseIsNamedWithWhatToEnable() {
        assertThat(LiteLlmAdmin.hint(500, "{\"error\":{\"message\":\"Connect Proxy to database to generate keys - "
                + "https://docs.litellm.ai/docs/proxy/virtual_keys \"}}").cli()).contains("litellm-proxy-database",
                "sikifanso app rotate-credentials litellm-proxy", "sikifanso app status postgresql");
        assertThat(LiteLlmAdmin.hint(400, "{\"detail\":{\"error\":\"Not connected to DB!\"}}").cli())
                .contains("DATABASE_URL");
        assertThat(LiteLlmAdmin.hint(503, "no endpoints available").cli()).contains("sikifanso app enable litellm-proxy");
        assertThat(LiteLlmAdmin.hint(404, "{\"error\":{\"message\":\"Key not found in database\"}}").cli())
                .as("a missing key, not a missing database").contains("--no-llm-budget")
                .doesNotContain("DATABASE_URL");
        assertThat(LiteLlmAdmin.hint(401, "Invalid proxy server token").cli()).isEqualTo("see sikifanso app logs "
                + "litellm-proxy");
    }

    @Test
    void aBudgetThatIsNotAnAmountIsRefusedBeforeAnythingIsWritten() {
        RunningLab.Run run = RunningLab.cli(root, "agent", "create", "demo", "--llm-budget", "ten", "--no-wait");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--llm-budget \"ten\" is not AMOUNT[/PERIOD]", "--llm-budget 5/30d");
        assertThat(gateway).isEmpty();
        assertThat(root.resolve("clusters/lab/gitops/agents/demo.yaml")).doesNotExist();
        assertThatThrownBy(() -> LlmBudget.parse("0/30d")).isInstanceOf(SikifansoException.class);
        assertThat(LlmBudget.parse("2.50/7d").toString()).isEqualTo("2.50/7d");
        assertThat(LlmBudget.parse("3/2w").period()).as("LiteLLM's duration_in_seconds reads weeks").isEqualTo("2w");
    }
}

package com.sikifanso.ai;

import static com.sikifanso.ai.ScriptedMessagesApi.Turn.turn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.TestHome;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.NodeAguiCheck;
import com.sikifanso.argocd.RunningLab;
import com.sikifanso.cli.CommandLines;
import com.sikifanso.core.Mappers;
import com.sikifanso.ops.JsonSchemas;
import com.sikifanso.ops.OperationRegistry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sikifanso ai} end to end: the real Anthropic SDK talks to {@link ScriptedMessagesApi} through
 * {@code ANTHROPIC_BASE_URL}; the operations run against cluster lab prepared and recorded as running, its Kubernetes
 * API the fabric8 mock server in CRUD mode (no kube-apiserver or Argo CD runs here), its GitOps repo a real git
 * repository. The command runs in this JVM as {@code Main} runs it, without a terminal.
 */
@EnableKubernetesMockClient(crud = true)
class AiOperatorTest {
    /** A credential planted in what a tool returns: it must reach no request, journal or stored conversation. */
    static final String PLANTED = "hunter2-planted-in-the-app-message";

    KubernetesClient client;

    @TempDir
    Path tmp;

    private TestHome home;
    private ScriptedMessagesApi api;

    @BeforeEach
    void runningLab() throws IOException {
        home = RunningLab.home(tmp, "http://127.0.0.1:1", "pw");
        RunningLab.writeKubeconfig(tmp, client);
        RunningLab.argoCdHasQdrantAndADegradedLangfuse(client);
        client.genericKubernetesResources(com.sikifanso.argocd.ArgoCdResources.APPLICATION).inNamespace("argocd")
                .resource(RunningLab.application("ollama", "models", "Synced", "Degraded", List.of(
                        RunningLab.resource("Deployment", "models", "ollama", "Degraded",
                                "crash: could not connect, password=" + PLANTED)))).create();
        api = new ScriptedMessagesApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    record Run(int code, String out, String err) {
        List<AguiEvent> events() {
            return out.lines().filter(l -> l.startsWith("{")).map(AguiJson::read).toList();
        }

        List<String> types() {
            return events().stream().map(e -> e.eventType().name()).toList();
        }
    }

    private Run ai(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(RunningLab.env(tmp));
        env.put("ANTHROPIC_API_KEY", "sk-ant-test-key");
        env.put("ANTHROPIC_BASE_URL", api.baseUrl());
        env.putAll(extraEnv);
        List<String> all = new ArrayList<>(List.of("-c", RunningLab.CLUSTER, "ai"));
        if (!List.of(args).contains("--max-retries")) {
            all.addAll(List.of("--max-retries", "3"));
        }
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandLines.run(all.toArray(String[]::new), env, new PrintWriter(out, true),
                new PrintWriter(err, true), false);
        return new Run(code, out.toString(), err.toString());
    }

    private Run ai(String... args) {
        return ai(Map.of(), args);
    }

    private List<String> commits() {
        return home.git().subjects();
    }

    @Test
    void theToolLoopReadsWithTheMcpToolsAndAnswersFromTheResult() {
        api.then(turn().text("Let me look.").toolUse("toolu_1", "app_status", "{\"name\":\"langfuse\"}"))
                .then(turn().text("Cause: langfuse-web is crash-looping.").usage(300, 60, 1000, 0));

        Run run = ai("-o", "json", "why is langfuse unhealthy?");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(api.requests()).hasSize(2);
        JsonNode first = api.requests().get(0).json();
        assertThat(first.path("stream").asBoolean()).isTrue();
        assertThat(first.path("system").get(0).path("cache_control").path("type").asText()).isEqualTo("ephemeral");
        JsonNode tools = first.path("tools");
        assertThat(tools.get(tools.size() - 1).path("cache_control").path("type").asText()).isEqualTo("ephemeral");
        var offered = new OperationRegistry().all().stream().filter(o -> o.offeredToClients()).toList();
        assertThat(tools).hasSize(offered.size());
        JsonNode appStatus = find(tools, "app_status");
        var op = offered.stream().filter(o -> o.name().equals("app_status")).findFirst().orElseThrow();
        assertThat(appStatus.path("description").asText()).isEqualTo(op.description());
        assertThat(appStatus.path("input_schema")).isEqualTo(Mappers.JSON.valueToTree(JsonSchemas.input(op.input())));
        assertThat(tools.findValuesAsText("name")).doesNotContain("app_credentials");

        JsonNode result = ScriptedMessagesApi.toolResults(api.requests().get(1)).get("toolu_1");
        assertThat(result.path("is_error").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.path("content").asText()).contains("Degraded").contains("container crash-looping");
        assertThat(run.types()).startsWith("RUN_STARTED", "STEP_STARTED", "TEXT_MESSAGE_START")
                .containsSubsequence("TOOL_CALL_START", "TOOL_CALL_ARGS", "TOOL_CALL_END", "TOOL_CALL_RESULT",
                        "STEP_FINISHED", "STEP_STARTED", "TEXT_MESSAGE_CONTENT", "STEP_FINISHED", "RUN_FINISHED");
        AguiEvent.RunFinished finished = (AguiEvent.RunFinished) run.events().get(run.events().size() - 1);
        assertThat(finished.usage().get(0).cachedInputTokens()).isEqualTo(1000L);
        assertThat(finished.usage().get(0).outputTokens()).isEqualTo(100L);
        assertThat(finished.result().path("turns").asInt()).isEqualTo(2);
        // At the default model's (a Sonnet) list price: 420 input, 1000 cache-read and 100 output tokens.
        assertThat(finished.result().path("costUsd").asDouble()).isEqualTo((420 * 3 + 1000 * 0.3 + 100 * 15) / 1e6);
        agUiAccepts(run.events());
    }

    @Test
    void aChangeWithoutApprovalChangesNothingAndTheModelIsToldSo() {
        List<String> before = commits();
        api.then(turn().toolUse("toolu_1", "catalog_enable", "{\"names\":[\"qdrant\"]}"))
                .then(turn().text("I would enable qdrant; approve with --yes."));

        Run run = ai("-o", "json", "enable qdrant");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(commits()).isEqualTo(before);
        JsonNode result = ScriptedMessagesApi.toolResults(api.requests().get(1)).get("toolu_1");
        assertThat(result.path("is_error").asBoolean()).isTrue();
        assertThat(result.path("content").asText()).startsWith("Not approved: there is no terminal to ask")
                .contains("Nothing was changed");
        assertThat(run.err()).contains("Plan: catalog_enable");
        assertThat(run.events()).filteredOn(e -> e instanceof AguiEvent.Custom c && c.name().equals(Operator.PLAN_EVENT))
                .hasSize(1);
        agUiAccepts(run.events());
    }

    @Test
    void approvedWithYesTheChangeIsCommittedAsPlanned() throws IOException {
        List<String> before = commits();
        api.then(turn().toolUse("toolu_1", "catalog_enable", "{\"names\":[\"qdrant\"],\"wait\":false}"))
                .then(turn().text("Enabled qdrant."));

        Run run = ai("-o", "json", "--yes", "enable qdrant");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(commits()).hasSize(before.size() + 1);
        JsonNode plan = run.events().stream().filter(e -> e instanceof AguiEvent.Custom c
                && c.name().equals(Operator.PLAN_EVENT)).map(e -> ((AguiEvent.Custom) e).value()).findFirst()
                .orElseThrow();
        assertThat(plan.path("operation").asText()).isEqualTo("catalog_enable");
        assertThat(plan.at("/arguments/names").toString()).isEqualTo("[\"qdrant\"]");
        assertThat(plan.at("/arguments/cluster").asText()).isEqualTo("lab");
        List<String> committed = home.git().filesInHead();
        assertThat(committed).contains("catalog/qdrant.yaml");
        List<String> planned = new ArrayList<>();
        plan.path("files").forEach(f -> planned.add(f.asText()));
        assertThat(committed).as("the commit is the plan's").containsExactlyInAnyOrderElementsOf(planned);
        String runId = run.events().stream().filter(e -> e instanceof AguiEvent.RunStarted)
                .map(e -> ((AguiEvent.RunStarted) e).runId()).findFirst().orElseThrow();
        assertThat(home.git().run("log", "-1", "--format=%B")).as("the commit names the operator's run")
                .contains("Sikifanso-Run: " + runId, "Sikifanso-Surface: ai");
        List<AguiEvent> journalled = new com.sikifanso.agui.journal.ActivityJournal(
                tmp.resolve("clusters").resolve(RunningLab.CLUSTER), com.sikifanso.agui.journal.JournalOptions.DEFAULTS)
                .readRun(runId).stream().map(com.sikifanso.agui.journal.JournalEntry::event).toList();
        assertThat(journalled.stream().filter(e -> e instanceof AguiEvent.RunStarted)).as("one run, not one nested "
                + "in another for the tool call").hasSize(1);
        agUiAccepts(journalled);
        assertThat(Files.readString(home.gitOps().resolve("catalog/qdrant.yaml"))).contains("enabled: true");
        JsonNode result = ScriptedMessagesApi.toolResults(api.requests().get(1)).get("toolu_1");
        assertThat(result.path("is_error").asBoolean()).as(result.toString()).isFalse();
        assertThat(run.err()).contains("undo them with: sikifanso ai undo ");
        agUiAccepts(run.events());
    }

    @Test
    void aDestructiveChangeIsRefusedWithoutAllowDestructiveEvenWithYes() {
        List<String> before = commits();
        api.then(turn().toolUse("toolu_1", "cluster_delete", "{\"cluster\":\"lab\"}"))
                .then(turn().text("I cannot delete it without your consent."));

        Run run = ai("--yes", "delete the cluster");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(commits()).isEqualTo(before);
        assertThat(home.sessionFile("lab")).exists();
        JsonNode result = ScriptedMessagesApi.toolResults(api.requests().get(1)).get("toolu_1");
        assertThat(result.path("is_error").asBoolean()).isTrue();
        assertThat(result.path("content").asText()).contains("cluster_delete is destructive")
                .contains("--allow-destructive");
    }

    @Test
    void aSecretInAToolResultReachesNoRequestNorTheJournalNorTheStoredConversation() throws IOException {
        api.then(turn().toolUse("toolu_1", "app_status", "{\"name\":\"ollama\"}"))
                .then(turn().text("ollama cannot connect."));

        Run run = ai("-o", "json", "why is ollama unhealthy?");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode result = ScriptedMessagesApi.toolResults(api.requests().get(1)).get("toolu_1");
        assertThat(result.path("content").asText()).contains("could not connect").contains("****");
        assertThat(api.everythingSent()).doesNotContain(PLANTED);
        assertThat(run.out()).doesNotContain(PLANTED);
        assertThat(Files.readString(home.clusterDir("lab").resolve("activity.jsonl"))).doesNotContain(PLANTED)
                .contains("\"surface\":\"ai\"");
        Path stored = home.clusterDir("lab").resolve(ConversationStore.FILE);
        assertThat(Files.readString(stored)).doesNotContain(PLANTED).contains("why is ollama unhealthy?");
        assertThat(Files.getPosixFilePermissions(stored).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
    }

    @Test
    void rateLimitsAndOverloadsAreRetriedByTheSdkWithBackoff() {
        api.thenStatus(429, "rate_limit_error", Map.of("retry-after", "1"))
                .thenStatus(529, "overloaded_error", Map.of())
                .then(turn().text("All good."));

        Run run = ai("-o", "json", "hello");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(api.requests()).hasSize(3);
        // The SDK numbers its attempts; the same request body each time.
        assertThat(api.requests()).extracting(r -> r.headers().get("x-stainless-retry-count"))
                .containsExactly("0", "1", "2");
        assertThat(api.requests().get(2).body()).isEqualTo(api.requests().get(0).body());
        assertThat(run.types()).endsWith("RUN_FINISHED");
    }

    @Test
    void retriesThatRunOutAndAnErrorMidStreamEndTheRunWithRunError() {
        api.then(turn().text("Looking").failingWith("overloaded_error"));

        Run run = ai("-o", "json", "hello");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("the model's stream ended with an error");
        assertThat(run.types()).endsWith("RUN_ERROR").as("the failed turn is not reported done")
                .doesNotContain("STEP_FINISHED");
        agUiAccepts(run.events());

        api.then(turn().text("Looking").failingWith("overloaded_error"));
        Run rendered = ai("hello");
        assertThat(rendered.out()).as("as a person reads it").contains("✘ turn 1 (unfinished)")
                .doesNotContain("✓ turn 1");

        api.thenStatus(429, "rate_limit_error", Map.of("retry-after", "0.01"))
                .thenStatus(429, "rate_limit_error", Map.of("retry-after", "0.01"));
        Run limited = ai(Map.of(), "--max-retries", "1", "hello");
        assertThat(limited.code()).isEqualTo(1);
        assertThat(limited.err()).contains("answered 429").contains("after retries");
    }

    @Test
    void thinkingStreamsAsReasoningAndGoesBackWithItsSignatureWithinTheTurn() {
        api.then(turn().thinking("The status will tell.", "sig-abc").toolUse("toolu_1", "argocd_apps", "{}"))
                .then(turn().text("Two apps."));

        Run run = ai("-o", "json", "--thinking", "2048", "what runs?");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(api.requests().get(0).json().at("/thinking/budget_tokens").asLong()).isEqualTo(2048);
        assertThat(run.types()).containsSubsequence("REASONING_START", "REASONING_MESSAGE_START",
                "REASONING_MESSAGE_CONTENT", "REASONING_MESSAGE_END", "REASONING_END", "TOOL_CALL_START");
        JsonNode assistant = api.requests().get(1).json().at("/messages/1/content/0");
        assertThat(assistant.path("type").asText()).isEqualTo("thinking");
        assertThat(assistant.path("signature").asText()).isEqualTo("sig-abc");
        agUiAccepts(run.events());
    }

    @Test
    void continueGoesOnFromTheLastConversation() {
        api.then(turn().text("langfuse is Degraded.")).then(turn().text("qdrant is Healthy."));

        assertThat(ai("how is langfuse?").code()).isZero();
        Run second = ai("--continue", "and qdrant?");

        assertThat(second.code()).as(second.err()).isZero();
        JsonNode messages = api.requests().get(1).json().path("messages");
        assertThat(messages.findValuesAsText("text")).containsExactly("how is langfuse?", "langfuse is Degraded.",
                "and qdrant?");
        assertThat(api.requests().get(0).json().path("messages")).hasSize(1);
    }

    @Test
    void continueFromADamagedConversationSaysWhatIsWrongAndAsksTheModelNothing() throws IOException {
        Path stored = home.clusterDir("lab").resolve(ConversationStore.FILE);
        String damaged = "{\"messages\":[{\"role\":\"user\",\"content\":\"edited by hand\"}]}";
        Files.writeString(stored, damaged);
        api.then(turn().text("unused"));

        Run run = ai("--continue", "and qdrant?");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("Error: cannot read the last conversation " + stored
                + ": message 1 is not a user or assistant turn with a content array").contains("without --continue")
                .doesNotContain("unexpected failure");
        assertThat(api.requests()).isEmpty();
        assertThat(Files.readString(stored)).isEqualTo(damaged);
    }

    @Test
    void readOnlyOffersOnlyReads() {
        api.then(turn().text("Nothing to change."));

        assertThat(ai("--read-only", "look").code()).isZero();

        JsonNode tools = api.requests().get(0).json().path("tools");
        assertThat(tools.findValuesAsText("name")).contains("doctor", "app_status").doesNotContain("catalog_enable",
                "cluster_delete");
    }

    @Test
    void withoutAKeyOneLineSaysHowToSetOneAndNothingIsSent() {
        Run run = ai(Map.of("ANTHROPIC_API_KEY", ""), "hello");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("no Anthropic API key: set ANTHROPIC_API_KEY");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void badFlagsAreRefusedBeforeAnythingIsSent() {
        assertThat(ai("--via", "openrouter", "x").err()).contains("--via openrouter is not a gateway");
        assertThat(ai("--thinking", "10", "x").err()).contains("--thinking must be 0, or at least 1024");
        assertThat(ai("-o", "yaml", "x").code()).isEqualTo(2);
        assertThat(ai().err()).contains("no prompt");
        assertThat(api.requests()).isEmpty();
    }

    private static JsonNode find(JsonNode tools, String name) {
        for (JsonNode t : tools) {
            if (t.path("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no tool " + name);
    }

    /** Every event passes @ag-ui/core's schemas and @ag-ui/client's order checks. */
    static void agUiAccepts(List<AguiEvent> events) {
        JsonNode result = new NodeAguiCheck().stream("ai", events).run().at("/streams/0");
        assertThat(result.path("schemaErrors")).as(result.toPrettyString()).isEmpty();
        assertThat(result.path("verifyError").isNull()).as(result.path("verifyError").asText()).isTrue();
    }
}

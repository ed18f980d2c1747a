package com.sikifanso.server;

import static com.sikifanso.ai.ScriptedMessagesApi.Turn.turn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.NodeAguiCheck;
import com.sikifanso.ai.ApprovalPolicy;
import com.sikifanso.ai.ClaudeEndpoint;
import com.sikifanso.ai.Operator;
import com.sikifanso.ai.OperatorSession;
import com.sikifanso.ai.ScriptedMessagesApi;
import com.sikifanso.ops.WaitPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/agui/run} with a conversation runs the AI operator for the official {@code @ag-ui/client}
 * HttpAgent, and a change goes through AG-UI's human-in-the-loop pattern: the run ends with a call of the client-side
 * tool {@code sikifanso_approve} (the plan as its arguments) and nothing changed; the client answers it in its next
 * run, which makes the change and lets the model go on. The model is {@link ScriptedMessagesApi}, reached by the real
 * SDK; the cluster is a {@code --gitops-only} one with a real GitOps repo.
 */
class OperatorRunEndpointTest {
    @TempDir
    Path home;

    @Test
    void aChangeWaitsForTheClientsApprovalAndRunsInItsNextRun() throws Exception {
        NodeAguiCheck.assumeAvailable();
        try (ScriptedMessagesApi api = new ScriptedMessagesApi()) {
            api.then(turn().text("Enabling qdrant.").toolUse("toolu_1", "catalog_enable", "{\"names\":[\"qdrant\"]}"))
                    .then(turn().text("qdrant is enabled."));
            java.util.concurrent.atomic.AtomicReference<ServedCluster> served0 = new java.util.concurrent.atomic.AtomicReference<>();
            try (ServedCluster served = new ServedCluster(home, "srv-ai", c -> operator(api, served0.get(), c))) {
                served0.set(served);
                int commits = commitCount(served);
                String url = served.url("/api/agui/run");
                JsonNode first = new NodeAguiCheck().httpAgent("ask", url, served.token, "ai-run-1",
                        AguiJson.MAPPER.valueToTree(List.of(Map.of("id", "u1", "role", "user",
                                "content", "set up a vector store"))), AguiJson.MAPPER.createObjectNode())
                        .run().at("/runs/0");

                officialChecksPass(first);
                assertThat(commitCount(served)).as("nothing changes before the user approves").isEqualTo(commits);
                JsonNode finished = last(first.path("events"));
                assertThat(finished.at("/outcome/pendingToolCallIds/0").asText()).isEqualTo("approve-toolu_1");
                JsonNode approve = first.path("events").findParents("toolCallName").stream()
                        .filter(e -> e.path("toolCallName").asText().equals(Operator.APPROVE_TOOL)).findFirst()
                        .orElseThrow();
                assertThat(approve.path("toolCallId").asText()).isEqualTo("approve-toolu_1");
                assertThat(first.path("events").toString()).contains("catalog_enable", "qdrant");

                ArrayNode history = (ArrayNode) first.path("messages").deepCopy();
                history.addObject().put("id", "t-approve").put("role", "tool").put("toolCallId", "approve-toolu_1")
                        .put("content", "yes");
                JsonNode second = new NodeAguiCheck().httpAgent("approved", url, served.token, "ai-run-2", history,
                        AguiJson.MAPPER.createObjectNode()).run().at("/runs/0");

                officialChecksPass(second);
                assertThat(commitCount(served)).isEqualTo(commits + 1);
                assertThat(Files.readString(home.resolve("clusters/srv-ai/gitops/catalog/qdrant.yaml")))
                        .contains("enabled: true");
                JsonNode resent = ScriptedMessagesApi.toolResults(api.requests().get(1)).get("toolu_1");
                assertThat(resent.path("is_error").asBoolean()).as(resent.toString()).isFalse();
                assertThat(api.requests().get(1).json().at("/messages/0/content/0/text").asText())
                        .isEqualTo("set up a vector store");
                assertThat(second.path("events").toString()).contains("\"toolCallId\":\"run-toolu_1\"");
                assertThat(second.path("messages").toString()).as("the client's history gained the answer")
                        .contains("qdrant is enabled.");
                assertThat(api.unanswered()).isZero();
            }
        }
    }

    @Test
    void aConversationWithoutThreadIdIsRefusedAndWithoutAKeyIs503() throws Exception {
        try (ServedCluster served = new ServedCluster(home, "srv-ai-bad")) {
            String user = "{\"id\":\"u\",\"role\":\"user\",\"content\":\"hi\"}";
            Requests.Answer noThread = Requests.send(served.server.port(), "POST", "/api/agui/run", served.token,
                    "{\"messages\":[" + user + "]}");
            assertThat(noThread.status()).isEqualTo(400);
            assertThat(noThread.body()).contains("threadId is missing");
            Requests.Answer noKey = Requests.send(served.server.port(), "POST", "/api/agui/run", served.token,
                    "{\"threadId\":\"t\",\"runId\":\"r\",\"messages\":[" + user + "]}");
            assertThat(noKey.status()).isEqualTo(503);
            assertThat(noKey.body()).contains("the AI operator is not available");
        }
    }

    /** The operator as serve wires it, its endpoint the scripted API. */
    private static OperatorSession operator(ScriptedMessagesApi api, ServedCluster served, String cluster) {
        return new OperatorSession(served.services, new ClaudeEndpoint(api.baseUrl(), "sk-ant-test", null)
                .client(1, Duration.ofSeconds(30)), new OperatorSession.Options(cluster,
                new Operator.Settings("claude-test", 1024, 0, 5), false, WaitPolicy.PROGRAM),
                new ApprovalPolicy(false, false, Optional.empty()), msg -> { }, plan -> { });
    }

    private static void officialChecksPass(JsonNode run) {
        assertThat(run.path("error").isNull()).as(run.toPrettyString()).isTrue();
        assertThat(run.path("schemaErrors")).as(run.toPrettyString()).isEmpty();
        assertThat(run.path("verifyError").isNull()).as(run.path("verifyError").asText()).isTrue();
    }

    private static JsonNode last(JsonNode events) {
        return events.get(events.size() - 1);
    }

    private static int commitCount(ServedCluster served) {
        return new com.sikifanso.GitCli(served.home.resolve("clusters").resolve(served.cluster).resolve("gitops"))
                .subjects().size();
    }
}

package com.sikifanso.server;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.NodeAguiCheck;
import com.sikifanso.agui.journal.JournalEntry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official {@code @ag-ui/client} {@code HttpAgent} (npm, run by {@link NodeAguiCheck}) drives
 * {@code POST /api/agui/run}: it gets the run's events, {@code @ag-ui/core}'s EventSchemas accept each,
 * {@code verifyEvents} accepts their order, and a refusal reaches it as the HTTP error it reports.
 */
class HttpAgentRunTest {
    @TempDir
    Path home;

    private static JsonNode toolCallMessages(String operation, String arguments) {
        return AguiJson.MAPPER.valueToTree(List.of(
                java.util.Map.of("id", "u1", "role", "user", "content", "turn it on"),
                java.util.Map.of("id", "a1", "role", "assistant", "toolCalls", List.of(java.util.Map.of("id", "call-1",
                        "type", "function", "function", java.util.Map.of("name", operation, "arguments", arguments))))));
    }

    @Test
    void httpAgentRunsAnOperationAndItsEventsPassTheOfficialChecks() throws Exception {
        NodeAguiCheck.assumeAvailable();
        try (ServedCluster served = new ServedCluster(home, "srv-agent")) {
            served.services.agents().create(ClusterName.of("srv-agent"), "scout",
                    new com.sikifanso.agents.AgentSpec(null, null, null, null, null, null, null, null));
            String url = served.url("/api/agui/run");
            JsonNode result = new NodeAguiCheck()
                    .httpAgent("enable", url, served.token, "agent-run-1",
                            toolCallMessages("catalog_enable", "{\"names\":[\"qdrant\"]}"), AguiJson.MAPPER.createObjectNode())
                    .httpAgent("unconfirmed", url, served.token, "agent-run-2",
                            toolCallMessages("agent_delete", "{\"name\":\"scout\"}"), AguiJson.MAPPER.createObjectNode())
                    .httpAgent("confirmed", url, served.token, "agent-run-3",
                            toolCallMessages("agent_delete", "{\"name\":\"scout\"}"),
                            AguiJson.MAPPER.createObjectNode().put("confirm", true))
                    .httpAgent("wrong token", url, "nope", "agent-run-4",
                            toolCallMessages("catalog_list", "{}"), AguiJson.MAPPER.createObjectNode())
                    .run();

            JsonNode enable = result.at("/runs/0");
            assertThat(enable.path("error").isNull()).as(enable.toPrettyString()).isTrue();
            assertThat(enable.path("schemaErrors")).as(enable.toPrettyString()).isEmpty();
            assertThat(enable.path("verifyError").isNull()).as(enable.path("verifyError").asText()).isTrue();
            assertThat(enable.path("warnings")).isEmpty();
            List<JournalEntry> journalled = served.journal().readRun("agent-run-1");
            assertThat(enable.path("events")).as("what the agent received is the journal's run")
                    .isEqualTo(AguiJson.MAPPER.valueToTree(journalled.stream()
                            .map(e -> AguiJson.tree(e.event())).toList()));
            assertThat(enable.at("/events/5/type").asText()).isEqualTo("RUN_FINISHED");
            assertThat(enable.path("messages").toString()).as("the agent's history gained the tool result")
                    .contains("\\\"changed\\\":[\\\"qdrant\\\"]");

            JsonNode refused = result.at("/runs/1");
            assertThat(refused.path("status").asInt()).isEqualTo(403);
            assertThat(refused.path("error").asText()).contains("HTTP 403", "agent_delete refused",
                    "forwardedProps {\"confirm\": true}");
            assertThat(refused.path("events")).isEmpty();

            JsonNode confirmed = result.at("/runs/2");
            assertThat(confirmed.path("error").isNull()).as(confirmed.toPrettyString()).isTrue();
            assertThat(confirmed.path("verifyError").isNull()).isTrue();
            assertThat(confirmed.at("/events/5/type").asText()).isEqualTo("RUN_FINISHED");

            assertThat(result.at("/runs/3/status").asInt()).isEqualTo(401);
        }
    }
}

package com.sikifanso.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MCP 2026-07-28 over stdio, in raw lines as the revision's pages and schema (schema/2026-07-28/schema.ts of
 * modelcontextprotocol/modelcontextprotocol) write them: no initialize, _meta on every request, resultType and
 * cache hints on results, -32022 for an unknown version, the destructive-tool confirmation as an
 * input_required result answered by a retry, and subscriptions/listen. The same process still answers
 * initialize (a dual-era server).
 */
class McpModernEraTest {
    private static final String ELICIT = "{\"elicitation\":{}}";
    private static final String DELETE_BOB = "{\"name\":\"agent_delete\",\"arguments\":{\"cluster\":\"lab\",\"name\":\"bob\"}}";

    @TempDir
    Path root;

    @Test
    void discoverAndListsWithoutInitialize() throws Exception {
        McpHome.withCluster(root);
        try (RawStdio stdio = new RawStdio(root, ServerCommand.mcpServe())) {
            JsonNode discover = stdio.answer(Modern.request("d", "server/discover", "{}").toString());
            assertThat(discover.path("id").asText()).isEqualTo("d");
            JsonNode result = discover.path("result");
            assertThat(result.path("resultType").asText()).as(discover.toString()).isEqualTo("complete");
            assertThat(result.path("supportedVersions").toString()).contains("\"2026-07-28\"", "\"2025-11-25\"");
            assertThat(result.at("/capabilities/tools").isObject()).isTrue();
            assertThat(result.at("/_meta/io.modelcontextprotocol~1serverInfo/name").asText()).isEqualTo("sikifanso");
            assertCacheHints(result);

            JsonNode tools = stdio.answer(Modern.request(2, "tools/list", "{}").toString()).path("result");
            assertThat(tools.path("resultType").asText()).isEqualTo("complete");
            assertThat(tools.path("tools").findValuesAsText("name")).contains("cluster_list", "agent_delete");
            assertCacheHints(tools);
            for (String list : new String[] {"resources/list", "resources/templates/list", "prompts/list"}) {
                JsonNode answer = stdio.answer(Modern.request(3, list, "{}").toString()).path("result");
                assertThat(answer.path("resultType").asText()).as(list).isEqualTo("complete");
                assertCacheHints(answer);
            }

            JsonNode call = stdio.answer(Modern.request(4, "tools/call",
                    "{\"name\":\"cluster_list\",\"arguments\":{}}").toString()).path("result");
            assertThat(call.path("resultType").asText()).isEqualTo("complete");
            assertThat(call.path("isError").asBoolean()).as(call.toString()).isFalse();
            assertThat(call.path("structuredContent").toString()).contains("lab");

            JsonNode bad = stdio.answer(Modern.request(5, "tools/call",
                    "{\"name\":\"cluster_info\",\"arguments\":{\"cluster\":42}}").toString());
            assertThat(bad.at("/result/isError").asBoolean()).as("SEP-1303 holds: " + bad).isTrue();
            JsonNode unknown = stdio.answer(Modern.request(6, "tools/call", "{\"name\":\"nope\"}").toString());
            assertThat(unknown.at("/error/code").asInt()).isEqualTo(-32602);
            assertThat(unknown.at("/error/message").asText()).startsWith("Unknown tool \"nope\"");
            JsonNode read = stdio.answer(Modern.request(7, "resources/read",
                    "{\"uri\":\"sikifanso://clusters/lab/session\"}").toString()).path("result");
            assertThat(read.at("/contents/0/text").asText()).contains("lab");
            assertCacheHints(read);
            JsonNode missing = stdio.answer(Modern.request(8, "resources/read",
                    "{\"uri\":\"sikifanso://nothing\"}").toString());
            assertThat(missing.at("/error/code").asInt()).as("resource not found is -32602 now").isEqualTo(-32602);
        }
    }

    @Test
    void versionsAndMetaAreChecked() throws Exception {
        McpHome.withCluster(root);
        try (RawStdio stdio = new RawStdio(root, ServerCommand.mcpServe())) {
            JsonNode old = stdio.answer(Modern.request(1, "tools/list", RawStdio.JSON.createObjectNode(),
                    "1900-01-01", "{}").toString());
            assertThat(old.at("/error/code").asInt()).as(old.toString()).isEqualTo(-32022);
            assertThat(old.at("/error/data/supported").toString()).contains("2026-07-28");
            assertThat(old.at("/error/data/requested").asText()).isEqualTo("1900-01-01");

            JsonNode noCapabilities = stdio.answer(Modern.request(2, "tools/list", "{}", null).toString());
            assertThat(noCapabilities.at("/error/code").asInt()).isEqualTo(-32602);
            assertThat(noCapabilities.at("/error/message").asText()).contains("clientCapabilities");
            JsonNode noVersion = stdio.answer(Modern.request(3, "server/discover", RawStdio.JSON.createObjectNode(),
                    null, "{}").toString());
            assertThat(noVersion.at("/error/code").asInt()).isEqualTo(-32602);
            assertThat(noVersion.at("/error/message").asText()).contains("protocolVersion");
            JsonNode ping = stdio.answer(Modern.request(4, "ping", "{}").toString());
            assertThat(ping.at("/error/code").asInt()).as("ping is gone in 2026-07-28").isEqualTo(-32601);

            assertThat(stdio.initialize("2025-11-25").path("protocolVersion").asText())
                    .as("the same process still speaks the initialize era").isEqualTo("2025-11-25");
            JsonNode legacy = stdio.answer("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\"}");
            assertThat(legacy.at("/result/tools").size()).isGreaterThan(10);
            assertThat(legacy.at("/result/resultType").isMissingNode()).as("no resultType in the old era").isTrue();
        }
    }

    @Test
    void confirmationIsAnInputRequiredResultAnsweredByTheRetry() throws Exception {
        McpHome home = McpHome.withCluster(root).withAgent("bob");
        int before = home.commitCount();
        try (RawStdio stdio = new RawStdio(root, ServerCommand.mcpServe())) {
            JsonNode refused = stdio.answer(Modern.request(1, "tools/call", DELETE_BOB).toString()).path("result");
            assertThat(refused.path("isError").asBoolean()).as(refused.toString()).isTrue();
            assertThat(refused.at("/content/0/text").asText()).as("the old era's refusal")
                    .contains("no elicitation support", "Nothing was changed", "--allow-destructive");

            JsonNode asked = stdio.answer(Modern.request(2, "tools/call", DELETE_BOB, ELICIT).toString())
                    .path("result");
            assertThat(asked.path("resultType").asText()).as(asked.toString()).isEqualTo("input_required");
            JsonNode question = asked.at("/inputRequests/confirm");
            assertThat(question.path("method").asText()).isEqualTo("elicitation/create");
            assertThat(question.at("/params/mode").asText()).isEqualTo("form");
            assertThat(question.at("/params/message").asText()).contains("bob");
            assertThat(question.at("/params/requestedSchema/properties/confirm/type").asText()).isEqualTo("boolean");
            assertThat(asked.has("ttlMs")).as("interim results carry no cache hints").isFalse();
            String state = asked.path("requestState").asText();

            JsonNode early = stdio.answer(retry(3, DELETE_BOB, null, "accept", true).toString()).path("result");
            assertThat(early.path("resultType").asText()).as("a yes without the state is asked again")
                    .isEqualTo("input_required");
            JsonNode forged = stdio.answer(retry(4, DELETE_BOB, state + "x", "accept", true).toString());
            assertThat(forged.at("/error/code").asInt()).as(forged.toString()).isEqualTo(-32602);
            JsonNode other = stdio.answer(retry(5, DELETE_BOB.replace("bob", "alice"), state, "accept", true)
                    .toString());
            assertThat(other.at("/error/message").asText()).as("state is bound to the arguments")
                    .contains("requestState");
            JsonNode declined = stdio.answer(retry(6, DELETE_BOB, state, "decline", false).toString())
                    .path("result");
            assertThat(declined.at("/content/0/text").asText()).contains("not confirmed", "nothing was changed");
            assertThat(home.commitCount()).as("nothing changed yet").isEqualTo(before);

            JsonNode done = stdio.answer(retry(7, DELETE_BOB, state, "accept", true).toString()).path("result");
            assertThat(done.path("resultType").asText()).isEqualTo("complete");
            assertThat(done.path("isError").asBoolean()).as(done.toString()).isFalse();
            assertThat(done.at("/structuredContent/deleted").asText()).isEqualTo("bob");
            assertThat(home.commitCount()).isEqualTo(before + 1);
        }
    }

    @Test
    void listenAcknowledgesAndReportsChangesThisServerMakes() throws Exception {
        McpHome.withCluster(root).withAgent("bob");
        try (RawStdio stdio = new RawStdio(root, ServerCommand.mcpServe("--allow-destructive"))) {
            JsonNode ack = stdio.answer(Modern.request("listen-1", "subscriptions/listen", "{\"notifications\":"
                    + "{\"toolsListChanged\":true,\"resourcesListChanged\":true,"
                    + "\"resourceSubscriptions\":[\"sikifanso://clusters/lab/agents/bob\","
                    + "\"sikifanso://clusters/lab/catalog\"]}}").toString());
            assertThat(ack.path("method").asText()).isEqualTo("notifications/subscriptions/acknowledged");
            assertThat(ack.at("/params/_meta/io.modelcontextprotocol~1subscriptionId").asText()).isEqualTo("listen-1");
            assertThat(ack.at("/params/notifications/resourcesListChanged").asBoolean()).isTrue();
            assertThat(ack.at("/params/notifications/toolsListChanged").isMissingNode())
                    .as("tools never change here, so that filter is not honoured").isTrue();

            stdio.send(Modern.request(2, "tools/call", DELETE_BOB).toString());
            JsonNode[] seen = {stdio.next(), stdio.next(), stdio.next()};
            assertThat(seen).extracting(n -> n.path("method").asText(n.path("id").asText()) + n.at("/params/uri")
                            .asText(""))
                    .as("the agent's resource, not the catalog, which an agent is not part of")
                    .containsExactlyInAnyOrder("notifications/resources/list_changed",
                            "notifications/resources/updatedsikifanso://clusters/lab/agents/bob", "2");
            for (JsonNode n : seen) {
                if (n.has("method")) {
                    assertThat(n.at("/params/_meta/io.modelcontextprotocol~1subscriptionId").asText())
                            .isEqualTo("listen-1");
                }
            }

            JsonNode second = stdio.answer(Modern.request("listen-2", "subscriptions/listen",
                    "{\"notifications\":{\"resourcesListChanged\":true}}").toString());
            assertThat(second.at("/params/_meta/io.modelcontextprotocol~1subscriptionId").asText()).isEqualTo("listen-2");
            stdio.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":"
                    + "\"listen-1\"}}");
            stdio.send(Modern.request(3, "tools/call", "{\"name\":\"agent_create\",\"arguments\":"
                    + "{\"cluster\":\"lab\",\"name\":\"carol\"}}").toString());
            List<JsonNode> lines = new ArrayList<>();
            do { // until listen-2 hears of carol: by then listen-1 would have too, had the cancel not ended it
                lines.add(stdio.next());
            } while (!lines.get(lines.size() - 1).path("method").asText().endsWith("list_changed"));
            assertThat(lines).extracting(n -> n.at("/params/_meta/io.modelcontextprotocol~1subscriptionId").asText())
                    .as("nothing for the cancelled listen-1: " + lines).doesNotContain("listen-1");
            assertThat(lines).anyMatch(n -> n.path("id").asInt() == 3);
        }
    }

    static ObjectNode retry(int id, String call, String state, String action, boolean confirm) throws Exception {
        ObjectNode params = (ObjectNode) RawStdio.JSON.readTree(call);
        if (state != null) {
            params.put("requestState", state);
        }
        ObjectNode answer = params.putObject("inputResponses").putObject("confirm").put("action", action);
        answer.putObject("content").put("confirm", confirm);
        return Modern.request(id, "tools/call", params, Modern.VERSION, ELICIT);
    }

    private static void assertCacheHints(JsonNode result) {
        assertThat(result.path("ttlMs").isIntegralNumber()).as(result.toString()).isTrue();
        assertThat(result.path("ttlMs").asLong()).isNotNegative();
        assertThat(result.path("cacheScope").asText()).isIn("public", "private");
    }
}

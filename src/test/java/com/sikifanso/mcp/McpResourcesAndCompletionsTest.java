package com.sikifanso.mcp;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.gitops.TemplateSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * resources/list names the concrete resources (each served cluster's session and catalog, each of its agents)
 * beside the templates, and completion/complete offers cluster, app and agent names, in both eras. After a
 * tool call that adds an agent, the old era is told the list changed and lists it. The troubleshoot prompt leads
 * to tools that exist.
 */
class McpResourcesAndCompletionsTest {
    @TempDir
    Path root;

    @Test
    void concreteResourcesAndCompletionsInTheInitializeEra() throws Exception {
        McpHome.withCluster(root).withAgent("bob");
        try (RawStdio stdio = new RawStdio(root, ServerCommand.mcpServe())) {
            JsonNode init = stdio.initialize("2025-11-25");
            assertThat(init.at("/capabilities/completions").isObject()).as(init.toString()).isTrue();
            assertThat(uris(stdio.answer(legacy(1, "resources/list", "{}")).at("/result/resources")))
                    .containsExactlyInAnyOrder("sikifanso://clusters/lab/session", "sikifanso://clusters/lab/catalog",
                            "sikifanso://clusters/lab/agents/bob");
            assertThat(values(stdio.answer(legacy(2, "completion/complete", promptArgument("cluster", "l", "{}")))))
                    .containsExactly("lab");
            assertThat(values(stdio.answer(legacy(3, "completion/complete", promptArgument("cluster", "x", "{}")))))
                    .isEmpty();
            assertThat(values(stdio.answer(legacy(4, "completion/complete", promptArgument("app", "qd",
                    "{\"cluster\":\"lab\"}"))))).containsExactly("qdrant");
            assertThat(values(stdio.answer(legacy(5, "completion/complete", "{\"ref\":{\"type\":\"ref/resource\","
                    + "\"uri\":\"sikifanso://clusters/{cluster}/agents/{agent}\"},\"argument\":{\"name\":\"agent\","
                    + "\"value\":\"\"},\"context\":{\"arguments\":{\"cluster\":\"lab\"}}}")))).containsExactly("bob");

            stdio.send(legacy(6, "tools/call", "{\"name\":\"agent_create\",\"arguments\":{\"cluster\":\"lab\","
                    + "\"name\":\"carol\"}}"));
            List<String> seen = new ArrayList<>();
            JsonNode answer = null;
            // The change reaches clients through the cluster's activity journal, a moment after the answer.
            while (answer == null || !seen.contains("notifications/resources/list_changed")) {
                JsonNode line = stdio.next();
                seen.add(line.path("method").asText(line.path("id").asText()));
                answer = line.has("id") ? line : answer;
            }
            assertThat(answer.at("/result/isError").asBoolean()).as(answer.toString()).isFalse();
            assertThat(uris(stdio.response(legacy(7, "resources/list", "{}")).at("/result/resources")))
                    .contains("sikifanso://clusters/lab/agents/carol");
        }
    }

    @Test
    void completionsInThe2026Era() throws Exception {
        McpHome.withCluster(root).withAgent("bob");
        try (RawStdio stdio = new RawStdio(root, ServerCommand.mcpServe())) {
            JsonNode apps = stdio.answer(Modern.request(1, "completion/complete", promptArgument("app", "",
                    "{\"cluster\":\"lab\"}")).toString());
            assertThat(apps.at("/result/resultType").asText()).isEqualTo("complete");
            assertThat(values(apps)).contains("qdrant", "litellm-proxy");
            JsonNode unknown = stdio.answer(Modern.request(2, "completion/complete", "{\"ref\":{\"type\":\"ref/prompt\","
                    + "\"name\":\"nope\"},\"argument\":{\"name\":\"cluster\",\"value\":\"\"}}").toString());
            assertThat(unknown.at("/error/code").asInt()).isEqualTo(-32602);
            assertThat(unknown.at("/error/message").asText()).contains("nope");
        }
    }

    @Test
    void aPinnedServerListsOnlyItsCluster() throws Exception {
        McpHome home = McpHome.withCluster(root);
        home.services().clusters().prepare(ClusterName.of("other"), new TemplateSource.Embedded(), null);
        try (RawStdio stdio = new RawStdio(root, ServerCommand.mcpServe())) {
            JsonNode list = stdio.answer(Modern.request(1, "resources/list", "{}").toString());
            assertThat(uris(list.at("/result/resources"))).as("unpinned: every cluster")
                    .contains("sikifanso://clusters/lab/session", "sikifanso://clusters/other/session");
        }
        try (RawStdio stdio = new RawStdio(root, ServerCommand.mcpServe("-c", "lab"))) {
            JsonNode list = stdio.answer(Modern.request(1, "resources/list", "{}").toString());
            assertThat(uris(list.at("/result/resources"))).containsExactly("sikifanso://clusters/lab/session",
                    "sikifanso://clusters/lab/catalog");
            JsonNode clusters = stdio.answer(Modern.request(2, "completion/complete", promptArgument("cluster", "",
                    "{}")).toString());
            assertThat(values(clusters)).containsExactly("lab");
        }
    }

    /** The troubleshoot prompt walks the model through status, events and logs, by tools this server lists. */
    @Test
    void theTroubleshootPromptLeadsToStatusEventsAndLogsByToolsThatExist() throws Exception {
        McpHome.withCluster(root);
        try (RawStdio stdio = new RawStdio(root, ServerCommand.mcpServe())) {
            stdio.initialize("2025-11-25");
            JsonNode prompt = stdio.answer(legacy(1, "prompts/get", "{\"name\":\"troubleshoot-app\","
                    + "\"arguments\":{\"cluster\":\"lab\",\"app\":\"qdrant\"}}"));
            String text = prompt.at("/result/messages/0/content/text").asText();
            assertThat(text).as(prompt.toString()).contains("\"qdrant\"", "\"lab\"");
            List<String> steps = List.of("app_status", "kube_events", "app_logs");
            assertThat(steps.stream().map(text::indexOf).toList()).as(text).doesNotContain(-1).isSorted();
            List<String> tools = new ArrayList<>();
            stdio.answer(legacy(2, "tools/list", "{}")).at("/result/tools")
                    .forEach(t -> tools.add(t.path("name").asText()));
            assertThat(tools).containsAll(steps);
        }
    }

    private static String promptArgument(String name, String value, String context) {
        return "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"troubleshoot-app\"},\"argument\":{\"name\":\"" + name
                + "\",\"value\":\"" + value + "\"},\"context\":{\"arguments\":" + context + "}}";
    }

    private static String legacy(int id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    private static List<String> uris(JsonNode resources) {
        List<String> uris = new ArrayList<>();
        resources.forEach(r -> uris.add(r.path("uri").asText()));
        return uris;
    }

    private static List<String> values(JsonNode answer) {
        assertThat(answer.has("error")).as(answer.toString()).isFalse();
        List<String> values = new ArrayList<>();
        answer.at("/result/completion/values").forEach(v -> values.add(v.asText()));
        return values;
    }
}

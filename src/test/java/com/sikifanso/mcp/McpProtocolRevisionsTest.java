package com.sikifanso.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What changes with the negotiated revision, spoken in raw lines over stdio (an SDK client always
 * negotiates its latest): input errors of a known tool (-32602 before 2025-11-25, a tool error from
 * it on, SEP-1303) and JSON-RPC batches (answered under 2025-03-26 only).
 */
class McpProtocolRevisionsTest {
    private static final String BAD_INPUT = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"cluster_info\",\"arguments\":{\"cluster\":42}}}";
    private static final String UNKNOWN_TOOL = "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"no_such_tool\",\"arguments\":{}}}";

    @TempDir
    Path root;

    @Test
    void badInputOfAKnownToolIsAToolErrorFrom2025_11_25() throws Exception {
        McpHome.withCluster(root);
        try (RawStdio stdio = new RawStdio(root, ServerCommand.mcpServe())) {
            assertThat(stdio.initialize("2025-11-25").path("protocolVersion").asText()).isEqualTo("2025-11-25");
            JsonNode bad = stdio.answer(BAD_INPUT);
            assertThat(bad.has("error")).as(bad.toString()).isFalse();
            assertThat(bad.at("/result/isError").asBoolean()).isTrue();
            assertThat(bad.at("/result/content/0/text").asText()).contains("cluster_info", "\"cluster\" has the wrong type");
            assertUnknownToolNamed(stdio.answer(UNKNOWN_TOOL));
        }
    }

    @Test
    void badInputIsInvalidParamsBefore2025_11_25() throws Exception {
        McpHome.withCluster(root);
        for (String version : List.of("2024-11-05", "2025-03-26", "2025-06-18")) {
            try (RawStdio stdio = new RawStdio(root, ServerCommand.mcpServe())) {
                assertThat(stdio.initialize(version).path("protocolVersion").asText()).isEqualTo(version);
                JsonNode bad = stdio.answer(BAD_INPUT);
                assertThat(bad.at("/error/code").asInt()).as(version + ": " + bad).isEqualTo(-32602);
                assertThat(bad.at("/error/message").asText()).contains("\"cluster\" has the wrong type");
                assertUnknownToolNamed(stdio.answer(UNKNOWN_TOOL));
            }
        }
    }

    @Test
    void batchesAreAnsweredUnder2025_03_26AsOneArray() throws Exception {
        McpHome.withCluster(root);
        try (RawStdio stdio = new RawStdio(root, ServerCommand.mcpServe())) {
            stdio.initialize("2025-03-26");
            JsonNode answers = stdio.answer(BATCH);
            assertBatchAnswered(answers);
            assertThat(stdio.answer("[]").at("/error/code").asInt()).isEqualTo(-32600);
            assertThat(stdio.answer("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}").path("id").asInt())
                    .as("single messages still work").isEqualTo(3);
        }
    }

    @Test
    void batchesAreRefusedUnderRevisionsWithoutThem() throws Exception {
        McpHome.withCluster(root);
        for (String version : List.of("2025-06-18", "2025-11-25")) {
            try (RawStdio stdio = new RawStdio(root, ServerCommand.mcpServe())) {
                stdio.initialize(version);
                JsonNode refused = stdio.answer("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]");
                assertThat(refused.at("/error/code").asInt()).as(version).isEqualTo(-32600);
                assertThat(refused.at("/error/message").asText()).contains("2025-03-26");
            }
        }
    }

    /** A ping, a notification, a cluster_list call and a member that is no message. */
    static final String BATCH = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":99}},"
            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"cluster_list\",\"arguments\":{}}}, 42]";

    /** The answers to {@link #BATCH}: one array, none for the notification, -32600 (id null) for the 42. */
    static void assertBatchAnswered(JsonNode answers) {
        assertThat(answers.isArray()).as(answers.toString()).isTrue();
        List<String> ids = new ArrayList<>();
        answers.forEach(a -> ids.add(a.path("id").toString()));
        assertThat(ids).containsExactlyInAnyOrder("1", "2", "null");
        for (JsonNode a : answers) {
            if (a.path("id").isNull()) {
                assertThat(a.at("/error/code").asInt()).isEqualTo(-32600);
            } else if (a.path("id").asInt() == 2) {
                assertThat(a.at("/result/isError").asBoolean()).as(a.toString()).isFalse();
                assertThat(a.at("/result/structuredContent").toString()).contains("lab");
            }
        }
    }

    private static void assertUnknownToolNamed(JsonNode unknown) {
        assertThat(unknown.at("/error/code").asInt()).as(unknown.toString()).isEqualTo(-32602);
        assertThat(unknown.at("/error/message").asText()).startsWith("Unknown tool \"no_such_tool\"");
    }
}

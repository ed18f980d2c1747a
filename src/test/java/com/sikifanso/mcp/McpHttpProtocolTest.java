package com.sikifanso.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over Streamable HTTP what {@link McpProtocolRevisionsTest} and {@link McpStdioMalformedTest} prove on stdio:
 * a known tool's bad input is a tool error from 2025-11-25 (the revision from the MCP-Protocol-Version header)
 * and -32602 before; batches are answered as one array under 2025-03-26 and refused otherwise; a body that is
 * not JSON-RPC gets JSON-RPC's error, not a Java exception. And the 2026-07-28 side of the same endpoint: its
 * header checks (-32020), -32022 with 400, 404 for a method it lacks, tool errors as results.
 */
class McpHttpProtocolTest {
    private static final String BAD_INPUT = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"cluster_info\",\"arguments\":{\"cluster\":42}}}";

    @TempDir
    Path root;

    @Test
    void toolErrorsFollowTheSessionsRevision() throws Exception {
        McpHome.withCluster(root);
        try (HttpMcpServer server = HttpMcpServer.start(root)) {
            RawHttp http = new RawHttp(server);
            String session = http.initialize("2025-11-25");
            JsonNode bad = http.post(BAD_INPUT, "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25")
                    .json();
            assertThat(bad.at("/result/isError").asBoolean()).as(bad.toString()).isTrue();
            assertThat(bad.at("/result/content/0/text").asText()).contains("cluster_info",
                    "\"cluster\" has the wrong type");
            JsonNode failing = http.post("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":"
                    + "{\"name\":\"cluster_info\",\"arguments\":{\"cluster\":\"nosuch\"}}}", "Mcp-Session-Id", session,
                    "MCP-Protocol-Version", "2025-11-25").json();
            assertThat(failing.at("/result/isError").asBoolean()).as("a failing tool: " + failing).isTrue();
            assertThat(failing.at("/result/content/0/text").asText()).contains("nosuch");

            for (String version : List.of("2025-06-18", "2025-03-26")) {
                String older = http.initialize(version);
                JsonNode invalid = http.post(BAD_INPUT, "Mcp-Session-Id", older, "MCP-Protocol-Version", version)
                        .json();
                assertThat(invalid.at("/error/code").asInt()).as(version + ": " + invalid).isEqualTo(-32602);
                assertThat(invalid.at("/error/message").asText()).contains("\"cluster\" has the wrong type");
            }
        }
    }

    @Test
    void batchesAreAnsweredUnder2025_03_26AndRefusedOtherwise() throws Exception {
        McpHome.withCluster(root);
        try (HttpMcpServer server = HttpMcpServer.start(root)) {
            RawHttp http = new RawHttp(server);
            String session = http.initialize("2025-03-26");
            RawHttp.Answer batch = http.post(McpProtocolRevisionsTest.BATCH, "Mcp-Session-Id", session);
            assertThat(batch.status()).as(batch.body()).isEqualTo(200);
            McpProtocolRevisionsTest.assertBatchAnswered(batch.json());
            assertThat(http.post("[]", "Mcp-Session-Id", session).json().at("/error/code").asInt()).isEqualTo(-32600);

            String newer = http.initialize("2025-06-18");
            RawHttp.Answer refused = http.post(McpProtocolRevisionsTest.BATCH, "Mcp-Session-Id", newer, "MCP-Protocol-Version", "2025-06-18");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().at("/error/code").asInt()).isEqualTo(-32600);
            assertThat(refused.json().at("/error/message").asText()).contains("2025-03-26");

            RawHttp.Answer notJson = http.post("{not json", "Mcp-Session-Id", newer, "MCP-Protocol-Version",
                    "2025-06-18");
            assertThat(notJson.status()).isEqualTo(400);
            assertThat(notJson.json().at("/error/code").asInt()).isEqualTo(-32700);
            assertThat(notJson.body()).doesNotContain("stackTrace");
        }
    }

    @Test
    void theModernSideChecksHeadersAndVersions() throws Exception {
        McpHome.withCluster(root);
        try (HttpMcpServer server = HttpMcpServer.start(root)) {
            RawHttp http = new RawHttp(server);
            String call = Modern.request(1, "tools/call", "{\"name\":\"cluster_info\",\"arguments\":{\"cluster\":42}}")
                    .toString();
            RawHttp.Answer ok = http.post(call, "MCP-Protocol-Version", Modern.VERSION, "Mcp-Method", "tools/call",
                    "Mcp-Name", "cluster_info");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.headers()).doesNotContainKey("mcp-session-id");
            assertThat(ok.json().at("/result/resultType").asText()).isEqualTo("complete");
            assertThat(ok.json().at("/result/isError").asBoolean()).as(ok.body()).isTrue();
            RawHttp.Answer encoded = http.post(call, "MCP-Protocol-Version", Modern.VERSION, "Mcp-Method",
                    "tools/call", "Mcp-Name", "=?base64?Y2x1c3Rlcl9pbmZv?=");
            assertThat(encoded.status()).as("a Base64 Mcp-Name is decoded first").isEqualTo(200);

            for (String[] wrong : new String[][] {
                {"MCP-Protocol-Version", Modern.VERSION, "Mcp-Method", "tools/call", "Mcp-Name", "cluster_list"},
                {"MCP-Protocol-Version", Modern.VERSION, "Mcp-Method", "tools/list", "Mcp-Name", "cluster_info"},
                {"MCP-Protocol-Version", Modern.VERSION, "Mcp-Method", "tools/call"}}) {
                RawHttp.Answer mismatch = http.post(call, wrong);
                assertThat(mismatch.status()).as(String.join(" ", wrong)).isEqualTo(400);
                assertThat(mismatch.json().at("/error/code").asInt()).isEqualTo(-32020);
                assertThat(mismatch.json().at("/error/message").asText()).startsWith("Header mismatch");
            }

            String old = Modern.request(2, "tools/list", RawStdio.JSON.createObjectNode(), "1900-01-01", "{}")
                    .toString();
            RawHttp.Answer unsupported = http.post(old, "MCP-Protocol-Version", "1900-01-01", "Mcp-Method",
                    "tools/list");
            assertThat(unsupported.status()).isEqualTo(400);
            assertThat(unsupported.json().at("/error/code").asInt()).isEqualTo(-32022);
            assertThat(unsupported.json().at("/error/data/supported").toString()).contains("2026-07-28");

            RawHttp.Answer ping = http.post(Modern.request(3, "ping", "{}").toString(), "MCP-Protocol-Version",
                    Modern.VERSION, "Mcp-Method", "ping");
            assertThat(ping.status()).isEqualTo(404);
            assertThat(ping.json().at("/error/code").asInt()).isEqualTo(-32601);
        }
    }

    @Test
    void aListenWithABadMetaIsRefusedBeforeItsStreamBegins() throws Exception {
        McpHome.withCluster(root);
        try (HttpMcpServer server = HttpMcpServer.start(root)) {
            RawHttp http = new RawHttp(server);
            ObjectNode filter = (ObjectNode) RawStdio.JSON.readTree("{\"notifications\":{\"resourcesListChanged\":true}}");
            String noCapabilities = Modern.request(1, "subscriptions/listen", filter.deepCopy(), Modern.VERSION, null)
                    .toString();
            RawHttp.Answer refused = http.post(noCapabilities, "MCP-Protocol-Version", Modern.VERSION, "Mcp-Method",
                    "subscriptions/listen");
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.headers().get("content-type")).startsWith("application/json");
            assertThat(refused.json().at("/error/code").asInt()).isEqualTo(-32602);
            assertThat(refused.json().at("/error/message").asText()).contains("clientCapabilities");
            assertThat(refused.json().path("id").asInt()).isEqualTo(1);

            String unsupported = Modern.request(2, "subscriptions/listen", filter.deepCopy(), "1900-01-01", "{}")
                    .toString();
            RawHttp.Answer old = http.post(unsupported, "MCP-Protocol-Version", "1900-01-01", "Mcp-Method",
                    "subscriptions/listen");
            assertThat(old.status()).as(old.body()).isEqualTo(400);
            assertThat(old.json().at("/error/code").asInt()).isEqualTo(-32022);
            assertThat(old.json().at("/error/data/supported").toString()).contains("2026-07-28");
        }
    }
}

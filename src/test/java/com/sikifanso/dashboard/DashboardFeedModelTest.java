package com.sikifanso.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.NodeAguiCheck;
import com.sikifanso.agui.SseEncoder;
import com.sikifanso.agui.journal.OperationRun;
import com.sikifanso.kube.NamespaceEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The activity feed's model ({@code src/main/resources/dashboard/feed.js}, the file the browser loads), run by Node
 * ({@code src/test/node/feed-model.mjs}) on frames framed as the server frames them: each row must name the run its
 * event belongs to, also when two runs interleave (the journal's TOOL_CALL_* and STEP_* events carry no run id of
 * their own: the server puts it in {@code metadata.runId}).
 */
class DashboardFeedModelTest {
    private static final Path FEED_JS = Path.of(System.getProperty("basedir", ""), "src", "main", "resources",
            "dashboard", "feed.js").toAbsolutePath();

    @TempDir
    Path tmp;

    /** One event as a stream carries it: the run it belongs to (null: said by nothing), and its stream key. */
    private record Framed(String runId, AguiEvent event, boolean withRunInMetadata, String key) {
    }

    @Test
    void twoInterleavedJournalRunsEachKeepTheirOwnEvents() throws Exception {
        List<Framed> frames = new ArrayList<>();
        OperationRun enable = OperationRun.start(e -> frames.add(new Framed("run-enable", e, true, "")), "run-enable",
                "lab", new OperationRun.Caller("cli", null), "catalog_enable",
                AguiJson.MAPPER.createObjectNode().put("name", "postgresql"));
        OperationRun create = OperationRun.start(e -> frames.add(new Framed("run-agent", e, true, "")), "run-agent",
                "lab", new OperationRun.Caller("mcp", OperationRun.Caller.agent("scout")), "agent_create",
                AguiJson.MAPPER.createObjectNode().put("name", "helper"));
        // The first run goes on after the second started: the old feed gave these to the run that started last.
        enable.run().step("waiting for postgresql to sync").close();
        create.succeeded(AguiJson.MAPPER.createObjectNode().put("name", "helper"), Optional.of("abc123"));
        enable.succeeded(AguiJson.MAPPER.createObjectNode().put("enabled", "postgresql"), Optional.empty());

        JsonNode rows = rows(frames);

        assertThat(rows).hasSize(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            Framed f = frames.get(i);
            JsonNode row = rows.get(i);
            String expected = f.runId().equals("run-enable") ? "catalog_enable" : "agent_create";
            assertThat(row.path("runId").asText()).as("run of %s #%d", f.event().eventType(), i).isEqualTo(f.runId());
            assertThat(row.path("operation").asText()).as("operation of %s #%d", f.event().eventType(), i)
                    .isEqualTo(expected);
            assertThat(row.path("surface").asText()).isEqualTo(expected.equals("catalog_enable") ? "cli" : "mcp");
        }
        assertThat(rows).filteredOn(r -> r.path("type").asText().equals("STEP_STARTED")).singleElement()
                .satisfies(r -> assertThat(r.path("operation").asText()).isEqualTo("catalog_enable"));
        assertThat(rows).filteredOn(r -> r.path("runId").asText().equals("run-agent"))
                .allSatisfy(r -> assertThat(r.path("caller").asText()).isEqualTo("agent:scout"));
    }

    @Test
    void anAgentsOwnStreamGivesItsEventsToTheRunOpenOnItAndAKubernetesEventToNone() throws Exception {
        // As the agents page's watch mixes them: the agent's own stream (no metadata: AG-UI's order in one stream
        // says the run), a Kubernetes event of its namespace, a journal run about the agent (metadata.runId).
        String key = "agent:scout";
        List<Framed> frames = new ArrayList<>(List.of(
                new Framed("turn-1", new AguiEvent.RunStarted("scout", "turn-1", null, null, null, null), false, key),
                new Framed("turn-1", new AguiEvent.TextMessageStart("m1", AguiEvent.Role.assistant, null, null), false,
                        key),
                new Framed(null, new AguiEvent.Custom(NamespaceEvents.NAME, AguiJson.MAPPER.createObjectNode()
                        .put("reason", "Started").put("object", "pod/bot-1").put("message", "Started container"),
                        null), false, key)));
        List<Framed> journal = new ArrayList<>();
        OperationRun.start(e -> journal.add(new Framed("run-update", e, true, key)), "run-update", "lab",
                new OperationRun.Caller("cli", null), "agent_update", AguiJson.MAPPER.createObjectNode()
                        .put("name", "scout"));
        frames.addAll(journal);
        frames.add(new Framed("turn-1", new AguiEvent.TextMessageContent("m1", "reading the plan", null), false, key));
        frames.add(new Framed(null, new AguiEvent.Custom("sikifanso.notice", TextNode.valueOf("the stream ended"),
                null), false, key));

        JsonNode rows = rows(frames);

        for (int i = 0; i < frames.size(); i++) {
            String expected = frames.get(i).runId();
            assertThat(rows.get(i).path("runId").isNull() ? null : rows.get(i).path("runId").asText())
                    .as("run of %s #%d", frames.get(i).event().eventType(), i).isEqualTo(expected);
        }
        assertThat(rows.get(2).path("text").asText()).isEqualTo("kubernetes Started pod/bot-1: Started container");
        assertThat(rows.get(frames.size() - 2).path("text").asText()).isEqualTo("reading the plan");
        assertThat(rows.get(frames.size() - 1).path("notice").asBoolean()).isTrue();
    }

    /** The model's rows for the frames, each framed as the server frames it ({@link SseEncoder}). */
    private JsonNode rows(List<Framed> frames) throws Exception {
        ArrayNode input = AguiJson.MAPPER.createArrayNode();
        long seq = 1;
        for (Framed f : frames) {
            String sse = f.withRunInMetadata() ? SseEncoder.encode(f.event(), Map.of("runId", f.runId()))
                    : SseEncoder.encode(f.event());
            input.addObject().put("data", sse.substring("data: ".length()).strip()).put("seq", seq++)
                    .put("key", f.key());
        }
        Path file = tmp.resolve("frames.json");
        Files.writeString(file, input.toString());
        JsonNode out = NodeAguiCheck.script("feed-model.mjs", List.of(FEED_JS.toString(), file.toString()));
        return out.get("rows");
    }
}

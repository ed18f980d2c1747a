package com.sikifanso.agui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Hint;
import com.sikifanso.core.HintedLines;
import com.sikifanso.core.Suggestion;
import com.sikifanso.core.UpdatingProgress;
import com.sikifanso.mcp.ToolHints;
import com.sikifanso.ops.OperationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A long operation's progress as AG-UI events, and the lines the CLI and MCP render from those events alone. */
class RunProgressTest {
    private final List<AguiEvent> events = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final List<String> updates = new ArrayList<>();
    private final ProgressText text = new ProgressText(new UpdatingProgress() {
        @Override
        public void accept(String line) {
            lines.add(line);
        }

        @Override
        public void update(String line) {
            updates.add(line);
        }
    });
    private final AguiRun run = SampleRuns.start("run-1", e -> {
        events.add(e);
        text.accept(e);
    });
    private final RunProgress progress = new RunProgress(run);

    @Test
    void stepsNotesAndActivitiesBecomeEventsInALegalOrderAndRenderAsTheLinesTheyCarry() {
        progress.step("pulling k3s");
        progress.activity("pull", obj("{\"status\":\"pulling k3s: 1 MB\"}"));
        progress.activity("pull", obj("{\"status\":\"pulling k3s: 2 MB\"}"));
        progress.note("pulled k3s");
        progress.step("waiting for Argo CD");
        progress.activity("sync:1-data", obj("{\"apps\":{\"qdrant\":\"not present\"},\"done\":0,\"total\":1,"
                + "\"text\":\"  qdrant: not present\"}"));
        progress.activity("sync:1-data", obj("{\"apps\":{\"qdrant\":\"Synced/Healthy\"},\"done\":1,\"total\":1,"
                + "\"text\":\"  qdrant: Synced/Healthy\"}"));
        progress.activity("sync:1-data", obj("{\"apps\":{\"qdrant\":\"Synced/Healthy\"},\"done\":1,\"total\":1,"
                + "\"text\":\"  qdrant: Synced/Healthy\"}"));
        progress.finishStep();
        run.finish();

        assertThat(lines).containsExactly("pulling k3s", "pulled k3s", "waiting for Argo CD", "  qdrant: not present",
                "  qdrant: Synced/Healthy");
        assertThat(updates).containsExactly("pulling k3s: 1 MB", "pulling k3s: 2 MB");
        assertThat(events).extracting(AguiEvent::eventType).containsExactly(EventType.RUN_STARTED,
                EventType.STEP_STARTED, EventType.ACTIVITY_SNAPSHOT, EventType.ACTIVITY_DELTA,
                EventType.ACTIVITY_SNAPSHOT, EventType.STEP_FINISHED, EventType.STEP_STARTED,
                EventType.ACTIVITY_SNAPSHOT, EventType.ACTIVITY_DELTA, EventType.STEP_FINISHED, EventType.RUN_FINISHED);

        JsonNode checked = new NodeAguiCheck().stream("progress", events).run().at("/streams/0");
        assertThat(checked.path("schemaErrors")).as(checked.toPrettyString()).isEmpty();
        assertThat(checked.path("verifyError").isNull()).as(checked.path("verifyError").asText()).isTrue();
        String sync = ((AguiEvent.ActivitySnapshot) events.get(7)).messageId();
        assertThat(checked.at("/activities/" + sync)).as("what @ag-ui/client holds after the deltas")
                .isEqualTo(obj("{\"apps\":{\"qdrant\":\"Synced/Healthy\"},\"done\":1,\"total\":1,"
                        + "\"text\":\"  qdrant: Synced/Healthy\"}"));
    }

    @Test
    void aNewStepStartsItsActivitiesAfreshAndReportsAfterTheRunEndedAreDropped() {
        progress.step("a");
        progress.activity("pull", obj("{\"status\":\"x\"}"));
        progress.step("b");
        progress.activity("pull", obj("{\"status\":\"x\"}"));
        run.error("failed", null);
        progress.step("c");
        progress.note("late");

        assertThat(events).extracting(AguiEvent::eventType).containsExactly(EventType.RUN_STARTED,
                EventType.STEP_STARTED, EventType.ACTIVITY_SNAPSHOT, EventType.STEP_FINISHED, EventType.STEP_STARTED,
                EventType.ACTIVITY_SNAPSHOT, EventType.RUN_ERROR);
        assertThat(updates).containsExactly("x", "x");
        assertThat(lines).containsExactly("a", "b");
    }

    @Test
    void progressOutsideAnInvocationIsRenderedTheSameWay() {
        List<String> plain = new ArrayList<>();
        var local = RunProgress.toLines(plain::add);
        local.step("checking Docker");
        local.accept("Docker 27 (API 1.47)");
        local.activity("pull", obj("{\"status\":\"shown only where updates are\"}"));

        assertThat(plain).containsExactly("checking Docker", "Docker 27 (API 1.47)");
    }

    /**
     * A note that names commands carries its parts in the event: the CLI reads the command, a model (MCP's progress
     * notifications, through {@link HintedLines}) the tool and its arguments; a flag and steps in sequence too.
     */
    @Test
    void aNoteNamingCommandsReadsInEachReadersWords() {
        List<String> model = new ArrayList<>();
        ProgressText modelText = new ProgressText(HintedLines.of(model::add,
                new ToolHints(new OperationRegistry().all())));
        AguiRun both = SampleRuns.start("run-2", e -> {
            events.add(e);
            text.accept(e);
            modelText.accept(e);
        });
        Hint note = Hint.of("then ", Suggestion.of("agent", "update").arg("name", "bob").option("llmBudget", "5"),
                " (", Suggestion.of("app", "sync").flag("no-wait", "wait", false).mention(), "); or ",
                Suggestion.of("cluster", "stop").arg("cluster", "lab"), Hint.THEN,
                Suggestion.of("cluster", "start").arg("cluster", "lab"));
        new RunProgress(both).note(note);
        both.finish();

        assertThat(lines).containsExactly("then sikifanso agent update bob --llm-budget 5 (--no-wait); or "
                + "sikifanso cluster stop lab && sikifanso cluster start lab");
        assertThat(model).containsExactly("then agent_update with name: \"bob\", llmBudget: \"5\" (wait: false); or "
                + "cluster_stop with cluster: \"lab\", then cluster_start with cluster: \"lab\"");
        JsonNode content = events.stream().filter(AguiEvent.ActivitySnapshot.class::isInstance)
                .map(e -> ((AguiEvent.ActivitySnapshot) e).content()).findFirst().orElseThrow();
        assertThat(content.path("text").asText()).as("for readers that know no parts").isEqualTo(lines.getFirst());
        assertThat(NoteHints.read(content.path("hint"))).contains(note);
        assertThat(NoteHints.read(AguiJson.MAPPER.createArrayNode().add(obj("{\"command\":{\"command\":7}}"))))
                .as("parts another version wrote: the text is shown").isEmpty();
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode obj(String json) {
        try {
            return (com.fasterxml.jackson.databind.node.ObjectNode) AguiJson.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}

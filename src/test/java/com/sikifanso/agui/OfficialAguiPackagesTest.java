package com.sikifanso.agui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agui.AguiEvent.Role;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.agui.journal.JournalOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Java side emits, judged by the official {@code @ag-ui/core}, {@code client} and {@code encoder}. */
class OfficialAguiPackagesTest {

    @Test
    void aStreamWithEveryEventTypeIsValidAndInAnOrderTheClientAccepts() {
        List<AguiEvent> events = SampleRuns.everyEventType();
        assertThat(events.stream().map(AguiEvent::eventType).collect(Collectors.toSet()))
                .as("the sample holds every event type").isEqualTo(EnumSet.allOf(EventType.class));

        JsonNode result = new NodeAguiCheck().stream("every type", events).run().path("streams").path(0);

        assertThat(result.path("schemaErrors")).as(result.toPrettyString()).isEmpty();
        assertThat(result.path("warnings")).as("the client's enforce stage stripped nothing").isEmpty();
        assertThat(result.path("verifyError").isNull()).as(result.path("verifyError").asText()).isTrue();
        assertThat(result.path("verifiedTypes").get(result.path("verifiedTypes").size() - 1).asText())
                .isEqualTo("RUN_ERROR");
    }

    @Test
    void stateAndActivityDeltasApplyWithTheClientsPatchLibraryToWhatJavaLastSent() {
        List<AguiEvent> events = new ArrayList<>();
        AguiRun run = SampleRuns.start("run-state", events::add);
        Map<String, Object> last = Map.of("apps", List.of(Map.of("name", "qdrant", "health", "Healthy"),
                Map.of("name", "litellm", "health", "Progressing")), "agents", Map.of("researcher", "Ready"));
        run.state(SampleRuns.json(Map.of("apps", List.of(Map.of("name", "qdrant", "health", "Missing")))));
        run.state(SampleRuns.json(Map.of("apps", List.of(), "agents", Map.of())));
        run.state(SampleRuns.json(last));
        AguiRun.Activity sync = run.activity("sync", SampleRuns.object(Map.of("tier", 1, "apps", List.of("a"))));
        sync.update(SampleRuns.object(Map.of("tier", 2, "apps", List.of("a", "b"), "waiting", "b")));
        run.finish();
        assertThat(events).extracting(AguiEvent::eventType).contains(EventType.STATE_DELTA, EventType.ACTIVITY_DELTA);

        JsonNode result = new NodeAguiCheck().stream("state", events).run().path("streams").path(0);

        assertThat(result.path("verifyError").isNull()).as(result.toPrettyString()).isTrue();
        assertThat(result.path("state")).isEqualTo(SampleRuns.json(last));
        assertThat(result.path("activities").elements().next())
                .isEqualTo(SampleRuns.json(Map.of("tier", 2, "apps", List.of("a", "b"), "waiting", "b")));
    }

    @Test
    void aMisorderedStreamIsRejectedByVerifyEventsAndCannotBeBuiltWithAguiRun() {
        // By hand, bypassing AguiRun: a tool call's END with another id than its START, and content after END.
        List<AguiEvent> misordered = List.of(
                new AguiEvent.RunStarted("lab1", "r1", null, null, null, 1L),
                new AguiEvent.ToolCallStart("tc-1", "app_enable", null, 2L),
                new AguiEvent.ToolCallEnd("tc-2", 3L),
                new AguiEvent.RunFinished("lab1", "r1", null, null, null, 4L));
        List<AguiEvent> afterFinish = List.of(
                new AguiEvent.RunStarted("lab1", "r2", null, null, null, 1L),
                new AguiEvent.RunFinished("lab1", "r2", null, null, null, 2L),
                new AguiEvent.StepStarted("late", 3L));
        List<AguiEvent> notStarted = List.of(new AguiEvent.StepStarted("first", 1L));

        JsonNode result = new NodeAguiCheck().stream("end id", misordered).stream("after finish", afterFinish)
                .stream("no run", notStarted).run();

        assertThat(result.at("/streams/0/schemaErrors")).isEmpty();
        assertThat(result.at("/streams/0/verifyError").asText()).contains("No active tool call found with ID 'tc-2'");
        assertThat(result.at("/streams/1/verifyError").asText()).contains("already finished with 'RUN_FINISHED'");
        assertThat(result.at("/streams/2/verifyError").asText()).contains("First event must be 'RUN_STARTED'");

        // The Java API has no way to name another id for an END, nor a run that has not started; what the types
        // cannot rule out is refused at run time, naming the rule.
        AguiRun run = SampleRuns.start("r1", e -> { });
        AguiRun.ToolCall call = run.toolCall("app_enable");
        assertThatThrownBy(run::finish).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("every START needs its END before RUN_FINISHED")
                .hasMessageContaining("tool call 'app_enable'");
        call.end();
        run.finish();
        assertThatThrownBy(() -> run.step("late")).isInstanceOf(IllegalStateException.class)
                .hasMessage("AG-UI rule: nothing may follow RUN_FINISHED (run r1): cannot send STEP_STARTED");
    }

    @Test
    void sseFramesAreTheEncodersFramesWithTheJournalSequenceAsId(@TempDir Path dir) {
        ActivityJournal journal = new ActivityJournal(dir, JournalOptions.DEFAULTS);
        AguiRun run = AguiRun.start("lab1", "run-sse", SampleRuns.input("run-sse"), journal.sink("run-sse"));
        run.message(Role.assistant).content("multi\nline \"quoted\" ünïcode \u2028 text").end();
        run.custom("data: not a frame\n\nid: 7", SampleRuns.json(Map.of("x", 1)));
        run.finish();
        List<JournalEntry> entries = journal.readSince(0);
        StringBuilder text = new StringBuilder();
        entries.forEach(e -> text.append(SseEncoder.encode(e.event(), e.sequence())));

        JsonNode result = new NodeAguiCheck()
                .sse("journal", text.toString(), entries.stream().map(JournalEntry::sequence).toList())
                .stream("journal", entries.stream().map(JournalEntry::event).toList()).run();

        JsonNode sse = result.at("/sse/0");
        assertThat(sse.path("events")).hasSize(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            assertThat(sse.path("events").get(i)).isEqualTo(AguiJson.tree(entries.get(i).event()));
        }
        assertThat(sse.path("sameAsEncoder").asBoolean()).as("expected:\n" + sse.path("expected").asText()
                + "\nactual:\n" + text).isTrue();
        assertThat(result.at("/streams/0/verifyError").isNull()).isTrue();
        assertThat(result.at("/streams/0/schemaErrors")).isEmpty();
    }
}

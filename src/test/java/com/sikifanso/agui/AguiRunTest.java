package com.sikifanso.agui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agui.AguiEvent.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AguiRunTest {
    private final List<AguiEvent> events = new ArrayList<>();

    private List<String> json() {
        return events.stream().map(AguiJson::write).toList();
    }

    @Test
    void eventsAreWrittenWithTheSchemasNamesAndNoAbsentField() {
        AguiRun run = SampleRuns.start("r1", events::add);
        AguiRun.ToolCall call = run.toolCall("app_enable").args("{}");
        call.end().result("ok");
        run.finish();

        long t = SampleRuns.MILLIS;
        assertThat(json()).containsExactly(
                "{\"type\":\"RUN_STARTED\",\"threadId\":\"lab1\",\"runId\":\"r1\",\"input\":{\"threadId\":\"lab1\","
                        + "\"runId\":\"r1\",\"messages\":[],\"tools\":[],\"context\":[],\"forwardedProps\":"
                        + "{\"surface\":\"cli\",\"caller\":\"test\"}},\"timestamp\":" + t + "}",
                "{\"type\":\"TOOL_CALL_START\",\"toolCallId\":\"id-1\",\"toolCallName\":\"app_enable\",\"timestamp\":" + t + "}",
                "{\"type\":\"TOOL_CALL_ARGS\",\"toolCallId\":\"id-1\",\"delta\":\"{}\",\"timestamp\":" + t + "}",
                "{\"type\":\"TOOL_CALL_END\",\"toolCallId\":\"id-1\",\"timestamp\":" + t + "}",
                "{\"type\":\"TOOL_CALL_RESULT\",\"messageId\":\"id-2\",\"toolCallId\":\"id-1\",\"content\":\"ok\","
                        + "\"role\":\"tool\",\"timestamp\":" + t + "}",
                "{\"type\":\"RUN_FINISHED\",\"threadId\":\"lab1\",\"runId\":\"r1\",\"timestamp\":" + t + "}");
    }

    @Test
    void everyEventReadsBackAsTheSameRecord() {
        for (AguiEvent e : SampleRuns.everyEventType()) {
            assertThat(AguiJson.read(AguiJson.write(e))).isEqualTo(e);
        }
    }

    @Test
    void stateDeltasArePatchesFromTheLastStateSentAndNothingIsSentWhenItIsUnchanged() {
        AguiRun run = SampleRuns.start("r1", events::add);
        JsonNode one = SampleRuns.json(Map.of("apps", Map.of("qdrant", "Synced")));
        JsonNode two = SampleRuns.json(Map.of("apps", Map.of("qdrant", "Synced", "litellm", "Progressing")));
        run.state(one);
        run.state(one);
        run.state(two);

        assertThat(events).extracting(AguiEvent::eventType)
                .containsExactly(EventType.RUN_STARTED, EventType.STATE_SNAPSHOT, EventType.STATE_DELTA);
        AguiEvent.StateDelta delta = (AguiEvent.StateDelta) events.get(2);
        assertThat(delta.delta()).isEqualTo(SampleRuns.json(List.of(
                Map.of("op", "add", "path", "/apps/litellm", "value", "Progressing"))));
        assertThat(JsonPatches.apply(delta.delta(), one)).isEqualTo(two);
    }

    @Test
    void anEndCannotBeSentTwiceNorContentAfterIt() {
        AguiRun run = SampleRuns.start("r1", events::add);
        AguiRun.TextMessage message = run.message(Role.assistant);
        message.end();
        assertThatThrownBy(() -> message.content("late")).isInstanceOf(IllegalStateException.class)
                .hasMessage("AG-UI rule: TEXT_MESSAGE_CONTENT must come before the end of text message id-1, which has"
                        + " ended");
        assertThatThrownBy(message::end).hasMessageContaining("TEXT_MESSAGE_END must come before the end of");
    }

    @Test
    void aToolCallHasOneResultAndOnlyAfterItsEnd() {
        AguiRun run = SampleRuns.start("r1", events::add);
        AguiRun.ToolCall call = run.toolCall("app_list");
        assertThatThrownBy(() -> call.result("early"))
                .hasMessage("AG-UI rule: TOOL_CALL_RESULT of tool call id-1 must follow its TOOL_CALL_END");
        call.end().result("done");
        assertThatThrownBy(() -> call.result("again"))
                .hasMessage("AG-UI rule: tool call id-1 already has its TOOL_CALL_RESULT");
    }

    @Test
    void stepsOfOneNameCannotOverlapAndTryWithResourcesFinishesThem() {
        AguiRun run = SampleRuns.start("r1", events::add);
        try (AguiRun.Step ignored = run.step("pull")) {
            assertThatThrownBy(() -> run.step("pull")).hasMessage(
                    "AG-UI rule: step 'pull' is already active; finish it before starting another of that name");
        }
        run.step("pull").finish();
        run.finish();
        assertThat(events).extracting(AguiEvent::eventType).containsExactly(EventType.RUN_STARTED,
                EventType.STEP_STARTED, EventType.STEP_FINISHED, EventType.STEP_STARTED, EventType.STEP_FINISHED,
                EventType.RUN_FINISHED);
    }

    @Test
    void finishingNamesEverythingStillOpenAndRunErrorEndsTheRunWhateverIsOpen() {
        AguiRun run = SampleRuns.start("r1", events::add);
        run.step("nodes");
        AguiRun.Reasoning reasoning = run.reasoning();
        reasoning.message();
        assertThatThrownBy(run::finish).hasMessage("AG-UI rule: every START needs its END before RUN_FINISHED;"
                + " still open: step 'nodes', reasoning span id-1, reasoning message id-2");

        AguiRun.Ended ended = run.error("API server did not answer", "TIMEOUT");
        assertThat(ended.by()).isEqualTo(EventType.RUN_ERROR);
        assertThatThrownBy(reasoning::end)
                .hasMessage("AG-UI rule: nothing may follow RUN_ERROR (run r1): cannot send REASONING_END");
        assertThatThrownBy(() -> run.error("again", null))
                .hasMessage("AG-UI rule: nothing may follow RUN_ERROR (run r1): cannot send RUN_ERROR");
    }

    @Test
    void aRunNeedsItsIdsAndAnInputForItself() {
        assertThatThrownBy(() -> AguiRun.start("lab1", " ", null, events::add))
                .hasMessage("an AG-UI run needs a threadId and a runId");
        assertThatThrownBy(() -> AguiRun.start("lab1", "r2", SampleRuns.input("r1"), events::add))
                .hasMessage("RUN_STARTED.input must carry the run's own threadId and runId (lab1, r2), not (lab1, r1)");
        assertThat(events).isEmpty();
    }
}

package com.sikifanso.agui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.agui.journal.OperationRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationRunTest {
    private static final OperationRun.Caller CLI = new OperationRun.Caller("cli", "app enable");

    @Test
    void anInvocationBecomesARunThatTheOfficialClientAcceptsWithNoSecretStored(@TempDir Path dir) throws Exception {
        ActivityJournal journal = new ActivityJournal(dir, JournalOptions.DEFAULTS);
        String ok = OperationRun.record(journal, "lab1", CLI, "app_credentials",
                SampleRuns.json(Map.of("name", "langfuse")),
                Optional.of(SampleRuns.json(Map.of("username", "admin", "password", "s3cr3t-value"))),
                Optional.empty(), Duration.ofMillis(42), Optional.of("abc1234"));
        String failed = OperationRun.record(journal, "lab1", new OperationRun.Caller("mcp", null), "app_enable",
                SampleRuns.json(Map.of("names", List.of("nope"))), Optional.empty(),
                Optional.of("no app named nope in the catalog; see `sikifanso app list --all`"), Duration.ofMillis(3),
                Optional.empty());

        List<JournalEntry> okRun = journal.readRun(ok);
        assertThat(okRun).extracting(e -> e.event().eventType()).containsExactly(EventType.RUN_STARTED,
                EventType.TOOL_CALL_START, EventType.TOOL_CALL_ARGS, EventType.TOOL_CALL_END,
                EventType.TOOL_CALL_RESULT, EventType.RUN_FINISHED);
        AguiEvent.RunStarted started = (AguiEvent.RunStarted) okRun.get(0).event();
        assertThat(started.threadId()).isEqualTo("lab1");
        assertThat(started.input().forwardedProps()).isEqualTo(SampleRuns.json(
                Map.of("surface", "cli", "operation", "app_credentials", "caller", "app enable")));
        assertThat(((AguiEvent.RunFinished) okRun.get(5).event()).result()).isEqualTo(SampleRuns.json(
                Map.of("operation", "app_credentials", "durationMs", 42, "commit", "abc1234")));
        assertThat(journal.readRun(failed)).extracting(e -> e.event().eventType()).containsExactly(
                EventType.RUN_STARTED, EventType.TOOL_CALL_START, EventType.TOOL_CALL_ARGS, EventType.TOOL_CALL_END,
                EventType.RUN_ERROR);
        assertThat(Files.readString(dir.resolve("activity.jsonl"))).doesNotContain("s3cr3t-value");

        List<AguiEvent> stream = journal.readSince(0).stream().map(JournalEntry::event).toList();
        JsonNode result = new NodeAguiCheck().stream("operations", stream).run().at("/streams/0");
        assertThat(result.path("schemaErrors")).as(result.toPrettyString()).isEmpty();
        assertThat(result.path("warnings")).isEmpty();
        assertThat(result.path("verifyError").isNull()).as(result.path("verifyError").asText()).isTrue();
    }

    @Test
    void aLongOperationReportsItsStepsBetweenTheCallAndItsResult(@TempDir Path dir) {
        ActivityJournal journal = new ActivityJournal(dir, JournalOptions.DEFAULTS);
        OperationRun create = OperationRun.start(journal, "lab2", CLI, "cluster_create",
                SampleRuns.json(Map.of("name", "lab2")));
        for (String phase : List.of("preflight", "pull", "nodes")) {
            create.run().step(phase).finish();
        }
        create.succeeded(SampleRuns.json(Map.of("cluster", "lab2")), Optional.empty());

        assertThat(journal.readRun(create.runId())).extracting(e -> e.event().eventType()).containsExactly(
                EventType.RUN_STARTED, EventType.TOOL_CALL_START, EventType.TOOL_CALL_ARGS, EventType.TOOL_CALL_END,
                EventType.STEP_STARTED, EventType.STEP_FINISHED, EventType.STEP_STARTED, EventType.STEP_FINISHED,
                EventType.STEP_STARTED, EventType.STEP_FINISHED, EventType.TOOL_CALL_RESULT, EventType.RUN_FINISHED);
    }
}

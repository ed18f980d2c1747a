package com.sikifanso.agui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.agui.AguiEvent.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Runs built with {@link AguiRun}, with a fixed clock and counted ids so their JSON is predictable. */
public final class SampleRuns {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T03:00:00Z"), ZoneOffset.UTC);
    public static final long MILLIS = CLOCK.millis();

    private SampleRuns() {
    }

    public static Supplier<String> ids() {
        AtomicInteger n = new AtomicInteger();
        return () -> "id-" + n.incrementAndGet();
    }

    public static AguiRun start(String runId, Consumer<AguiEvent> sink) {
        return AguiRun.start("lab1", runId, input(runId), sink, CLOCK, ids());
    }

    static RunAgentInput input(String runId) {
        return new RunAgentInput("lab1", runId, null, null, List.of(), List.of(), List.of(),
                AguiJson.MAPPER.createObjectNode().put("surface", "cli").put("caller", "test"));
    }

    public static JsonNode json(Object value) {
        return AguiJson.MAPPER.valueToTree(value);
    }

    public static ObjectNode object(Object value) {
        return (ObjectNode) json(value);
    }

    /**
     * Two runs in one stream, between them every event type of {@code @ag-ui/core} 1.0.0: the first finishes, the
     * second fails with {@code RUN_ERROR}. Returns the final state the first run sent.
     */
    public static List<AguiEvent> everyEventType() {
        List<AguiEvent> events = new ArrayList<>();
        AguiRun run = start("run-all", events::add);
        try (AguiRun.Step pull = run.step("pull")) {
            run.stateSnapshot(json(Map.of("apps", Map.of("qdrant", Map.of("sync", "OutOfSync")), "nodes", 1)));
            AguiRun.Activity progress = run.activity("pull", object(Map.of("image", "k3s", "bytes", 0)));
            progress.update(object(Map.of("image", "k3s", "bytes", 1024, "done", true)));
            progress.replace(object(Map.of("image", "k3s", "bytes", 2048)));
            run.state(json(Map.of("apps", Map.of("qdrant", Map.of("sync", "Synced", "health", "Healthy")),
                    "nodes", 2)));
        }
        AguiRun.TextMessage message = run.message(Role.assistant).content("Enabling ").content("qdrant");
        message.end();
        run.textChunks(Role.assistant).delta("streamed ").delta("text");
        AguiRun.ToolCall call = run.toolCall("app_enable", message.messageId()).args("{\"names\":").args("[\"qdrant\"]}");
        call.end().result("{\"enabled\":[\"qdrant\"],\"commit\":\"abc1234\"}");
        run.toolCallChunks("app_list").delta("{\"all\":").delta("true}");
        AguiRun.Reasoning reasoning = run.reasoning();
        AguiRun.ReasoningMessage thought = reasoning.message().content("qdrant has no dependencies");
        thought.encryptedValue("opaque-blob");
        thought.end();
        reasoning.end();
        run.reasoningChunks().delta("chunked thought");
        call.encryptedReasoning("opaque-tool-blob");
        run.messagesSnapshot(List.of(new Message.User("u1", "enable qdrant", null),
                new Message.Assistant("a1", null, null, List.of(new Message.ToolCall("tc-9",
                        new Message.ToolCall.Function("app_enable", "{\"names\":[\"qdrant\"]}")))),
                new Message.Tool("t1", "done", "tc-9", null)));
        run.raw(json(Map.of("kind", "argocd", "reason", "Synced")), "argocd");
        run.custom("sikifanso.commit", json(Map.of("sha", "abc1234")));
        run.subagent("helper", "looks things up").finish(json(Map.of("found", true)));
        run.subagent("flaky", null).fail("no route", "E_NET");
        run.finish(json(Map.of("ok", true)), new RunOutcome.Success(null));

        AguiRun failing = start("run-err", events::add);
        failing.step("preflight");
        failing.error("docker is not running", "PREFLIGHT");
        return events;
    }
}

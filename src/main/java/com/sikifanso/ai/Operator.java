package com.sikifanso.ai;

import com.sikifanso.core.Suggestion;
import com.anthropic.client.AnthropicClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageParam;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.TextBlockParam;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.agui.AguiRun;
import com.sikifanso.core.Mappers;
import com.sikifanso.ops.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * The tool loop: sends the conversation with the system prompt and the operations as tools (both marked for the
 * prompt cache), streams the model's turn into the AG-UI run, runs the tools it asked for through the
 * {@link ToolRunner} (reads freely, changes only when approved), gives it their results, and goes on until it
 * answers without calling a tool or {@code maxTurns} turns have passed.
 */
public final class Operator {
    private final AnthropicClient client;
    private final Settings settings;
    private final OperatorTools tools;
    private final List<TextBlockParam> system;

    /**
     * @param thinkingBudget tokens the model may think for before answering (extended thinking, streamed as AG-UI
     *        reasoning); 0 for none
     */
    public record Settings(String model, long maxTokens, long thinkingBudget, int maxTurns) {
    }

    /**
     * How a prompt ended: the model's last text, the tokens used, the turns taken, the last stop reason, and the
     * approval tool calls the client must answer before it can go on (empty unless approvals go through the client).
     */
    public record Answer(String text, Usage usage, int turns, String stopReason, List<String> awaitingApproval) {
    }

    /** The client-side tool an AG-UI client answers to approve a change (AG-UI's human in the loop). */
    public static final String APPROVE_TOOL = "sikifanso_approve";
    /** The id of the approval call for the model's tool call {@code id}. */
    public static final String APPROVE_PREFIX = "approve-";
    /** The id under which a change approved in an earlier run is run, for the model's tool call {@code id}. */
    public static final String RUN_PREFIX = "run-";

    /** A tool call of the model still without a result, carried over from an earlier run. */
    public record Pending(String id, String name, JsonNode input) {
    }

    public Operator(AnthropicClient client, Settings settings, OperatorTools tools, String cluster) {
        this.client = client;
        this.settings = settings;
        this.tools = tools;
        this.system = List.of(
                TextBlockParam.builder().text(SystemPrompt.text())
                        .cacheControl(CacheControlEphemeral.builder().build()).build(),
                TextBlockParam.builder().text(SystemPrompt.context(cluster, tools)).build());
    }

    public Settings settings() {
        return settings;
    }

    /** Answers the conversation's last user turn inside {@code run}, which the caller starts and ends. */
    public Answer answer(Conversation conversation, AguiRun run, ToolRunner runner) {
        return answer(conversation, run, runner, List.of());
    }

    /** As above, first running the model's tool calls of an earlier run that were waiting for approval. */
    public Answer answer(Conversation conversation, AguiRun run, ToolRunner runner, List<Pending> pending) {
        Usage total = new Usage();
        // A step is finished only when its work completed: one that throws stays open, and the run's RUN_ERROR
        // shows it unfinished (a closing try-with-resources would have marked a failed turn done).
        if (!pending.isEmpty()) {
            AguiRun.Step step = run.step("approved changes");
            List<TurnStream.ToolUse> uses = pending.stream().map(p -> new TurnStream.ToolUse(p.id(), p.name(),
                    p.input(), run.toolCall(p.name(), null, RUN_PREFIX + p.id()).args(p.input().toString()).end()))
                    .toList();
            ToolRound round = runTools(uses, run, runner);
            step.finish();
            if (!round.awaiting().isEmpty()) {
                return new Answer("", total, 0, "awaiting_approval", round.awaiting());
            }
            conversation.toolResults(round.results());
        }
        String lastText = "";
        String stop = "";
        for (int turn = 1; turn <= settings.maxTurns(); turn++) {
            AguiRun.Step step = run.step("turn " + turn);
            TurnStream stream = stream(conversation, run);
            total.add(stream.usage());
            stop = stream.stopReason();
            lastText = stream.text().isBlank() ? lastText : stream.text();
            conversation.assistant(stream.content());
            List<TurnStream.ToolUse> uses = stream.toolUses();
            if (uses.isEmpty()) {
                step.finish();
                return new Answer(lastText, total, turn, stop, List.of());
            }
            ToolRound round = runTools(uses, run, runner);
            step.finish();
            if (!round.awaiting().isEmpty()) {
                return new Answer(lastText, total, turn, "awaiting_approval", round.awaiting());
            }
            conversation.toolResults(round.results());
        }
        return new Answer(lastText + (lastText.isEmpty() ? "" : "\n") + "(stopped after " + settings.maxTurns()
                + " turns; continue with " + Suggestion.of("ai").cliFlag("continue").cli() + ")", total, settings.maxTurns(), stop, List.of());
    }

    private TurnStream stream(Conversation conversation, AguiRun run) {
        TurnStream turn = new TurnStream(run);
        try (StreamResponse<RawMessageStreamEvent> events = client.messages().createStreaming(params(conversation))) {
            events.stream().forEach(turn::accept);
        }
        return turn;
    }

    private MessageCreateParams params(Conversation conversation) {
        List<MessageParam> messages = new ArrayList<>();
        conversation.forRequest().forEach(m -> messages.add(JsonValue.from(m).convert(MessageParam.class)));
        MessageCreateParams.Builder params = MessageCreateParams.builder().model(settings.model())
                .maxTokens(settings.maxTokens()).systemOfTextBlockParams(system).tools(tools.definitions())
                .messages(messages);
        if (settings.thinkingBudget() > 0) {
            params.enabledThinking(settings.thinkingBudget());
        }
        return params.build();
    }

    /** The tool results of a round, or the approval calls it stopped at (the rest waits for the next run). */
    private record ToolRound(List<ObjectNode> results, List<String> awaiting) {
    }

    private static ToolRound runTools(List<TurnStream.ToolUse> uses, AguiRun run, ToolRunner runner) {
        List<ObjectNode> results = new ArrayList<>();
        for (TurnStream.ToolUse use : uses) {
            ToolOutput output = runner.run(use.id(), use.name(), use.input(), plan -> run.custom(PLAN_EVENT, planJson(plan)));
            if (output.awaitingApproval() != null) {
                String id = APPROVE_PREFIX + use.id();
                run.toolCall(APPROVE_TOOL, null, id).args(planJson(output.awaitingApproval()).toString()).end();
                return new ToolRound(results, List.of(id));
            }
            use.call().result(output.text());
            results.add(Conversation.toolResult(use.id(), output));
        }
        return new ToolRound(results, List.of());
    }

    /** The CUSTOM event that shows a change's plan in the run, before it is approved or refused. */
    public static final String PLAN_EVENT = "sikifanso.plan";

    static JsonNode planJson(Plan plan) {
        return Mappers.JSON.valueToTree(plan);
    }
}

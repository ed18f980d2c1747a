package com.sikifanso.ai;

import com.anthropic.errors.AnthropicException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiRun;
import com.sikifanso.agui.Message;
import com.sikifanso.agui.RunAgentInput;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One prompt to the operator as one AG-UI run: {@code RUN_STARTED} (the prompt as the input's user message, the
 * surface and model in {@code forwardedProps}), each model turn as a step with its text, reasoning and tool calls,
 * then {@code RUN_FINISHED} with the tokens used ({@code usage}) and, in its result, the turns, the stop reason and
 * the cost estimate; or {@code RUN_ERROR} with what failed and its fix.
 */
public final class OperatorRun {
    private OperatorRun() {
    }

    /** A new prompt: the user's words as the input's message. */
    public static Operator.Answer run(Operator operator, Conversation conversation, String prompt, String threadId,
                                      String runId, Consumer<AguiEvent> sink, ToolRunner runner) {
        conversation.user(prompt);
        RunAgentInput input = new RunAgentInput(threadId, runId, null, null,
                List.of(new Message.User(UUID.randomUUID().toString(), prompt, null)), List.of(), List.of(), null);
        return run(operator, conversation, input, List.of(), sink, runner);
    }

    /**
     * A run of a conversation already holding its newest message ({@code input}'s last, which RUN_STARTED echoes),
     * first finishing {@code pending} calls of an earlier run.
     */
    public static Operator.Answer run(Operator operator, Conversation conversation, RunAgentInput input,
                                      List<Operator.Pending> pending, Consumer<AguiEvent> sink, ToolRunner runner) {
        ObjectNode props = Mappers.JSON.createObjectNode().put("surface", "ai").put("operation", "ai")
                .put("model", operator.settings().model());
        List<Message> last = input.messages().isEmpty() ? List.of()
                : List.of(input.messages().get(input.messages().size() - 1));
        RunAgentInput echoed = new RunAgentInput(input.threadId(), input.runId(), null, null, last, List.of(),
                List.of(), props);
        AguiRun run = AguiRun.start(input.threadId(), input.runId(), echoed, sink);
        try {
            Operator.Answer answer = operator.answer(conversation, run, runner, pending);
            run.finish(result(operator.settings().model(), answer), answer.awaitingApproval().isEmpty() ? null
                    : new com.sikifanso.agui.RunOutcome.Success(answer.awaitingApproval()),
                    answer.usage().asList(operator.settings().model()));
            return answer;
        } catch (AnthropicException e) {
            SikifansoException explained = ApiErrors.explain(e);
            run.error(explained.getMessage() + "\nTo fix: " + explained.hint(), "model_error");
            throw explained;
        } catch (RuntimeException e) {
            run.error(String.valueOf(e.getMessage()), null);
            throw e;
        }
    }

    private static ObjectNode result(String model, Operator.Answer answer) {
        ObjectNode result = Mappers.JSON.createObjectNode().put("operation", "ai").put("model", model)
                .put("turns", answer.turns()).put("stopReason", answer.stopReason());
        CostEstimate.usd(model, answer.usage()).ifPresent(usd -> result.put("costUsd",
                Math.round(usd * 1_000_000) / 1_000_000.0));
        return result;
    }
}

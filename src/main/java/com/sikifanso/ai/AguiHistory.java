package com.sikifanso.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.agui.Message;
import com.sikifanso.core.Mappers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A conversation rebuilt from an AG-UI client's messages (what {@code @ag-ui/client} accumulates from the operator's
 * events): user text; assistant text and the model's tool calls; tool messages as their results, whether the call
 * ran in its own run or, approved, in a later one ({@code run-ID}). The client's answers to the
 * {@value Operator#APPROVE_TOOL} calls ({@code approve-ID}) are the user's approvals; the model's calls still without a
 * result are what the next run must finish first. A call the user passed over by asking something new is answered
 * as not approved, so the conversation stays one the API accepts.
 */
public record AguiHistory(Conversation conversation, List<Operator.Pending> pending, Map<String, Boolean> approvals) {

    public static AguiHistory of(List<Message> messages) {
        Map<String, Boolean> approvals = new LinkedHashMap<>();
        Map<String, Message.Tool> results = new LinkedHashMap<>();
        for (Message m : messages) {
            if (m instanceof Message.Tool tool && tool.toolCallId() != null) {
                if (tool.toolCallId().startsWith(Operator.APPROVE_PREFIX)) {
                    approvals.put(tool.toolCallId().substring(Operator.APPROVE_PREFIX.length()), approves(tool));
                } else {
                    results.put(strip(tool.toolCallId()), tool);
                }
            }
        }
        Conversation conversation = new Conversation();
        Map<String, Operator.Pending> open = new LinkedHashMap<>();
        for (Message m : messages) {
            switch (m) {
                case Message.User user -> {
                    passOver(conversation, open);
                    conversation.append("user", text(user.content()));
                }
                case Message.Assistant assistant -> {
                    if (assistant.content() != null && !assistant.content().isBlank()) {
                        conversation.append("assistant", text(assistant.content()));
                    }
                    for (Message.ToolCall call : assistant.toolCalls() == null ? List.<Message.ToolCall>of()
                            : assistant.toolCalls()) {
                        if (!call.id().startsWith(Operator.APPROVE_PREFIX) && !call.id().startsWith(Operator.RUN_PREFIX)) {
                            JsonNode input = arguments(call.function().arguments());
                            conversation.append("assistant", Mappers.JSON.createObjectNode().put("type", "tool_use")
                                    .put("id", call.id()).put("name", call.function().name()).set("input", input));
                            open.put(call.id(), new Operator.Pending(call.id(), call.function().name(), input));
                        }
                    }
                }
                case Message.Tool tool when tool.toolCallId() != null && open.containsKey(strip(tool.toolCallId()))
                        && results.get(strip(tool.toolCallId())) == tool -> {
                    open.remove(strip(tool.toolCallId()));
                    conversation.toolResults(List.of(Conversation.toolResult(strip(tool.toolCallId()),
                            new ToolOutput(tool.content() == null ? "" : tool.content(), tool.error() != null, null))));
                }
                default -> {
                }
            }
        }
        return new AguiHistory(conversation, List.copyOf(open.values()), approvals);
    }

    /** The approver for the pending calls: the user's answers; a change not answered yet is asked for again. */
    public Approver approver() {
        return (toolCallId, plan) -> Optional.ofNullable(approvals.get(toolCallId))
                .map(yes -> yes ? Approval.approved() : Approval.refused("the user declined it"))
                .orElse(new Approval.Deferred());
    }

    /** Calls left without a result when the user asks something new: not approved, so nothing ran. */
    private static void passOver(Conversation conversation, Map<String, Operator.Pending> open) {
        if (open.isEmpty()) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>(open.keySet());
        List<ObjectNode> results = new ArrayList<>();
        ids.forEach(id -> results.add(Conversation.toolResult(id, ToolOutput.failed("Not approved: the user asked "
                + "something else instead. Nothing was changed."))));
        conversation.toolResults(results);
        open.clear();
    }

    private static boolean approves(Message.Tool answer) {
        String content = answer.content() == null ? "" : answer.content().strip();
        try {
            JsonNode json = Mappers.JSON.readTree(content);
            if (json != null && json.isObject()) {
                return json.path("approved").asBoolean(false);
            }
            if (json != null && json.isBoolean()) {
                return json.asBoolean();
            }
        } catch (IOException e) {
            // plain words, below
        }
        String word = content.toLowerCase(Locale.ROOT);
        return word.equals("yes") || word.equals("y") || word.equals("approve") || word.equals("approved");
    }

    private static String strip(String toolCallId) {
        return toolCallId.startsWith(Operator.RUN_PREFIX) ? toolCallId.substring(Operator.RUN_PREFIX.length())
                : toolCallId;
    }

    private static ObjectNode text(String text) {
        return Mappers.JSON.createObjectNode().put("type", "text").put("text", text == null ? "" : text);
    }

    private static JsonNode arguments(String json) {
        try {
            JsonNode args = json == null || json.isBlank() ? null : Mappers.JSON.readTree(json);
            return args != null && args.isObject() ? args : Mappers.JSON.createObjectNode();
        } catch (IOException e) {
            return Mappers.JSON.createObjectNode();
        }
    }
}

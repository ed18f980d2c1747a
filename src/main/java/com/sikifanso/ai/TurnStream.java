package com.sikifanso.ai;

import com.anthropic.models.messages.RawContentBlockDelta;
import com.anthropic.models.messages.RawContentBlockStartEvent;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiRun;
import com.sikifanso.core.Mappers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One streamed model turn, as it arrives: each content block becomes its AG-UI span as it streams (text as a text
 * message, thinking as reasoning, a tool call as {@code TOOL_CALL_START}, its JSON as {@code TOOL_CALL_ARGS}, then
 * {@code TOOL_CALL_END}), and is kept to become the assistant turn of the conversation once the message stops.
 */
final class TurnStream {
    private final AguiRun run;
    private final Map<Long, Block> blocks = new TreeMap<>();
    private final Usage usage = new Usage();
    private String stopReason = "";
    private String lastTextMessage;

    TurnStream(AguiRun run) {
        this.run = run;
    }

    /** A tool the model asked for in this turn: its id, name, arguments, and the AG-UI call awaiting its result. */
    record ToolUse(String id, String name, JsonNode input, AguiRun.ToolCall call) {
    }

    void accept(RawMessageStreamEvent event) {
        event.messageStart().ifPresent(start -> usage.started(start.message().usage()));
        event.contentBlockStart().ifPresent(start -> blocks.put(start.index(), open(start.contentBlock())));
        event.contentBlockDelta().ifPresent(delta -> {
            Block block = blocks.get(delta.index());
            if (block != null) {
                block.delta(delta.delta());
            }
        });
        event.contentBlockStop().ifPresent(stop -> {
            Block block = blocks.get(stop.index());
            if (block != null) {
                block.stop();
            }
        });
        event.messageDelta().ifPresent(delta -> {
            delta.delta().stopReason().ifPresent(reason -> stopReason = reason.asString());
            usage.delta(delta.usage());
        });
    }

    String stopReason() {
        return stopReason;
    }

    Usage usage() {
        return usage;
    }

    /** The assistant turn's content blocks, in order, as the API's message objects spell them. */
    ArrayNode content() {
        ArrayNode content = Mappers.JSON.createArrayNode();
        blocks.values().stream().map(Block::json).filter(java.util.Objects::nonNull).forEach(content::add);
        return content;
    }

    List<ToolUse> toolUses() {
        List<ToolUse> uses = new ArrayList<>();
        for (Block b : blocks.values()) {
            if (b instanceof ToolBlock t) {
                uses.add(new ToolUse(t.id, t.name, t.input(), t.call));
            }
        }
        return uses;
    }

    /** The text the model wrote in this turn. */
    String text() {
        StringBuilder text = new StringBuilder();
        blocks.values().forEach(b -> {
            if (b instanceof TextBlock t) {
                text.append(t.text);
            }
        });
        return text.toString();
    }

    private Block open(RawContentBlockStartEvent.ContentBlock block) {
        if (block.isText()) {
            AguiRun.TextMessage message = run.message(AguiEvent.Role.assistant);
            lastTextMessage = message.messageId();
            TextBlock text = new TextBlock(message);
            text.append(block.asText().text());
            return text;
        }
        if (block.isThinking()) {
            return new ThinkingBlock(run.reasoning(), block.asThinking().thinking());
        }
        if (block.isToolUse()) {
            return new ToolBlock(block.asToolUse().id(), block.asToolUse().name(),
                    run.toolCall(block.asToolUse().name(), lastTextMessage, block.asToolUse().id()));
        }
        if (block.isRedactedThinking()) {
            return new OpaqueBlock(Mappers.JSON.createObjectNode().put("type", "redacted_thinking")
                    .put("data", block.asRedactedThinking().data()));
        }
        return new OpaqueBlock(null);    // server tools are not offered: nothing of theirs is kept
    }

    private interface Block {
        void delta(RawContentBlockDelta delta);

        void stop();

        JsonNode json();
    }

    private static final class TextBlock implements Block {
        private final AguiRun.TextMessage message;
        private final StringBuilder text = new StringBuilder();

        TextBlock(AguiRun.TextMessage message) {
            this.message = message;
        }

        void append(String delta) {
            if (delta != null && !delta.isEmpty()) {
                text.append(delta);
                message.content(delta);
            }
        }

        @Override
        public void delta(RawContentBlockDelta delta) {
            delta.text().ifPresent(t -> append(t.text()));
        }

        @Override
        public void stop() {
            message.end();
        }

        @Override
        public JsonNode json() {
            return Mappers.JSON.createObjectNode().put("type", "text").put("text", text.toString());
        }
    }

    private static final class ThinkingBlock implements Block {
        private final AguiRun.Reasoning reasoning;
        private final AguiRun.ReasoningMessage message;
        private final StringBuilder thinking = new StringBuilder();
        private String signature = "";

        ThinkingBlock(AguiRun.Reasoning reasoning, String initial) {
            this.reasoning = reasoning;
            this.message = reasoning.message();
            append(initial);
        }

        private void append(String delta) {
            if (delta != null && !delta.isEmpty()) {
                thinking.append(delta);
                message.content(delta);
            }
        }

        @Override
        public void delta(RawContentBlockDelta delta) {
            delta.thinking().ifPresent(t -> append(t.thinking()));
            delta.signature().ifPresent(s -> signature += s.signature());
        }

        @Override
        public void stop() {
            message.end();
            reasoning.end();
        }

        @Override
        public JsonNode json() {
            return Mappers.JSON.createObjectNode().put("type", "thinking").put("thinking", thinking.toString())
                    .put("signature", signature);
        }
    }

    private static final class ToolBlock implements Block {
        private final String id;
        private final String name;
        private final AguiRun.ToolCall call;
        private final StringBuilder json = new StringBuilder();

        ToolBlock(String id, String name, AguiRun.ToolCall call) {
            this.id = id;
            this.name = name;
            this.call = call;
        }

        @Override
        public void delta(RawContentBlockDelta delta) {
            delta.inputJson().ifPresent(j -> {
                if (!j.partialJson().isEmpty()) {
                    json.append(j.partialJson());
                    call.args(j.partialJson());
                }
            });
        }

        @Override
        public void stop() {
            call.end();
        }

        JsonNode input() {
            if (json.toString().isBlank()) {
                return Mappers.JSON.createObjectNode();
            }
            try {
                return Mappers.JSON.readTree(json.toString());
            } catch (IOException e) {
                return Mappers.JSON.createObjectNode();    // refused by the binder with a message the model can read
            }
        }

        @Override
        public JsonNode json() {
            ObjectNode use = Mappers.JSON.createObjectNode().put("type", "tool_use").put("id", id).put("name", name);
            use.set("input", input());
            return use;
        }
    }

    private record OpaqueBlock(JsonNode kept) implements Block {
        @Override
        public void delta(RawContentBlockDelta delta) {
        }

        @Override
        public void stop() {
        }

        @Override
        public JsonNode json() {
            return kept;
        }
    }
}

package com.sikifanso.ai;

import com.anthropic.models.messages.MessageDeltaUsage;
import java.util.List;

/**
 * Tokens a run used, summed over its turns: input, output, and the prompt cache's reads and writes, as the API
 * reports them ({@code message_start}, then the final counts in {@code message_delta}).
 */
public final class Usage {
    private long input;
    private long output;
    private long cacheRead;
    private long cacheWrite;

    /** A turn's counts as {@code message_start} reports them. */
    void started(com.anthropic.models.messages.Usage usage) {
        input = usage.inputTokens();
        output = usage.outputTokens();
        cacheRead = usage.cacheReadInputTokens().orElse(0L);
        cacheWrite = usage.cacheCreationInputTokens().orElse(0L);
    }

    /** A turn's final counts from {@code message_delta}: cumulative, so they replace what was said before. */
    void delta(MessageDeltaUsage usage) {
        output = usage.outputTokens();
        usage.inputTokens().ifPresent(n -> input = n);
        usage.cacheReadInputTokens().ifPresent(n -> cacheRead = n);
        usage.cacheCreationInputTokens().ifPresent(n -> cacheWrite = n);
    }

    void add(Usage turn) {
        input += turn.input;
        output += turn.output;
        cacheRead += turn.cacheRead;
        cacheWrite += turn.cacheWrite;
    }

    public long input() {
        return input;
    }

    public long output() {
        return output;
    }

    public long cacheRead() {
        return cacheRead;
    }

    public long cacheWrite() {
        return cacheWrite;
    }

    /** As AG-UI's {@code TokenUsage}: input counts every input token, cached or not. */
    com.sikifanso.agui.TokenUsage agui(String model) {
        long allInput = input + cacheRead + cacheWrite;
        return new com.sikifanso.agui.TokenUsage("anthropic", model, allInput, output, allInput + output, cacheRead,
                cacheWrite);
    }

    List<com.sikifanso.agui.TokenUsage> asList(String model) {
        return List.of(agui(model));
    }
}

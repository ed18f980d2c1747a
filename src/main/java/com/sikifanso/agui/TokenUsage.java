package com.sikifanso.agui;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Token counts for one provider and model ({@code TokenUsageSchema}); counts are non-negative. The cache counts are
 * the schema's {@code cachedInputTokens} (read from a prompt cache) and {@code cacheWriteInputTokens} (written to it).
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record TokenUsage(String provider, String model, Long inputTokens, Long outputTokens, Long totalTokens,
                         Long cachedInputTokens, Long cacheWriteInputTokens) {
    public TokenUsage(String provider, String model, Long inputTokens, Long outputTokens, Long totalTokens) {
        this(provider, model, inputTokens, outputTokens, totalTokens, null, null);
    }
}

package com.sikifanso.agui;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Token counts for one provider and model ({@code TokenUsageSchema}); counts are non-negative. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record TokenUsage(String provider, String model, Long inputTokens, Long outputTokens, Long totalTokens) {
}

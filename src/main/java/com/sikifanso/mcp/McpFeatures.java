package com.sikifanso.mcp;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.function.Supplier;

/**
 * Everything a server offers, built once: the SDK server (initialize era) and {@link ModernDispatcher}
 * (2026-07-28) both answer from these same specifications, so the two eras cannot list different tools.
 * {@code resources} is a supplier because the concrete resources follow the clusters that exist.
 */
record McpFeatures(McpSchema.Implementation serverInfo, String instructions,
                   List<McpServerFeatures.SyncToolSpecification> tools,
                   Supplier<List<McpServerFeatures.SyncResourceSpecification>> resources,
                   List<McpServerFeatures.SyncResourceTemplateSpecification> resourceTemplates,
                   List<McpServerFeatures.SyncPromptSpecification> prompts,
                   List<McpServerFeatures.SyncCompletionSpecification> completions) {
}

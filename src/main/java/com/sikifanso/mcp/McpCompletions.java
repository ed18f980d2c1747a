package com.sikifanso.mcp;

import com.sikifanso.Services;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * {@code completion/complete} for the prompts' and resource templates' arguments: cluster names, and the
 * apps or agents of the cluster already chosen (in the request's context, else the pinned one).
 */
final class McpCompletions {
    /** The spec's cap on values in one completion result. */
    static final int MAX_VALUES = 100;

    private final Services services;
    private final McpOptions options;

    McpCompletions(Services services, McpOptions options) {
        this.services = services;
        this.options = options;
    }

    List<McpServerFeatures.SyncCompletionSpecification> all(List<McpServerFeatures.SyncPromptSpecification> prompts,
                                                            List<McpServerFeatures.SyncResourceTemplateSpecification>
                                                                    templates) {
        List<McpServerFeatures.SyncCompletionSpecification> specs = new java.util.ArrayList<>();
        prompts.forEach(p -> specs.add(new McpServerFeatures.SyncCompletionSpecification(
                new McpSchema.PromptReference(p.prompt().name()), (exchange, request) -> complete(request))));
        templates.forEach(t -> specs.add(new McpServerFeatures.SyncCompletionSpecification(
                new McpSchema.ResourceReference(t.resourceTemplate().uriTemplate()),
                (exchange, request) -> complete(request))));
        return specs;
    }

    McpSchema.CompleteResult complete(McpSchema.CompleteRequest request) {
        String prefix = request.argument().value() == null ? "" : request.argument().value();
        List<String> candidates = switch (request.argument().name()) {
            case "cluster" -> ServedNames.clusters(services, options);
            case "app" -> ServedNames.apps(services, chosenCluster(request));
            case "agent", "name" -> ServedNames.agents(services, options, chosenCluster(request));
            default -> List.of();
        };
        List<String> matching = candidates.stream().filter(c -> c.startsWith(prefix)).toList();
        return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(
                matching.stream().limit(MAX_VALUES).toList(), matching.size(), matching.size() > MAX_VALUES));
    }

    /** The cluster argument already given, else the pinned cluster, else "default" as the CLI takes it. */
    private String chosenCluster(McpSchema.CompleteRequest request) {
        Map<String, String> given = request.context() == null || request.context().arguments() == null ? Map.of()
                : request.context().arguments();
        if (options.pinnedCluster() != null) {
            return options.pinnedCluster();
        }
        return given.getOrDefault("cluster", "default");
    }
}

package com.sikifanso.mcp;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/** Ready-made prompts that walk a model through common jobs with sikifanso's tools. */
final class McpPrompts {
    private McpPrompts() {
    }

    static List<McpServerFeatures.SyncPromptSpecification> all() {
        return List.of(
                prompt("troubleshoot-app", "Find out why a catalog or custom app is not healthy, and propose a fix.",
                        List.of(arg("cluster", "Name of the cluster"), arg("app", "Name of the app")),
                        a -> "Investigate why the app \"" + a.get("app") + "\" in sikifanso cluster \""
                                + a.get("cluster") + "\" is not healthy. First call app_status for its sync and "
                                + "health and each unhealthy resource's message; then kube_events in its namespace, "
                                + "and app_logs (since: \"10m\") for what its pods say. Use catalog_list to confirm "
                                + "it and every dependency is enabled. Then explain the most "
                                + "likely cause in two or three sentences and propose one concrete fix as a "
                                + "sikifanso tool call (for example catalog_enable of a missing dependency). Do not "
                                + "call destructive tools without saying why first."),
                prompt("plan-profile", "Choose the profiles and apps a workload needs, and enable them.",
                        List.of(arg("cluster", "Name of the cluster"),
                                arg("goal", "What the agents should be able to do, in a sentence")),
                        a -> "Plan the AI infrastructure for this goal: \"" + a.get("goal") + "\" on sikifanso "
                                + "cluster \"" + a.get("cluster") + "\". Call profile_list and catalog_list, pick the "
                                + "smallest set of profiles (they compose, e.g. agent-dev,rag) plus any single apps "
                                + "that cover the goal, explain the choice briefly, and then apply it with "
                                + "profile_apply and catalog_enable. Mention the dependencies that come with it."));
    }

    private interface Text {
        String of(Map<String, String> args);
    }

    private static McpSchema.PromptArgument arg(String name, String description) {
        return new McpSchema.PromptArgument(name, description, true);
    }

    private static McpServerFeatures.SyncPromptSpecification prompt(String name, String description,
                                                                    List<McpSchema.PromptArgument> args, Text text) {
        return new McpServerFeatures.SyncPromptSpecification(new McpSchema.Prompt(name, description, args),
                (exchange, request) -> {
                    @SuppressWarnings("unchecked")
                    Map<String, String> given = (Map<String, String>) (Map<?, ?>) request.arguments();
                    return new McpSchema.GetPromptResult(description, List.of(new McpSchema.PromptMessage(
                            McpSchema.Role.USER, new McpSchema.TextContent(text.of(given)))));
                });
    }
}

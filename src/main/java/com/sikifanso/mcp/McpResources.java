package com.sikifanso.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.ops.OperationContext;
import com.sikifanso.ops.OperationRegistry;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Read-only views as MCP resources; each is served by the operation that shows the same thing. */
final class McpResources {
    private record View(String template, String name, String description, Pattern pattern, String operation,
                        List<String> arguments) {
    }

    private static final List<View> VIEWS = List.of(
            new View("sikifanso://clusters/{cluster}/session", "cluster-session",
                    "The cluster's session: state, GitOps repo, ports and URLs (no secrets).",
                    Pattern.compile("sikifanso://clusters/([^/]+)/session"), "cluster_info", List.of("cluster")),
            new View("sikifanso://clusters/{cluster}/catalog", "cluster-catalog",
                    "The cluster's catalog with what is enabled, and its custom apps.",
                    Pattern.compile("sikifanso://clusters/([^/]+)/catalog"), "catalog_list", List.of("cluster")),
            new View("sikifanso://clusters/{cluster}/agents/{agent}", "agent-sandbox",
                    "One agent sandbox: quotas and what its network policy allows.",
                    Pattern.compile("sikifanso://clusters/([^/]+)/agents/([^/]+)"), "agent_info",
                    List.of("cluster", "name")));

    private McpResources() {
    }

    /**
     * The concrete resources behind the templates, for the clusters this server serves (the pinned one, or
     * every cluster with a session): each one's session and catalog, and each of its agents. Read again on
     * every call, so a cluster or agent made meanwhile shows up.
     */
    static List<McpServerFeatures.SyncResourceSpecification> concrete(OperationRegistry registry,
                                                                   OperationContext context, McpOptions options) {
        List<McpServerFeatures.SyncResourceSpecification> resources = new java.util.ArrayList<>();
        for (String cluster : ServedNames.clusters(context.services(), options)) {
            for (View v : VIEWS) {
                if (v.arguments().size() == 1 && options.agent() == null) {
                    resources.add(concrete(v, cluster, v.template().replace("{cluster}", cluster), registry,
                            context, options));
                }
            }
            for (String agent : ServedNames.agents(context.services(), options, cluster)) {
                View v = VIEWS.get(2);
                resources.add(concrete(v, cluster + "/" + agent, v.template().replace("{cluster}", cluster)
                        .replace("{agent}", agent), registry, context, options));
            }
        }
        return resources;
    }

    private static McpServerFeatures.SyncResourceSpecification concrete(View v, String subject, String uri,
                                                                        OperationRegistry registry,
                                                                        OperationContext context, McpOptions options) {
        return new McpServerFeatures.SyncResourceSpecification(
                McpSchema.Resource.builder().uri(uri).name(v.name() + ":" + subject).description(v.description())
                        .mimeType("application/json").build(),
                (exchange, request) -> read(v, request.uri(), registry, context, options));
    }

    static List<McpServerFeatures.SyncResourceTemplateSpecification> all(OperationRegistry registry,
                                                                        OperationContext context, McpOptions options) {
        return VIEWS.stream()
                .filter(v -> options.agent() == null || v.operation().equals("agent_info"))
                .map(v -> new McpServerFeatures.SyncResourceTemplateSpecification(
                        McpSchema.ResourceTemplate.builder().uriTemplate(v.template()).name(v.name())
                                .description(v.description()).mimeType("application/json").build(),
                        (exchange, request) -> read(v, request.uri(), registry, context, options)))
                .toList();
    }

    private static McpSchema.ReadResourceResult read(View view, String uri, OperationRegistry registry,
                                                     OperationContext context, McpOptions options) {
        Matcher m = view.pattern().matcher(uri);
        if (!m.matches()) {
            throw McpError.RESOURCE_NOT_FOUND.apply(uri);
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < view.arguments().size(); i++) {
            args.put(view.arguments().get(i), m.group(i + 1));
        }
        if (options.agent() != null && !(options.agent().equals(args.get("name"))
                && options.pinnedCluster().equals(args.get("cluster")))) {
            throw McpError.RESOURCE_NOT_FOUND.apply(uri);
        }
        try {
            Object view1 = registry.invoke(view.operation(), args, context);
            String json = Mappers.JSON.writeValueAsString(view1);
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri,
                    "application/json", json)));
        } catch (SikifansoException e) {
            throw McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND).message(e.getMessage()).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.sikifanso.mcp;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.sikifanso.Services;
import com.sikifanso.core.Mappers;
import com.sikifanso.ops.Operation;
import com.sikifanso.ops.OperationContext;
import com.sikifanso.ops.OperationRegistry;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.util.List;
import java.util.Set;
import org.slf4j.LoggerFactory;

/** The MCP server: the operation registry, filtered by the server's options, as tools. */
public final class SikifansoMcpServer {
    /** Tools an agent-scoped server offers; each acts only on that agent. */
    static final Set<String> AGENT_SCOPED = Set.of("agent_info", "kube_pods", "kube_services", "kube_events",
            "kube_logs");

    private final Services services;
    private final OperationRegistry registry;
    private final McpOptions options;

    public SikifansoMcpServer(Services services, OperationRegistry registry, McpOptions options) {
        this.services = services;
        this.registry = registry;
        this.options = options;
    }

    public static McpJsonMapper jsonMapper() {
        // One JSON-RPC message per line: stdio framing forbids pretty-printing.
        return new WireMapper(new JacksonMcpJsonMapper(Mappers.JSON.copy().disable(SerializationFeature.INDENT_OUTPUT)));
    }

    public McpSyncServer start(McpServerTransportProvider transport) {
        McpFeatures features = features();
        McpSyncServer server = configure(McpServer.sync(transport), features);
        ModernDispatcher modern = modern(features, server);
        if (transport instanceof StdioTransport stdio) {
            stdio.serveModern(modern);
        }
        return server;
    }

    public McpSyncServer start(McpStreamableServerTransportProvider transport) {
        McpFeatures features = features();
        McpSyncServer server = configure(McpServer.sync(transport), features);
        HttpMcpEndpoint.serveModern(transport, modern(features, server));
        return server;
    }

    /**
     * The 2026-07-28 side, answering from the same features. Clients of both eras hear of changes, whoever made
     * them, as the clusters' activity journals record them.
     */
    private ModernDispatcher modern(McpFeatures features, McpSyncServer server) {
        ModernDispatcher modern = new ModernDispatcher(features, jsonMapper(), java.time.Clock.systemUTC());
        new JournalWatch(services.sessions().home(), () -> ServedNames.clusters(services, options), registry,
                change -> {
                    modern.subscriptions().changed(change);
                    notifyLegacy(server, features, change);
                }).start();
        return modern;
    }

    /**
     * An initialize-era client hears that the list changed, and of each resource it subscribed to that changed
     * (the SDK keeps who subscribed to what): for a whole cluster, every URI of it listed before or after.
     */
    private static void notifyLegacy(McpSyncServer server, McpFeatures features, ResourceChange change) {
        try {
            java.util.Set<String> uris = new java.util.LinkedHashSet<>(change.updated());
            server.listResources().forEach(r -> uris.add(r.uri()));
            // The SDK says the list changed with each resource added or removed; otherwise it is said here.
            if (change.listChanged() && !syncResources(server, features)) {
                server.notifyResourcesListChanged();
            }
            server.listResources().forEach(r -> uris.add(r.uri()));
            uris.stream().filter(change::touches)
                    .forEach(uri -> server.notifyResourcesUpdated(new McpSchema.ResourcesUpdatedNotification(uri)));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(SikifansoMcpServer.class).debug("no legacy session to notify: {}", e.toString());
        }
    }

    /**
     * The SDK keeps its own resource list: brings it in line with the clusters and agents there are now; true when
     * that added or removed any.
     */
    private static boolean syncResources(McpSyncServer server, McpFeatures features) {
        java.util.Map<String, McpServerFeatures.SyncResourceSpecification> now = new java.util.LinkedHashMap<>();
        features.resources().get().forEach(r -> now.put(r.resource().uri(), r));
        boolean changed = false;
        for (McpSchema.Resource listed : server.listResources()) {
            if (now.remove(listed.uri()) == null) {
                server.removeResource(listed.uri());
                changed = true;
            }
        }
        now.values().forEach(server::addResource);
        return changed || !now.isEmpty();
    }

    /** Tools, resources, prompts and completions, built once for both eras. */
    McpFeatures features() {
        OperationContext context = new OperationContext(services,
                msg -> LoggerFactory.getLogger(SikifansoMcpServer.class).info(msg));
        ToolHints hints = new ToolHints(offered());
        List<McpServerFeatures.SyncToolSpecification> tools = offered().stream()
                .map(op -> new McpToolAdapter(op, options, context, hints).specification())
                .toList();
        List<McpServerFeatures.SyncResourceTemplateSpecification> templates = McpResources.all(registry, context,
                options);
        List<McpServerFeatures.SyncPromptSpecification> prompts = options.agent() == null ? McpPrompts.all()
                : List.of();
        return new McpFeatures(new McpSchema.Implementation("sikifanso", services.build().version()),
                instructions(), tools, () -> McpResources.concrete(registry, context, options), templates, prompts,
                new McpCompletions(services, options).all(prompts, templates));
    }

    private McpSyncServer configure(McpServer.SyncSpecification<?> spec, McpFeatures features) {
        return spec
                .serverInfo(features.serverInfo())
                .instructions(features.instructions())
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(true, true)
                        .prompts(false).completions().logging().build())
                .jsonMapper(jsonMapper())
                .jsonSchemaValidator(new OutputSchemaValidator())
                .tools(features.tools())
                .resources(features.resources().get())
                .resourceTemplates(features.resourceTemplates())
                .prompts(features.prompts())
                .completions(features.completions())
                .build();
    }

    /** The operations this server lists and lets clients call. */
    public List<Operation<?, ?>> offered() {
        return registry.all().stream()
                // Passwords and keys are shown to a user who asks in person, never to an MCP client; and what
                // only makes sense at a terminal (cliOnly) is not offered either.
                .filter(Operation::offeredToClients)
                .filter(op -> !options.readOnly() || op.safety().readOnly())
                .filter(op -> options.toolsets() == null || options.toolsets().contains(op.toolset()))
                .filter(op -> options.agent() == null || AGENT_SCOPED.contains(op.name()))
                .toList();
    }

    private String instructions() {
        String base = "sikifanso manages local Kubernetes clusters for AI agent infrastructure through a GitOps repo: "
                + "every change is a git commit that Argo CD applies. A tool that changes something returns, with "
                + "dryRun: true, its plan (summary, files, the diff it would commit) and changes nothing.";
        if (options.agent() != null) {
            return base + " This server is scoped to agent \"" + options.agent() + "\" and can only read it.";
        }
        if (options.pinnedCluster() != null) {
            return base + " This server is pinned to cluster \"" + options.pinnedCluster()
                    + "\"; the cluster argument may be left out.";
        }
        return base + " Tools that act on a cluster take a 'cluster' argument; use cluster_list to find names.";
    }
}

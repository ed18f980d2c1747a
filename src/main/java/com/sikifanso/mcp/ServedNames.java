package com.sikifanso.mcp;

import com.sikifanso.core.ClusterName;
import com.sikifanso.Services;
import com.sikifanso.agents.AgentService;
import com.sikifanso.catalog.AppService;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The names a server can talk about, for concrete resources and completions: its clusters (the pinned one,
 * or every cluster with a session), their agents and apps. A cluster whose GitOps repo cannot be read has
 * none listed rather than failing the whole list; the log says why.
 */
final class ServedNames {
    private ServedNames() {
    }

    static List<String> clusters(Services services, McpOptions options) {
        if (options.pinnedCluster() != null) {
            return List.of(options.pinnedCluster());
        }
        try {
            return services.sessions().names();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(ServedNames.class).info("no clusters listed: {}", e.getMessage());
            return List.of();
        }
    }

    static List<String> agents(Services services, McpOptions options, String cluster) {
        if (options.agent() != null) {
            return List.of(options.agent());
        }
        try {
            return services.agents().list(ClusterName.of(cluster)).stream().map(AgentService.Agent::name).toList();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(ServedNames.class).info("no agents listed for {}: {}", cluster, e.getMessage());
            return List.of();
        }
    }

    static List<String> apps(Services services, String cluster) {
        try {
            return services.apps().list(ClusterName.of(cluster), true).stream().map(AppService.AppRow::name).toList();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(ServedNames.class).info("no apps listed for {}: {}", cluster, e.getMessage());
            return List.of();
        }
    }
}

package com.sikifanso.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.ops.Operation;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What an operation that succeeded on a cluster changed among this server's resources (each cluster's session and
 * catalog, and its agents): the URIs to report updated, or every one of the cluster's ({@code wholeCluster}), and
 * whether the resource list itself changed (a cluster or an agent came or went).
 */
record ResourceChange(String cluster, Set<String> updated, boolean wholeCluster, boolean listChanged) {
    static String session(String cluster) {
        return "sikifanso://clusters/" + cluster + "/session";
    }

    static String catalog(String cluster) {
        return "sikifanso://clusters/" + cluster + "/catalog";
    }

    static String agent(String cluster, String agent) {
        return "sikifanso://clusters/" + cluster + "/agents/" + agent;
    }

    static String prefix(String cluster) {
        return "sikifanso://clusters/" + cluster + "/";
    }

    /** A cluster appeared or disappeared: all of its resources, and the list. */
    static ResourceChange clusterCameOrWent(String cluster) {
        return new ResourceChange(cluster, Set.of(), true, true);
    }

    /** Whether {@code uri} is one this change reports updated. */
    boolean touches(String uri) {
        return updated.contains(uri) || wholeCluster && uri.startsWith(prefix(cluster));
    }

    /**
     * What a successful run of {@code operation} with {@code args} changed; empty for a read, or for an operation
     * that changes nothing these resources show (a sync, new credentials, a snapshot taken). An operation this
     * table does not know is taken to have changed all of the cluster's resources.
     */
    static Optional<ResourceChange> of(String cluster, Operation<?, ?> operation, JsonNode args) {
        if (operation.safety().readOnly()) {
            return Optional.empty();
        }
        String name = args.path("name").asText(null);
        Set<String> uris = new LinkedHashSet<>();
        return switch (operation.name()) {
            case "app_sync", "app_rotate_credentials", "snapshot_capture" -> Optional.empty();
            // A cluster coming or going is seen in the clusters' directory (a deleted one has no journal left).
            case "cluster_create", "cluster_start", "cluster_stop", "cluster_upgrade" ->
                    Optional.of(new ResourceChange(cluster, Set.of(session(cluster)), false, false));
            case "catalog_enable", "catalog_disable", "profile_apply", "app_add", "app_remove" ->
                    Optional.of(new ResourceChange(cluster, Set.of(catalog(cluster)), false, false));
            case "agent_update" -> Optional.of(new ResourceChange(cluster, Set.of(agent(cluster, name)), false, false));
            case "agent_create", "agent_delete" ->
                    Optional.of(new ResourceChange(cluster, Set.of(agent(cluster, name)), false, true));
            case "app_rollback" -> { // the name is an app's or an agent's, whose files may come or go
                uris.add(catalog(cluster));
                uris.add(agent(cluster, name));
                yield Optional.of(new ResourceChange(cluster, uris, false, true));
            }
            default -> Optional.of(new ResourceChange(cluster, Set.of(), true, true));
        };
    }
}

package com.sikifanso.core;

import java.util.Optional;

/**
 * A cluster's name, checked once where it enters (a command's input, a tool's arguments): a DNS-1123 label, so
 * that it is safe as a directory under SIKIFANSO_HOME, a lock file and a Docker name. Services take this type and
 * never check the name again.
 */
public record ClusterName(String value) {
    public ClusterName {
        Names.requireLabel("cluster", value);
    }

    public static ClusterName of(String name) {
        return new ClusterName(name);
    }

    /**
     * A name for a cluster whose Docker nodes are about to be made: shorter, since k3d's
     * {@code k3d-NAME-agent-99} must stay a hostname (see {@link K3dNames#MAX_CLUSTER_NAME}).
     */
    public static ClusterName forNodes(String name) {
        return new ClusterName(Names.requireLabel("cluster", name, K3dNames.MAX_CLUSTER_NAME));
    }

    /** A name read back from somewhere else (an input not checked yet, a directory): empty unless valid. */
    public static Optional<ClusterName> ifValid(String name) {
        return Names.isLabel(name) ? Optional.of(new ClusterName(name)) : Optional.empty();
    }

    /** The names k3d gives this cluster's Docker and kubeconfig objects. */
    public K3dNames k3d() {
        return new K3dNames(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

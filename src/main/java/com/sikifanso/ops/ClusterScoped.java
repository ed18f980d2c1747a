package com.sikifanso.ops;

import com.sikifanso.core.ClusterName;

/**
 * An input that acts on one cluster. Its {@code cluster} is what every surface files the call under (the activity
 * journal), and the handler reads it once, checked, through {@link #clusterName()}.
 */
public interface ClusterScoped {
    /** The name as given (a tool's argument, the CLI's flag); null where the input may leave it out. */
    String cluster();

    /** The name checked (a DNS-1123 label, or a usage error that says the rule): what the services take. */
    default ClusterName clusterName() {
        return cluster() == null ? null : ClusterName.of(cluster());
    }
}

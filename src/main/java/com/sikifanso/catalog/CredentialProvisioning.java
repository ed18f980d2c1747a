package com.sikifanso.catalog;

import com.sikifanso.core.ClusterName;
import java.util.List;

/**
 * Gives apps being enabled their per-cluster credentials before the commit that enables them, so
 * Argo CD finds their Secrets; a failure (a running cluster that does not answer) leaves the repo
 * as it was.
 */
@FunctionalInterface
public interface CredentialProvisioning {
    CredentialProvisioning NONE = (cluster, catalog, apps) -> { };

    void provision(ClusterName cluster, Catalog catalog, List<String> apps);
}

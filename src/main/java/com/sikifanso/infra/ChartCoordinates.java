package com.sikifanso.infra;

/** {@code infra/cilium.yaml} and {@code infra/argocd.yaml}: where a Helm chart comes from and where it goes. */
public record ChartCoordinates(String repoURL, String chart, String targetRevision, String namespace,
                               String releaseName) {
}

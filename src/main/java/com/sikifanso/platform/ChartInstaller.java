package com.sikifanso.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.infra.ChartCoordinates;
import java.time.Duration;
import java.util.Optional;

/**
 * Helm releases of the platform's charts, always through the cluster's own kubeconfig (never the
 * user's current context). {@link HelmCharts} is the real one; tests record the calls instead,
 * because charts come from the network.
 */
public interface ChartInstaller {

    /** A release as Helm reports it after the call; {@code chartVersion} is the chart's version. */
    record Release(String name, String namespace, String chartVersion, String status) {
    }

    /** Installs {@code chart} at {@code version} with {@code values}, waiting until its resources are ready. */
    Release install(ChartCoordinates chart, String version, JsonNode values, String kubeconfig, Duration timeout);

    /** Upgrades the release to {@code version} with {@code values}; a failed upgrade is rolled back. */
    Release upgrade(ChartCoordinates chart, String version, JsonNode values, String kubeconfig, Duration timeout);

    /** Uninstalls the release {@code namespace/release}; one already gone is fine. */
    void uninstall(String release, String namespace, String kubeconfig, Duration timeout);

    /** The chart version of the deployed release, or empty when it is not installed. */
    Optional<String> deployedVersion(ChartCoordinates chart, String kubeconfig);
}

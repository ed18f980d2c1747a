package com.sikifanso.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.infra.ChartCoordinates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stands in for Helm, which needs the network to fetch charts: records each call and runs what
 * the chart would have made happen in the cluster (nodes turning Ready, Deployments appearing).
 */
final class RecordingCharts implements ChartInstaller {
    record Call(String action, ChartCoordinates chart, String version, JsonNode values, String kubeconfig) {
    }

    final List<Call> calls = new ArrayList<>();
    final Map<String, String> deployed = new HashMap<>();
    private final Map<String, Consumer<Call>> effects = new HashMap<>();
    private RuntimeException failure;

    RecordingCharts on(String release, Consumer<Call> effect) {
        effects.put(release, effect);
        return this;
    }

    RecordingCharts failing(RuntimeException e) {
        this.failure = e;
        return this;
    }

    @Override
    public Release install(ChartCoordinates chart, String version, JsonNode values, String kubeconfig,
                           Duration timeout) {
        return record("install", chart, version, values, kubeconfig);
    }

    @Override
    public Release upgrade(ChartCoordinates chart, String version, JsonNode values, String kubeconfig,
                           Duration timeout) {
        return record("upgrade", chart, version, values, kubeconfig);
    }

    /** Records the uninstall as a call with the release's name in place of a chart, and forgets the release. */
    @Override
    public void uninstall(String release, String namespace, String kubeconfig, Duration timeout) {
        calls.add(new Call("uninstall " + namespace + "/" + release, null, null, null, kubeconfig));
        deployed.remove(release);
    }

    @Override
    public Optional<String> deployedVersion(ChartCoordinates chart, String kubeconfig) {
        calls.add(new Call("list", chart, null, null, kubeconfig));
        return Optional.ofNullable(deployed.get(chart.releaseName()));
    }

    private Release record(String action, ChartCoordinates chart, String version, JsonNode values,
                           String kubeconfig) {
        Call call = new Call(action, chart, version, values.deepCopy(), kubeconfig);
        calls.add(call);
        if (failure != null) {
            throw failure;
        }
        effects.getOrDefault(chart.releaseName(), c -> { }).accept(call);
        deployed.put(chart.releaseName(), version);
        return new Release(chart.releaseName(), chart.namespace(), version, "deployed");
    }
}

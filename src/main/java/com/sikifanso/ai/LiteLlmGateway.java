package com.sikifanso.ai;

import com.sikifanso.Services;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.catalog.CatalogEntry;
import com.sikifanso.core.SikifansoException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;

/**
 * {@code ai --via litellm}: the cluster's own LiteLLM gateway (the {@code litellm-proxy} catalog app) as the Messages
 * API endpoint, so its keys, budgets, tracing and local models apply. Its Service is reached from the host through a
 * port-forward over the Kubernetes API (as {@code kubectl port-forward}: nothing is exposed), and LiteLLM's
 * Anthropic-compatible {@code /v1/messages} takes the gateway's master key, generated for this cluster, as a bearer.
 */
public final class LiteLlmGateway implements AutoCloseable {
    static final String APP = "litellm-proxy";
    private final LocalPortForward forward;
    private final KubernetesClient kube;
    private final ClaudeEndpoint endpoint;

    private LiteLlmGateway(LocalPortForward forward, KubernetesClient kube, ClaudeEndpoint endpoint) {
        this.forward = forward;
        this.kube = kube;
        this.endpoint = endpoint;
    }

    public static LiteLlmGateway open(Services services, String cluster) {
        CatalogEntry entry = Catalog.load(java.nio.file.Path.of(services.sessions().load(cluster).gitOpsPath())).get(APP);
        if (!entry.enabled()) {
            throw SikifansoException.usage(APP + " is not enabled on cluster \"" + cluster + "\", so there is no "
                    + "gateway to go through", "enable it with: sikifanso app enable " + APP + " -c " + cluster);
        }
        String key = masterKey(services, cluster);
        int port = entry.agentAccess() == null ? 4000 : entry.agentAccess().port();
        KubernetesClient kube = services.kubeClients().forCluster(cluster);
        try {
            LocalPortForward forward = kube.services().inNamespace(entry.namespace()).withName(APP).portForward(port);
            return new LiteLlmGateway(forward, kube, new ClaudeEndpoint("http://127.0.0.1:" + forward.getLocalPort(),
                    null, key));
        } catch (RuntimeException e) {
            kube.close();
            throw SikifansoException.failure("cannot reach the LiteLLM gateway (service " + APP + " in namespace "
                    + entry.namespace() + "): " + e.getMessage(), "check it with: sikifanso app status " + APP, e);
        }
    }

    private static String masterKey(Services services, String cluster) {
        return services.credentials().show(cluster, APP).secrets().stream()
                .map(s -> s.values().get("LITELLM_MASTER_KEY")).filter(v -> v != null && !v.isBlank()).findFirst()
                .orElseThrow(() -> SikifansoException.failure("the LiteLLM master key of cluster \"" + cluster
                        + "\" was not generated", "enable the app on the running cluster: sikifanso app enable " + APP));
    }

    public ClaudeEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            forward.close();
        } catch (IOException e) {
            // the forward's socket is gone with the process anyway
        }
        kube.close();
    }
}

package com.sikifanso.ai;

import com.sikifanso.core.Suggestion;
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
    private final java.io.Closeable forward;
    private final ClaudeEndpoint endpoint;

    /**
     * Opens a port on this machine to a Service in the cluster and says its base URL. Production forwards through the
     * Kubernetes API; the tests answer with a local stand-in of the gateway (fabric8's mock server cannot forward).
     */
    interface Forwarder {
        Forward open(String namespace, String service, int port);
    }

    record Forward(String baseUrl, java.io.Closeable closer) {
    }

    private LiteLlmGateway(java.io.Closeable forward, ClaudeEndpoint endpoint) {
        this.forward = forward;
        this.endpoint = endpoint;
    }

    public static LiteLlmGateway open(Services services, String cluster) {
        return open(services, cluster, (namespace, service, port) -> {
            KubernetesClient kube = services.kubeClients().forCluster(cluster);
            try {
                LocalPortForward f = kube.services().inNamespace(namespace).withName(service).portForward(port);
                return new Forward("http://127.0.0.1:" + f.getLocalPort(), () -> {
                    try {
                        f.close();
                    } finally {
                        kube.close();
                    }
                });
            } catch (RuntimeException e) {
                kube.close();
                throw e;
            }
        });
    }

    static LiteLlmGateway open(Services services, String cluster, Forwarder forwarder) {
        CatalogEntry entry = Catalog.load(java.nio.file.Path.of(services.sessions().load(cluster).gitOpsPath())).get(APP);
        if (!entry.enabled()) {
            throw SikifansoException.usage(APP + " is not enabled on cluster \"" + cluster + "\", so there is no "
                    + "gateway to go through", "enable it with: ",
                    Suggestion.of("app", "enable").arg("names", APP).cluster(cluster));
        }
        String key = masterKey(services, cluster);
        int port = entry.agentAccess() == null ? 4000 : entry.agentAccess().port();
        try {
            Forward forward = forwarder.open(entry.namespace(), APP, port);
            return new LiteLlmGateway(forward.closer(), new ClaudeEndpoint(forward.baseUrl(), null, key));
        } catch (RuntimeException e) {
            throw SikifansoException.failure("cannot reach the LiteLLM gateway (service " + APP + " in namespace "
                    + entry.namespace() + "): " + e.getMessage(), "check it with: ",
                    Suggestion.of("app", "status").arg("name", APP), e);
        }
    }

    private static String masterKey(Services services, String cluster) {
        return services.credentials().show(cluster, APP).secrets().stream()
                .map(s -> s.values().get("LITELLM_MASTER_KEY")).filter(v -> v != null && !v.isBlank()).findFirst()
                .orElseThrow(() -> SikifansoException.failure("the LiteLLM master key of cluster \"" + cluster
                        + "\" was not generated", "enable the app on the running cluster: ", Suggestion.of("app", "enable")
                        .arg("names", APP)));
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
    }
}

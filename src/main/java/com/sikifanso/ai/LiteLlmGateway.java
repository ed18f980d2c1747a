package com.sikifanso.ai;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Suggestion;
import com.sikifanso.Services;
import com.sikifanso.agents.llm.LocalModels;
import com.sikifanso.agents.llm.ToolCallCheck;
import com.sikifanso.core.Mappers;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.catalog.CatalogEntry;
import com.sikifanso.core.SikifansoException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@code ai --via litellm}: the cluster's own LiteLLM gateway (the {@code litellm-proxy} catalog app) as the Messages
 * API endpoint, so its keys, budgets, tracing and local models apply. Its Service is reached from the host through a
 * port-forward over the Kubernetes API (as {@code kubectl port-forward}: nothing is exposed), and LiteLLM's
 * Anthropic-compatible {@code /v1/messages} takes the gateway's master key, generated for this cluster, as a bearer.
 */
public final class LiteLlmGateway implements AutoCloseable {
    static final String APP = "litellm-proxy";
    /** Models that passed the tool-calling check through this cluster's gateway, kept beside its repo. */
    static final String CHECKED = "tool-calling-models.json";
    private final java.io.Closeable forward;
    private final ClaudeEndpoint endpoint;
    private final Path checked;

    /**
     * Opens a port on this machine to a Service in the cluster and says its base URL. Production forwards through the
     * Kubernetes API; the tests answer with a local stand-in of the gateway (fabric8's mock server cannot forward).
     */
    interface Forwarder {
        Forward open(String namespace, String service, int port);
    }

    record Forward(String baseUrl, java.io.Closeable closer) {
    }

    private LiteLlmGateway(java.io.Closeable forward, ClaudeEndpoint endpoint, Path checked) {
        this.forward = forward;
        this.endpoint = endpoint;
        this.checked = checked;
    }

    public static LiteLlmGateway open(Services services, ClusterName cluster) {
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

    static LiteLlmGateway open(Services services, ClusterName cluster, Forwarder forwarder) {
        Path gitOps = Path.of(services.sessions().load(cluster).gitOpsPath());
        CatalogEntry entry = Catalog.load(gitOps).get(APP);
        if (!entry.enabled()) {
            throw SikifansoException.usage(APP + " is not enabled on cluster \"" + cluster + "\", so there is no "
                    + "gateway to go through", "enable it with: ",
                    Suggestion.of("app", "enable").arg("names", APP).cluster(cluster));
        }
        String key = masterKey(services, cluster);
        int port = entry.agentAccess() == null ? 4000 : entry.agentAccess().port();
        try {
            Forward forward = forwarder.open(entry.namespace(), APP, port);
            return new LiteLlmGateway(forward.closer(), new ClaudeEndpoint(forward.baseUrl(), null, key),
                    gitOps.resolveSibling(CHECKED));
        } catch (RuntimeException e) {
            throw SikifansoException.failure("cannot reach the LiteLLM gateway (service " + APP + " in namespace "
                    + entry.namespace() + "): " + e.getMessage(), "check it with: ",
                    Suggestion.of("app", "status").arg("name", APP), e);
        }
    }

    private static String masterKey(Services services, ClusterName cluster) {
        return services.credentials().show(cluster, APP).secrets().stream()
                .map(s -> s.values().get("LITELLM_MASTER_KEY")).filter(v -> v != null && !v.isBlank()).findFirst()
                .orElseThrow(() -> SikifansoException.failure("the LiteLLM master key of cluster \"" + cluster
                        + "\" was not generated", "enable the app on the running cluster: ", Suggestion.of("app", "enable")
                        .arg("names", APP)));
    }

    /**
     * On a model's first use through this gateway: it must answer a tiny tool-calling request (Anthropic shape, as
     * the operator speaks) with a correct call, since the operator does everything through tools; many small local
     * models cannot. A model that passed is remembered, so later runs ask nothing.
     */
    public void requireToolCalling(String model, Consumer<String> progress) {
        Set<String> passed = passed();
        if (passed.contains(model)) {
            return;
        }
        progress.accept("Checking that model " + model + " can call tools through the gateway (first use)...");
        ToolCallCheck.Result result = ToolCallCheck.check(ToolCallCheck.over(endpoint.baseUrl(), endpoint.authToken()),
                ToolCallCheck.Shape.ANTHROPIC, model);
        if (!result.callsTools()) {
            throw SikifansoException.failure(result.sentence() + "; the AI operator works only through tools",
                    "choose one that does with --model, or " + ToolCallCheck.Result.fix(LocalModels.VALUES));
        }
        passed.add(model);
        try {
            Files.writeString(checked, Mappers.JSON.writeValueAsString(passed));
        } catch (IOException e) {
            progress.accept("(could not remember the check in " + checked + ": " + e.getMessage() + ")");
        }
    }

    private Set<String> passed() {
        try {
            return Files.exists(checked) ? new TreeSet<>(List.of(Mappers.JSON.readValue(Files.readString(checked),
                    String[].class))) : new TreeSet<>();
        } catch (IOException e) {
            return new TreeSet<>();   // unreadable: check again and write it anew
        }
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

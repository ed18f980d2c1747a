package com.sikifanso.agents;

import com.sikifanso.agui.stream.AguiEndpointConnection;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Throwables;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * An agent's own AG-UI stream, as it declares it ({@link AguiEndpoint}), reached through the API server's proxy with
 * the cluster's credentials, so nothing of the agent is exposed on the host.
 */
public final class AgentStreams {
    private AgentStreams() {
    }

    /**
     * The endpoint agent {@code agent} declares: on a Service first (the proxy follows it across pod restarts),
     * else on its newest running Pod. Empty when nothing in its namespace carries the annotation.
     */
    public static Optional<AguiEndpoint> endpoint(KubernetesClient kube, String agent) {
        String namespace = AgentSandbox.namespace(agent);
        Optional<AguiEndpoint> service = kube.services().inNamespace(namespace).list().getItems().stream()
                .sorted(Comparator.comparing(s -> s.getMetadata().getName()))
                .map(s -> declared("services", s)).flatMap(Optional::stream).findFirst();
        if (service.isPresent()) {
            return service;
        }
        List<Pod> running = kube.pods().inNamespace(namespace).list().getItems().stream()
                .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
                .sorted(Comparator.comparing((Pod p) -> String.valueOf(p.getMetadata().getCreationTimestamp()))
                        .reversed())
                .toList();
        return running.stream().map(p -> declared("pods", p)).flatMap(Optional::stream).findFirst();
    }

    private static Optional<AguiEndpoint> declared(String kind, HasMetadata object) {
        var annotations = object.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(AguiEndpoint.ANNOTATION);
        return value == null ? Optional.empty() : Optional.of(AguiEndpoint.parse(kind,
                object.getMetadata().getNamespace() == null ? "" : object.getMetadata().getNamespace(),
                object.getMetadata().getName(), value));
    }

    /** A connection that finds the endpoint again each time it opens, so a restarted or moved agent is found. */
    public static AguiEndpointConnection viaApiServer(KubernetesClient kube, String agent) {
        return new ProxiedStream(kube, agent);
    }

    private static final class ProxiedStream implements AguiEndpointConnection {
        private final KubernetesClient kube;
        private final String agent;
        private volatile String described;

        ProxiedStream(KubernetesClient kube, String agent) {
            this.kube = kube;
            this.agent = agent;
            this.described = "agent " + agent + " (annotation " + AguiEndpoint.ANNOTATION + ")";
        }

        @Override
        public InputStream open() throws IOException, InterruptedException {
            AguiEndpoint endpoint = find();
            described = endpoint.describe() + " via the API server";
            String base = kube.getMasterUrl().toString().replaceFirst("/+$", "");
            HttpRequest request = kube.getHttpClient().newHttpRequestBuilder().uri(base + endpoint.proxyPath())
                    .header("Accept", "text/event-stream").forStreaming().build();
            try {
                HttpResponse<InputStream> response = kube.getHttpClient().sendAsync(request, InputStream.class).get();
                return com.sikifanso.agui.stream.EventStreams.require(response.code(),
                        response.header("Content-Type"), response.body());
            } catch (ExecutionException e) {
                throw new IOException(Throwables.rootMessage(e), e);
            }
        }

        private AguiEndpoint find() throws IOException {
            try {
                return endpoint(kube, agent).orElseThrow(() -> new IOException("agent " + agent
                        + " declares no AG-UI stream: no Service or running Pod in " + AgentSandbox.namespace(agent)
                        + " has the annotation " + AguiEndpoint.ANNOTATION + ": " + AguiEndpoint.FORM));
            } catch (SikifansoException e) {
                throw new IOException(e.getMessage() + "; to fix: " + e.hint());   // the words are all the user needs
            } catch (KubernetesClientException e) {
                throw new IOException("the Kubernetes API: " + Throwables.rootMessage(e), e);
            }
        }

        @Override
        public String describe() {
            return described;
        }
    }
}

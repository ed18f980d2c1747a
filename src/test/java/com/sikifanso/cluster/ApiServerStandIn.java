package com.sikifanso.cluster;

import com.sikifanso.core.Mappers;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * The Kubernetes API server a stand-in node serves on its port 6443. No kube-apiserver or k3s
 * can run here, so it is fabric8's mock server in CRUD mode on the host, behind {@link TlsFront}
 * with k3s-like certificates, which the node forwards its 6443 to. What the mock lacks, and the
 * CLI's clients need, its dispatcher answers before the CRUD store:
 * <ul>
 * <li>API discovery and OpenAPI ({@link ApiDiscovery}): Helm maps every manifest's kind to a
 * resource through them; the mock has neither. Lists get their typed kind.</li>
 * <li>a Content-Type on the CRUD store's answers, which it leaves out and client-go needs.</li>
 * <li>server-side apply (the root ApplicationSets): the mock answers it with 415; each such PATCH
 * is recorded and stored as the whole object (see {@link #storeApplied}).</li>
 * </ul>
 */
final class ApiServerStandIn implements AutoCloseable {
    private static final String APPLY_PATCH = "application/apply-patch+yaml";

    private final KubernetesMockServer mock;
    private final StandInDispatcher dispatcher;
    private final ApiServerPki pki = new ApiServerPki();
    private final TlsFront tls;
    private final List<String> applies = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    /** @param reachableAt where the nodes reach the host (the Docker bridge's gateway) */
    ApiServerStandIn(InetAddress reachableAt) throws IOException {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        dispatcher = new StandInDispatcher(responses);
        mock = new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher, false);
        mock.init(InetAddress.getLoopbackAddress(), 0);
        tls = new TlsFront(pki.serverContext(), reachableAt,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), mock.getPort()));
    }

    /** Where a node forwards its port 6443: the TLS front on the host. */
    String forwardTarget() {
        return tls.listenAddress();
    }

    /** A client straight on the mock, for the test's own reads and for playing the controllers. */
    KubernetesClient client() {
        return mock.createClient();
    }

    /** Per TLS connection, the client certificate's subject or "anonymous" (see {@link TlsFront#clients}). */
    List<String> tlsClients() {
        return tls.clients();
    }

    /** Every request the API server received ("GET /api/v1/nodes ..."), for a failing test's message. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** The server-side apply PATCHes received (path and query), in order. */
    List<String> serverSideApplies() {
        return List.copyOf(applies);
    }

    /**
     * The kubeconfig k3s writes to {@code K3S_KUBECONFIG_OUTPUT}: its cluster, context and user are
     * all called "default", the server is https://127.0.0.1:6443 (inside the node), and it holds the
     * CA and the admin client certificate inline.
     */
    String k3sKubeconfig() {
        return """
                apiVersion: v1
                clusters:
                - cluster:
                    certificate-authority-data: %s
                    server: https://127.0.0.1:6443
                  name: default
                contexts:
                - context:
                    cluster: default
                    user: default
                  name: default
                current-context: default
                kind: Config
                preferences: {}
                users:
                - name: default
                  user:
                    client-certificate-data: %s
                    client-key-data: %s
                """.formatted(base64(pki.caPem()), base64(pki.clientCertificatePem()), base64(pki.clientKeyPem()));
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers discovery and server-side apply (recording the latter), and leaves the rest to the CRUD store. */
    private final class StandInDispatcher extends KubernetesMixedDispatcher {
        private final Map<String, java.util.function.Supplier<MockResponse>> documents = ApiDiscovery.documents();

        StandInDispatcher(Map<ServerRequest, Queue<ServerResponse>> responses) {
            super(responses);
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            requests.add(request.getMethod() + " " + request.getPath() + " " + request.getHeader("Content-Type")
                    + " accept=" + request.getHeader("Accept"));
            String path = request.getPath().replaceFirst("\\?.*", "");
            if (request.getMethod().equals("GET") && documents.containsKey(path)) {
                return documents.get(path).get();
            }
            if (request.getMethod().equals("PATCH") && APPLY_PATCH.equals(request.getHeader("Content-Type"))) {
                applies.add(request.getPath());
                return storeApplied(request);
            }
            MockResponse stored = super.dispatch(request);
            if (request.getMethod().equals("GET") && !request.getPath().contains("watch=")) {
                ApiDiscovery.typeList(request.getPath(), stored);
            }
            if (stored.header("Content-Type") == null) {
                // The mock's CRUD answers carry no Content-Type; client-go then decodes them as the
                // protobuf it asked for first, fails, and Helm's wait retries until its timeout.
                stored.setHeader("Content-Type", "application/json");
            }
            return stored;
        }
    }

    /**
     * Server-side apply as a whole-object create, or a replace when the object exists: what an
     * apply by a sole field manager amounts to, so later reads and merge patches find the object.
     */
    private MockResponse storeApplied(RecordedRequest apply) {
        String object = apply.getPath().replaceFirst("\\?.*", "");
        byte[] body;
        try {
            body = Mappers.JSON.writeValueAsBytes(readYaml(apply.getUtf8Body()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        MockResponse created = store(HttpMethod.POST, object.substring(0, object.lastIndexOf('/')), body);
        return created.code() == 409 ? store(HttpMethod.PUT, object, body) : created;
    }

    /** Through the dispatcher, so the stored object reads back as any other (typed lists, Content-Type). */
    private MockResponse store(HttpMethod method, String path, byte[] body) {
        return dispatcher.dispatch(new RecordedRequest(method + " " + path + " HTTP/1.1", method, path,
                Headers.builder().add("Content-Type", "application/json").build(), new Buffer(body)));
    }

    private static Object readYaml(String yaml) {
        try {
            return Mappers.YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        tls.close();
        mock.destroy();
    }
}

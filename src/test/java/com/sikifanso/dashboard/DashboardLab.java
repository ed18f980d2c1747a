package com.sikifanso.dashboard;

import com.sikifanso.core.ClusterName;
import com.sikifanso.Services;
import com.sikifanso.agui.state.StateFixtures;
import com.sikifanso.argocd.ArgoCdResources;
import com.sikifanso.argocd.RunningLab;
import com.sikifanso.catalog.AppService;
import com.sikifanso.http.BearerToken;
import com.sikifanso.server.AguiServer;
import com.sikifanso.server.ServeOptions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.SseEncoder;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cluster "lab" running against fabric8's mock API server in CRUD mode (no kube-apiserver, k3s or Argo CD can run
 * here): one Ready server node, qdrant enabled, and a stand-in for Argo CD that makes an Application, Synced and
 * Healthy, for every enabled catalog app and removes those disabled, as the real one would after a commit; and the
 * API server's proxy to an agent's Service answered for agents made with {@link #agentWithStream}. The dashboard is
 * served for it on a free loopback port.
 */
final class DashboardLab implements AutoCloseable {
    static final String CLUSTER = RunningLab.CLUSTER;

    final Path home;
    final Services services;
    final DashboardSessions sessions = new DashboardSessions();
    final AguiServer server;
    private final KubernetesMockServer api;
    private final KubernetesClient kube;
    private final Thread argoCd;
    private volatile boolean closed;

    DashboardLab(Path home) throws Exception {
        this.home = home;
        api = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new AgentStreamsThenCrud(new KubernetesCrudDispatcher()), false);
        api.init();
        kube = api.createClient();
        RunningLab.home(home, "http://127.0.0.1:1", "pw");
        RunningLab.writeKubeconfig(home, kube);
        services = RunningLab.cliServices(home);
        kube.nodes().resource(StateFixtures.node("k3d-lab-server-0", true, true)).create();
        services.apps().enable(ClusterName.of(CLUSTER), List.of("qdrant"));
        argoCd = Thread.ofVirtual().name("stand-in-argocd").start(this::playArgoCd);
        server = AguiServer.startWithDashboard(services, new BearerToken(home.resolve("serve-token")),
                new ServeOptions(new InetSocketAddress("127.0.0.1", 0), CLUSTER), sessions);
    }

    /**
     * An agent whose pod serves its own AG-UI stream: the agent in the GitOps repo, and in the API a Service of its
     * namespace declaring the stream ({@code sikifanso.io/agui: "8000/agui"}), which the stand-in API answers with
     * one turn of the agent per connection, numbered (the watch connects again after each turn ends).
     */
    void agentWithStream(String agent) {
        services.agents().create(ClusterName.of(CLUSTER), agent, com.sikifanso.agents.AgentSpec.DEFAULTS);
        kube.services().inNamespace("agent-" + agent).resource(new io.fabric8.kubernetes.api.model.ServiceBuilder()
                .withNewMetadata().withName("bot").withNamespace("agent-" + agent)
                .addToAnnotations("sikifanso.io/agui", "8000/agui").endMetadata()
                .withNewSpec().addNewPort().withPort(8000).endPort().endSpec().build()).create();
    }

    /**
     * The API server's proxy to an agent's Service (which fabric8's mock server cannot do): one turn of the agent,
     * as an AG-UI SSE body; everything else goes to the CRUD dispatcher.
     */
    private static final class AgentStreamsThenCrud extends Dispatcher {
        private static final java.util.regex.Pattern PROXY =
                java.util.regex.Pattern.compile("/api/v1/namespaces/agent-([a-z0-9-]+)/services/bot:8000/proxy/agui");
        private final KubernetesCrudDispatcher crud;
        private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> turns =
                new java.util.concurrent.ConcurrentHashMap<>();

        AgentStreamsThenCrud(KubernetesCrudDispatcher crud) {
            this.crud = crud;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            java.util.regex.Matcher proxy = PROXY.matcher(request.getPath());
            if (!"GET".equals(request.getMethod()) || !proxy.matches()) {
                return crud.dispatch(request);
            }
            String agent = proxy.group(1);
            int turn = turns.computeIfAbsent(agent, a -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            String run = agent + "-turn-" + turn;
            StringBuilder body = new StringBuilder();
            for (AguiEvent e : List.of(new AguiEvent.RunStarted(agent, run, null, null, null, null),
                    new AguiEvent.TextMessageStart(run + "-m", AguiEvent.Role.assistant, null, null),
                    new AguiEvent.TextMessageContent(run + "-m", agent + " turn " + turn + ": reading the plan", null),
                    new AguiEvent.TextMessageEnd(run + "-m", null),
                    new AguiEvent.RunFinished(agent, run, null, null, null, null))) {
                body.append(SseEncoder.encode(e));
            }
            return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/event-stream")
                    .setBody(body.toString());
        }

        @Override
        public void shutdown() {
            crud.shutdown();
        }
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Argo CD's part: Applications follow the enabled catalog apps (a test harness may poll; the dashboard may not). */
    private void playArgoCd() {
        NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
                Resource<GenericKubernetesResource>> apps = kube.genericKubernetesResources(ArgoCdResources.APPLICATION)
                .inNamespace("argocd");
        while (!closed) {
            try {
                Set<String> enabled = services.apps().list(ClusterName.of(CLUSTER), false).stream().map(AppService.AppRow::name)
                        .collect(Collectors.toSet());
                Set<String> present = apps.list().getItems().stream().map(a -> a.getMetadata().getName())
                        .collect(Collectors.toSet());
                for (String app : enabled) {
                    if (!present.contains(app)) {
                        apps.resource(RunningLab.application(app, app, "Synced", "Healthy", List.of())).create();
                    }
                }
                for (String app : present) {
                    if (!enabled.contains(app)) {
                        apps.withName(app).delete();
                    }
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A repo mid-commit or the server closing: look again at the next round.
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        argoCd.interrupt();
        server.close();
        kube.close();
        api.destroy();
    }
}

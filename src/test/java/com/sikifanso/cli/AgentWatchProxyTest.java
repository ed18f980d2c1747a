package com.sikifanso.cli;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.TestHome;
import com.sikifanso.agents.AgentSpec;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.EventType;
import com.sikifanso.agui.SseEncoder;
import com.sikifanso.argocd.RunningLab;
import com.sikifanso.session.ClusterState;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServiceListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code agent watch} reaches an agent's declared AG-UI stream: through the API server's service or pod proxy,
 * with the cluster's credentials. No kube-apiserver (or its proxy to a pod) can run on this machine, so fabric8's mock
 * API server in expectations mode stands in: it answers the proxy path with an SSE body, and the test asserts the
 * exact requests the watch made.
 */
@EnableKubernetesMockClient
class AgentWatchProxyTest {
    private static final String NS = "/api/v1/namespaces/agent-bob";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path root;

    @BeforeEach
    void runningLabWithAgentBob() throws Exception {
        TestHome home = TestHome.withCluster(root);
        home.services().agents().create(ClusterName.of(TestHome.CLUSTER), "bob", AgentSpec.DEFAULTS);
        RunningLab.setState(home, ClusterState.RUNNING, "http://127.0.0.1:1", "unused");
        RunningLab.writeKubeconfig(root, client);
    }

    private static String sse(String text) {
        StringBuilder body = new StringBuilder();
        for (AguiEvent e : List.of(new AguiEvent.RunStarted("t", "r1", null, null, null, null),
                new AguiEvent.TextMessageStart("m1", AguiEvent.Role.assistant, null, null),
                new AguiEvent.TextMessageContent("m1", text, null), new AguiEvent.TextMessageEnd("m1", null),
                new AguiEvent.RunFinished("t", "r1", null, null, null, null))) {
            body.append(SseEncoder.encode(e));
        }
        return body.toString();
    }

    private void proxyAnswers(String path, String text) {
        server.expect().get().withPath(path).andReturn(200, sse(text))
                .withHeader("Content-Type", "text/event-stream").once();
    }

    private void services(ServiceBuilder... services) {
        ServiceListBuilder list = new ServiceListBuilder();
        for (ServiceBuilder s : services) {
            list.addToItems(s.editOrNewMetadata().withNamespace("agent-bob").endMetadata().build());
        }
        server.expect().get().withPath(NS + "/services").andReturn(200, list.build()).always();
    }

    private static ServiceBuilder service(String name, String annotation) {
        ServiceBuilder s = new ServiceBuilder().withNewMetadata().withName(name).endMetadata();
        return annotation == null ? s : s.editMetadata().addToAnnotations("sikifanso.io/agui", annotation).endMetadata();
    }

    /** Every request the mock server received so far, as paths. */
    private List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> all = new ArrayList<>();
        for (RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS); r != null;
                r = server.takeRequest(100, TimeUnit.MILLISECONDS)) {
            all.add(r);
        }
        return all;
    }

    @Test
    void aServiceAnnotationIsReadThroughTheServiceProxyWithTheClustersCredentialsAndRendered() throws Exception {
        services(service("metrics", null), service("bot", "8000/agui/events"));
        String proxy = NS + "/services/bot:8000/proxy/agui/events";
        proxyAnswers(proxy, "hello through the service proxy");

        try (WatchRun watch = WatchRun.start(RunningLab.env(root), "-c", "lab", "agent", "watch", "bob")) {
            watch.awaitOut("hello through the service proxy")
                    .awaitErr("reconnecting in 1s");
            assertThat(watch.stop()).isZero();
            assertThat(watch.err()).contains("AG-UI stream: connected to Service agent-bob/bot port 8000 /agui/events"
                    + " via the API server");
        }
        List<RecordedRequest> proxied = requests().stream().filter(r -> r.getPath().contains("/proxy/")).toList();
        assertThat(proxied).first().satisfies(r -> {
            assertThat(r.getPath()).isEqualTo(proxy);
            assertThat(r.getMethod()).isEqualTo("GET");
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer test");
            assertThat(r.getHeader("Accept")).isEqualTo("text/event-stream");
        });
    }

    @Test
    void aPodAnnotationIsReadThroughTheNewestRunningPodsProxy() throws Exception {
        services(service("metrics", null));
        server.expect().get().withPath(NS + "/pods").andReturn(200, new PodListBuilder().addToItems(
                pod("bot-old", "2026-11-30T05:00:00Z", "Running"), pod("bot-new", "2026-11-30T06:00:00Z", "Running"),
                pod("bot-next", "2026-11-30T07:00:00Z", "Pending")).build()).always();
        String proxy = NS + "/pods/bot-new:8080/proxy/stream";
        proxyAnswers(proxy, "hello through the pod proxy");

        try (WatchRun watch = WatchRun.start(RunningLab.env(root), "-c", "lab", "agent", "watch", "bob", "-o",
                "json")) {
            watch.awaitOut("hello through the pod proxy").awaitErr("reconnecting in 1s");
            assertThat(watch.stop()).isZero();
            assertThat(watch.outLines()).extracting(l -> com.sikifanso.agui.AguiJson.read(l).eventType())
                    .containsExactly(EventType.RUN_STARTED, EventType.TEXT_MESSAGE_START,
                            EventType.TEXT_MESSAGE_CONTENT, EventType.TEXT_MESSAGE_END, EventType.RUN_FINISHED);
        }
        assertThat(requests()).extracting(RecordedRequest::getPath).filteredOn(p -> p.contains("/proxy/"))
                .first().isEqualTo(proxy);
    }

    private static io.fabric8.kubernetes.api.model.Pod pod(String name, String created, String phase) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("agent-bob")
                .withCreationTimestamp(created).addToAnnotations("sikifanso.io/agui", "8080/stream").endMetadata()
                .withNewStatus().withPhase(phase).endStatus().build();
    }

    @Test
    void aBadAnnotationNamesTheExpectedFormAndTheWatchGoesOn() {
        services(service("bot", "agui"));

        try (WatchRun watch = WatchRun.start(RunningLab.env(root), "-c", "lab", "agent", "watch", "bob")) {
            watch.awaitErr("retry 1");
            assertThat(watch.err()).contains("Service agent-bob/bot has sikifanso.io/agui: \"agui\", which is not a"
                    + " port and a path; to fix: annotate it as sikifanso.io/agui: \"<port>/<path>\", e.g. \"8000/agui\"");
            assertThat(watch.stop()).isZero();
        }
    }

    @Test
    void anAgentDeclaringNoStreamIsSaid() {
        services(service("metrics", null));
        server.expect().get().withPath(NS + "/pods").andReturn(200, new PodListBuilder().build()).always();

        try (WatchRun watch = WatchRun.start(RunningLab.env(root), "-c", "lab", "agent", "watch", "bob")) {
            watch.awaitErr("retry 1");
            assertThat(watch.err()).contains("agent bob declares no AG-UI stream: no Service or running Pod in"
                    + " agent-bob has the annotation sikifanso.io/agui: \"<port>/<path>\"");
            assertThat(watch.stop()).isZero();
        }
    }
}

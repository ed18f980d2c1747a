package com.sikifanso.argocd;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.argocd.RunningLab.application;
import static com.sikifanso.argocd.RunningLab.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.TestHome;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.kube.OutputBudget;
import com.sikifanso.ops.OperationContext;
import com.sikifanso.ops.OperationRegistry;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pod logs need the mock server's expectations mode (its CRUD mode has no log endpoint); each
 * test states the requests the API server answers and checks what was asked.
 */
@EnableKubernetesMockClient
class AppLogsTest {
    static final String LABEL = "labelSelector=app.kubernetes.io%2Finstance%3Dqdrant";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path tmp;

    private AppLogs logs;

    @BeforeEach
    void runningLab() {
        TestHome home = RunningLab.home(tmp, "http://127.0.0.1:1", "pw");
        logs = RunningLab.services(home, client).logs();
        server.expect().get().withPath("/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/qdrant")
                .andReturn(200, application("qdrant", "qdrant", "Synced", "Healthy", List.of(
                        resource("StatefulSet", "qdrant", "qdrant", "Healthy", null)))).always();
        server.expect().get().withPath("/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/nope")
                .andReturn(404, null).always();
        server.expect().get().withPath("/apis/argoproj.io/v1alpha1/namespaces/argocd/applications")
                .andReturn(200, Map.of("apiVersion", "argoproj.io/v1alpha1", "kind", "ApplicationList",
                        "items", List.of(application("qdrant", "qdrant", "Synced", "Healthy", List.of()))))
                .always();
    }

    private static Pod pod(String name, String... containers) {
        PodBuilder b = new PodBuilder().withNewMetadata().withName(name).withNamespace("qdrant")
                .addToLabels("app.kubernetes.io/instance", "qdrant").endMetadata().withNewSpec().endSpec();
        for (String c : containers) {
            b.editSpec().addNewContainer().withName(c).withImage("qdrant/qdrant").endContainer().endSpec();
        }
        return b.build();
    }

    private void pods(Pod... pods) {
        server.expect().get().withPath("/api/v1/namespaces/qdrant/pods?" + LABEL)
                .andReturn(200, new PodListBuilder().addToItems(pods).build()).always();
    }

    private void log(String pod, String query, String text) {
        server.expect().get().withPath("/api/v1/namespaces/qdrant/pods/" + pod + "/log?" + query)
                .andReturn(200, text).always();
    }

    private List<String> requests() throws InterruptedException {
        List<String> paths = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            RecordedRequest r = server.takeRequest();
            paths.add(r.getMethod() + " " + r.getPath());
        }
        return paths;
    }

    @Test
    void everyContainerOfEveryPodPrefixedPodSlashContainer() throws InterruptedException {
        pods(pod("qdrant-0", "qdrant", "metrics"), pod("qdrant-1", "qdrant"));
        log("qdrant-0", "pretty=false&container=qdrant&tailLines=2", "starting\nready\n");
        log("qdrant-0", "pretty=false&container=metrics&tailLines=2", "scraped\n");
        log("qdrant-1", "pretty=false&container=qdrant&tailLines=2", "ready\n");
        List<String> lines = new ArrayList<>();

        logs.read(ClusterName.of(RunningLab.CLUSTER), "qdrant", new AppLogs.Request(null, null, 2), lines::add);

        assertThat(lines).containsExactly("qdrant-0/qdrant starting", "qdrant-0/qdrant ready",
                "qdrant-0/metrics scraped", "qdrant-1/qdrant ready");
    }

    @Test
    void containerAndSinceNarrowTheRequest() throws InterruptedException {
        pods(pod("qdrant-0", "qdrant", "metrics"));
        log("qdrant-0", "pretty=false&container=metrics&sinceSeconds=600", "scraped\n");
        List<String> lines = new ArrayList<>();

        logs.read(ClusterName.of(RunningLab.CLUSTER), "qdrant", new AppLogs.Request("metrics", Duration.ofMinutes(10), null),
                lines::add);

        assertThat(lines).containsExactly("qdrant-0/metrics scraped");
        assertThat(requests()).contains("GET /api/v1/namespaces/qdrant/pods/qdrant-0/log?pretty=false"
                + "&container=metrics&sinceSeconds=600").noneMatch(r -> r.contains("container=qdrant"));
    }

    @Test
    void anUnknownContainerIsRefusedNamingTheContainersThereAre() {
        pods(pod("qdrant-0", "qdrant", "metrics"));

        assertThatThrownBy(() -> logs.read(ClusterName.of(RunningLab.CLUSTER), "qdrant", new AppLogs.Request("web", null, null),
                line -> { }))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("no container named \"web\" in the pods of qdrant")
                .extracting(e -> ((SikifansoException) e).hint()).isEqualTo("its containers: qdrant, metrics");
    }

    @Test
    void anAppWithoutPodsOrAnUnknownAppIsRefused() {
        pods();

        assertThatThrownBy(() -> logs.read(ClusterName.of(RunningLab.CLUSTER), "qdrant", new AppLogs.Request(null, null, null),
                line -> { }))
                .hasMessage("\"qdrant\" has no pods in namespace qdrant (none labelled "
                        + "app.kubernetes.io/instance=qdrant)");
        assertThatThrownBy(() -> logs.read(ClusterName.of(RunningLab.CLUSTER), "nope", new AppLogs.Request(null, null, null),
                line -> { }))
                .hasMessage("cluster \"lab\" has no Argo CD Application named \"nope\"")
                .extracting(e -> ((SikifansoException) e).hint()).isEqualTo("Applications: qdrant");
    }

    @Test
    void anExcerptKeepsTheNewestLinesWithinTheBudgetMasksCredentialsAndSaysItWasCut() {
        pods(pod("qdrant-0", "qdrant"));
        StringBuilder text = new StringBuilder("INFO connecting with password=hunter2\n");
        for (int i = 2; i <= 50; i++) {
            text.append(i % 10 == 0 ? "ERROR failure " : "INFO ok ").append(i).append('\n');
        }
        log("qdrant-0", "pretty=false&container=qdrant", text.toString());
        AppLogs.Request all = new AppLogs.Request(null, null, null);

        OutputBudget.Kept last = logs.excerpt(ClusterName.of(RunningLab.CLUSTER), "qdrant", all, null, new OutputBudget(3, 16 * 1024),
                "ask for more");
        assertThat(last.lines()).containsExactly("qdrant-0/qdrant INFO ok 48", "qdrant-0/qdrant INFO ok 49",
                "qdrant-0/qdrant ERROR failure 50");
        assertThat(last.total()).isEqualTo(50);
        assertThat(last.note()).isEqualTo("showing the last 3 of 50 lines (budget 3 lines / 16 KB); ask for more");

        OutputBudget.Kept errors = logs.excerpt(ClusterName.of(RunningLab.CLUSTER), "qdrant", all, Pattern.compile("ERROR|password"),
                OutputBudget.DEFAULT, "ask for more");
        assertThat(errors.lines()).hasSize(6).first().isEqualTo("qdrant-0/qdrant INFO connecting with password=****");
        assertThat(errors.truncated()).isFalse();

        OutputBudget.Kept small = logs.excerpt(ClusterName.of(RunningLab.CLUSTER), "qdrant", all, null, new OutputBudget(200, 64),
                "ask for more");
        assertThat(small.lines()).containsExactly("qdrant-0/qdrant INFO ok 49", "qdrant-0/qdrant ERROR failure 50");
        assertThat(small.truncated()).isTrue();
    }

    @Test
    void followPrintsLinesAsTheyArriveUntilInterrupted() throws InterruptedException {
        pods(pod("qdrant-0", "qdrant"));
        log("qdrant-0", "pretty=false&container=qdrant&follow=true", "one\ntwo\n");
        Followed followed = followUntil(2);

        assertThat(followed.lines()).containsExactly("qdrant-0/qdrant one", "qdrant-0/qdrant two");
        assertThat(followed.follower().isAlive()).isFalse();
    }

    @Test
    void followPicksUpPodsThatStartLater() throws InterruptedException {
        String list = "/api/v1/namespaces/qdrant/pods?" + LABEL;
        server.expect().get().withPath(list).andReturn(200, new PodListBuilder()
                .addToItems(pod("qdrant-0", "qdrant")).build()).times(3);
        server.expect().get().withPath(list).andReturn(200, new PodListBuilder()
                .addToItems(pod("qdrant-0", "qdrant"), pod("qdrant-1", "qdrant")).build()).always();
        log("qdrant-0", "pretty=false&container=qdrant&follow=true", "first pod\n");
        log("qdrant-1", "pretty=false&container=qdrant&follow=true", "second pod\n");
        assertThat(followUntil(2).lines()).containsExactly("qdrant-0/qdrant first pod", "qdrant-1/qdrant second pod");
    }

    private record Followed(List<String> lines, Thread follower) {
    }

    /** Follows qdrant's logs until {@code count} lines arrived (at most 5 s), then interrupts the follower. */
    private Followed followUntil(int count) throws InterruptedException {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread follower = Thread.ofVirtual().start(() -> logs.follow(ClusterName.of(RunningLab.CLUSTER), "qdrant",
                new AppLogs.Request(null, null, null), lines::add));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (lines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        follower.interrupt();
        follower.join(Duration.ofSeconds(5));
        return new Followed(lines, follower);
    }

    @Test
    void theCliPrintsTheLinesToStdout() throws IOException {
        pods(pod("qdrant-0", "qdrant"));
        log("qdrant-0", "pretty=false&container=qdrant&sinceSeconds=300&tailLines=1", "ready\n");
        RunningLab.writeKubeconfig(tmp, client);

        RunningLab.Run run = RunningLab.cli(tmp, "app", "logs", "qdrant", "--since", "5m", "--tail", "1");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("qdrant-0/qdrant ready\n");
        assertThat(run.err()).isEmpty();

        RunningLab.Run bad = RunningLab.cli(tmp, "app", "logs", "qdrant", "--since", "soon");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("'soon' is not a duration");
    }

    @Test
    void theOperationCapsItsAnswerAndSaysHowToGetMore() throws IOException {
        pods(pod("qdrant-0", "qdrant"));
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            text.append("line ").append(i).append('\n');
        }
        log("qdrant-0", "pretty=false&container=qdrant&tailLines=2", "line 4\nline 5\n");
        log("qdrant-0", "pretty=false&container=qdrant&tailLines=20000", text.toString());
        RunningLab.writeKubeconfig(tmp, client);
        OperationRegistry registry = new OperationRegistry();
        OperationContext context = new OperationContext(RunningLab.cliServices(tmp), msg -> { });

        Object lastTwo = registry.invoke("app_logs", Map.of("cluster", "lab", "name", "qdrant",
                "lines", 2), context);
        assertThat(registry.find("app_logs").orElseThrow().render(lastTwo))
                .isEqualTo("qdrant-0/qdrant line 4\nqdrant-0/qdrant line 5");

        Object grepped = registry.invoke("app_logs", Map.of("cluster", "lab", "name", "qdrant",
                "lines", 1, "grep", "line [1-3]"), context);
        assertThat(registry.find("app_logs").orElseThrow().render(grepped)).isEqualTo("""
                qdrant-0/qdrant line 3
                [showing the last 1 of 3 lines (budget 1 lines / 16 KB); for more, raise lines, or narrow \
                with since or grep]""");

        assertThatThrownBy(() -> registry.invoke("app_logs", Map.of("cluster", "lab", "name",
                "qdrant", "since", "yesterday"), context))
                .hasMessage("since \"yesterday\" is not a duration; write it like 30s, 10m or 1h");
    }
}

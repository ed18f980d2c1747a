package com.sikifanso.agui.state;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.agui.state.StateFixtures.fast;
import static com.sikifanso.agui.state.StateFixtures.node;
import static com.sikifanso.agui.state.StateFixtures.ticking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.LabKubeconfig;
import com.sikifanso.Services;
import com.sikifanso.TestHome;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.EventType;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.argocd.RunningLab;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.ClusterState;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening, failing to reach and closing the state feed, against fabric8's mock API server in CRUD mode (no
 * kube-apiserver can run here) and against a port where nothing answers.
 */
@EnableKubernetesMockClient(crud = true)
class ClusterStateFeedLifecycleTest {
    private static final String CLUSTER = RunningLab.CLUSTER;
    private static final Set<String> JVM_WIDE = Set.of("MasterPoller", "VirtualThread-unblocker",
            "ForkJoinPool-1-delayScheduler");

    KubernetesClient client;

    @TempDir
    Path tmp;

    private TestHome home;
    private Services services;
    private StateJournal journal;
    private Path clusterDir;

    @BeforeEach
    void runningLab() throws Exception {
        home = RunningLab.home(tmp, "http://127.0.0.1:1", "pw");
        RunningLab.writeKubeconfig(tmp, client);
        services = RunningLab.cliServices(tmp);
        clusterDir = services.sessions().home().clusterDir(ClusterName.of(CLUSTER));
        journal = new StateJournal(clusterDir);
        client.nodes().resource(node("k3d-lab-server-0", true, true))
                .createOr(io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
    }

    @Test
    void closingStopsTheWatchesAndEveryThreadFinishesTheRunAndFreesTheLease() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        ClusterStateFeed feed = ClusterStateFeed.whileListening(services, ClusterName.of(CLUSTER), fast(ticking()));
        JournalEntry snapshot = journal.awaitMore(EventType.STATE_SNAPSHOT, 0);
        assertThat(started(before)).as("the feed runs threads of its own").isNotEmpty();

        feed.close();

        List<AguiEvent> run = journal.events(snapshot.runId());
        assertThat(run.get(run.size() - 1).eventType()).isEqualTo(EventType.RUN_FINISHED);
        ClusterStateFeedTest.assertLegalRun(run);
        try (StateFeedLease lease = StateFeedLease.tryAcquire(clusterDir).orElseThrow(
                () -> new AssertionError("the lease is still held after close"))) {
            assertThat(lease).isNotNull();
        }
        // The HTTP client's threads end shortly after it is closed; wait for them, not for a fixed time.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!started(before).isEmpty() && System.nanoTime() < deadline) {
            // fabric8 closes a JDK HttpClient by stopping its executor; its selector thread ends once the client is
            // unreachable: collected, which it is only if nothing of the feed still holds it.
            System.gc();
            Thread.sleep(200);
        }
        assertThat(started(before)).as("threads the feed started that still run after close").isEmpty();
    }

    @Test
    void aSlowDoctorDoesNotHoldTheFirstSnapshotBackItsVerdictsFollowAsADelta() throws Exception {
        java.util.concurrent.CountDownLatch doctorMayAnswer = new java.util.concurrent.CountDownLatch(1);
        ClusterStateFeed.Options fast = fast(ticking());
        ClusterStateFeed.Options options = new ClusterStateFeed.Options(fast.debounce(), fast.doctorInterval(),
                java.time.Duration.ofMillis(200), fast.firstRetry(), fast.maxRetry(), fast.leasePoll(),
                fast.apiTimeout(), fast.clock());
        ClusterStateFeed.Sources real = ClusterStateFeed.Sources.of(services, options);
        ClusterStateFeed.Sources slowDoctor = new ClusterStateFeed.Sources() {
            @Override
            public KubernetesClient connect(ClusterName cluster) {
                return real.connect(cluster);
            }

            @Override
            public Collection<String> definedAgents(ClusterName cluster) {
                return real.definedAgents(cluster);
            }

            @Override
            public List<com.sikifanso.doctor.CheckResult> doctor(ClusterName cluster) {
                try {
                    doctorMayAnswer.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of(com.sikifanso.doctor.CheckResult.pass("Session", "cluster lab, state running"));
            }
        };
        try (ClusterStateFeed feed = ClusterStateFeed.start(ClusterName.of(CLUSTER), clusterDir,
                new ActivityJournal(clusterDir, JournalOptions.DEFAULTS), slowDoctor, options)) {
            JournalEntry snapshot = journal.awaitMore(EventType.STATE_SNAPSHOT, 0);
            var state = ((AguiEvent.StateSnapshot) snapshot.event()).snapshot();
            assertThat(state.get("nodes").has("k3d-lab-server-0")).as("the nodes at once").isTrue();
            assertThat(state.get("doctor")).as("no verdicts yet: the doctor has not answered").isEmpty();

            doctorMayAnswer.countDown();
            JournalEntry delta = journal.awaitMore(EventType.STATE_DELTA, 0);
            assertThat(((AguiEvent.StateDelta) delta.event()).delta().toString())
                    .contains("/doctor").contains("cluster lab, state running");
        }
    }

    /**
     * Threads alive now that were not before, except the mock API server's own (they serve the test, not the feed)
     * and the JDK's virtual-thread scheduler (carriers, pollers), started once per JVM at the first virtual thread.
     */
    private static List<String> started(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName).filter(n -> !n.startsWith("vert.x-") && !n.startsWith("MockWebServer")
                        && !JVM_WIDE.contains(n) && !n.startsWith("ForkJoinPool-1-worker-"))
                .sorted().toList();
    }

    @Test
    void anUnreachableClusterIsRecordedOnceForEachReasonAndRetriedUntilItsSnapshotFollowsInTheSameRun()
            throws Exception {
        RunningLab.setState(home, ClusterState.STOPPED, "http://127.0.0.1:1", "pw");
        AtomicInteger connects = new AtomicInteger();
        ClusterStateFeed.Options options = fast(ticking());
        ClusterStateFeed.Sources real = ClusterStateFeed.Sources.of(services, options);
        ClusterStateFeed.Sources counted = new ClusterStateFeed.Sources() {
            @Override
            public KubernetesClient connect(ClusterName cluster) {
                connects.incrementAndGet();
                return real.connect(cluster);
            }

            @Override
            public Collection<String> definedAgents(ClusterName cluster) {
                return real.definedAgents(cluster);
            }

            @Override
            public List<com.sikifanso.doctor.CheckResult> doctor(ClusterName cluster) {
                return real.doctor(cluster);
            }
        };
        try (ClusterStateFeed feed = ClusterStateFeed.start(ClusterName.of(CLUSTER), clusterDir,
                new ActivityJournal(clusterDir, JournalOptions.DEFAULTS), counted, options)) {
            awaitAtLeast(connects, 4);
            List<JournalEntry> custom = StateJournal.ofType(journal.entries(), EventType.CUSTOM);
            assertThat(custom).as("a stopped cluster, said once however often retried").hasSize(1);
            AguiEvent.Custom stopped = (AguiEvent.Custom) custom.get(0).event();
            assertThat(stopped.name()).isEqualTo(ClusterStateFeed.UNREACHABLE);
            assertThat(stopped.value().get("message").asText())
                    .isEqualTo("cluster \"lab\" is not running (state: stopped), so there is nothing to ask");
            assertThat(stopped.value().get("hint").asText()).isEqualTo("start it with: sikifanso cluster start lab");

            // Started, but its API server does not answer (nothing listens on port 1).
            RunningLab.setState(home, ClusterState.RUNNING, "http://127.0.0.1:1", "pw");
            LabKubeconfig.write(tmp.resolve("kubeconfig"), "https://127.0.0.1:1");
            int now = connects.get();
            awaitAtLeast(connects, now + 4);
            custom = StateJournal.ofType(journal.entries(), EventType.CUSTOM);
            assertThat(custom).as("one more reason, said once").hasSize(2);
            assertThat(((AguiEvent.Custom) custom.get(1).event()).value().get("message").asText())
                    .startsWith("cannot talk to the Kubernetes API of cluster \"lab\": ");
            assertThat(StateJournal.ofType(journal.entries(), EventType.STATE_SNAPSHOT)).isEmpty();

            RunningLab.writeKubeconfig(tmp, client);
            JournalEntry snapshot = journal.awaitMore(EventType.STATE_SNAPSHOT, 0);
            assertThat(snapshot.runId()).isEqualTo(custom.get(0).runId());
            assertThat(((AguiEvent.StateSnapshot) snapshot.event()).snapshot().at("/nodes/k3d-lab-server-0/ready")
                    .asBoolean()).isTrue();
        }
        List<AguiEvent> run = journal.events(journal.entries().get(0).runId());
        assertThat(run).extracting(AguiEvent::eventType).containsExactly(EventType.RUN_STARTED, EventType.CUSTOM,
                EventType.CUSTOM, EventType.STATE_SNAPSHOT, EventType.RUN_FINISHED);
        ClusterStateFeedTest.assertLegalRun(run);
    }

    @Test
    void twoListenersInOneProcessMakeOneFeedAndTheSecondTakesOverWhenTheFirstCloses() throws Exception {
        ClusterStateFeed first = ClusterStateFeed.whileListening(services, ClusterName.of(CLUSTER), fast(ticking()));
        JournalEntry firstSnapshot = journal.awaitMore(EventType.STATE_SNAPSHOT, 0);
        try (ClusterStateFeed second = ClusterStateFeed.whileListening(services, ClusterName.of(CLUSTER), fast(ticking()))) {
            Thread.sleep(10 * fast(null).leasePoll().toMillis());   // ten chances to take a lease it must not get
            assertThat(StateJournal.ofType(journal.entries(), EventType.RUN_STARTED)).as("one feed").hasSize(1);

            first.close();
            JournalEntry secondSnapshot = journal.awaitMore(EventType.STATE_SNAPSHOT, 1);
            assertThat(secondSnapshot.runId()).isNotEqualTo(firstSnapshot.runId());
            assertThat(journal.events(firstSnapshot.runId())).last().extracting(AguiEvent::eventType)
                    .isEqualTo(EventType.RUN_FINISHED);
        }
    }

    @Test
    void aBadOrUnknownClusterNameIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> ClusterStateFeed.whileListening(services, ClusterName.of("Not_A_Label")))
                .isInstanceOf(SikifansoException.class).hasMessageContaining("Not_A_Label");
        assertThatThrownBy(() -> ClusterStateFeed.whileListening(services, ClusterName.of("nosuch")))
                .isInstanceOf(SikifansoException.class).hasMessage("no cluster named \"nosuch\"")
                .extracting(e -> ((SikifansoException) e).hint()).isEqualTo("create it with: sikifanso cluster create nosuch");
        assertThat(services.sessions().home().clusterDir(ClusterName.of("nosuch"))).doesNotExist();
        assertThat(journal.entries()).isEmpty();
    }

    private static void awaitAtLeast(AtomicInteger counter, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (counter.get() < n) {
            assertThat(System.nanoTime()).as("waited a minute for " + n + " connection attempts").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

}

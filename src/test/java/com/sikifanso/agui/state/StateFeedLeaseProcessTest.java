package com.sikifanso.agui.state;

import static com.sikifanso.agui.state.StateFixtures.node;
import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.EventType;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.agui.journal.JournalProcesses;
import com.sikifanso.argocd.RunningLab;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes listening to one cluster (events -f in two terminals, the dashboard server): one feeds, the
 * others wait and take over when it exits, closed or killed. The cluster's API is fabric8's mock server in CRUD
 * mode (no kube-apiserver can run here), which the child processes reach through the kubeconfig as the CLI does.
 */
@EnableKubernetesMockClient(crud = true)
class StateFeedLeaseProcessTest {
    KubernetesClient client;

    @TempDir
    Path tmp;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void oneProcessFeedsTheOthersTakeOverWhenItClosesOrIsKilled() throws Exception {
        RunningLab.home(tmp, "http://127.0.0.1:1", "pw");
        RunningLab.writeKubeconfig(tmp, client);
        client.nodes().resource(node("k3d-lab-server-0", true, true)).create();
        StateJournal journal = new StateJournal(tmp.resolve("clusters").resolve(RunningLab.CLUSTER));

        Listener a = listen();
        JournalEntry aStarted = journal.awaitMore(EventType.RUN_STARTED, 0);
        assertThat(pid(aStarted)).isEqualTo(a.process.pid());
        journal.awaitMore(EventType.STATE_SNAPSHOT, 0);

        Listener b = listen();
        // b is open; give it ten chances (lease polls) to take a lease it must not get.
        Thread.sleep(10 * StateFixtures.fast(null).leasePoll().toMillis());
        assertThat(StateJournal.ofType(journal.entries(), EventType.RUN_STARTED)).as("only a feeds").hasSize(1);

        a.close();
        JournalEntry bStarted = journal.awaitMore(EventType.RUN_STARTED, 1);
        assertThat(pid(bStarted)).isEqualTo(b.process.pid());
        JournalEntry aFinished = journal.awaitMore(EventType.RUN_FINISHED, 0);
        assertThat(aFinished.runId()).isEqualTo(aStarted.runId());
        assertThat(bStarted.sequence()).as("b starts after a finished").isGreaterThan(aFinished.sequence());
        JournalEntry bSnapshot = journal.awaitMore(EventType.STATE_SNAPSHOT, 1);
        assertThat(bSnapshot.runId()).isEqualTo(bStarted.runId());

        Listener c = listen();
        b.process.destroyForcibly();   // SIGKILL: the operating system releases b's lock
        assertThat(b.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        JournalEntry cStarted = journal.awaitMore(EventType.RUN_STARTED, 2);
        assertThat(pid(cStarted)).isEqualTo(c.process.pid());
        journal.awaitMore(EventType.STATE_SNAPSHOT, 2);
        c.close();

        for (JournalEntry started : List.of(aStarted, cStarted)) {
            List<AguiEvent> run = journal.events(started.runId());
            assertThat(run).as(run.toString()).extracting(AguiEvent::eventType).containsExactly(EventType.RUN_STARTED,
                    EventType.STATE_SNAPSHOT, EventType.RUN_FINISHED);
            ClusterStateFeedTest.assertLegalRun(run);
        }
        assertThat(journal.events(bStarted.runId())).as("b was killed before it could finish its run")
                .extracting(AguiEvent::eventType).containsExactly(EventType.RUN_STARTED, EventType.STATE_SNAPSHOT);
    }

    private static long pid(JournalEntry runStarted) {
        return ((AguiEvent.RunStarted) runStarted.event()).input().forwardedProps().get("pid").asLong();
    }

    private Listener listen() throws Exception {
        Process p = JournalProcesses.java(StateListenerMain.class, List.of(tmp.toString(), RunningLab.CLUSTER))
                .start();
        processes.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            if (line.equals("listening " + p.pid())) {
                return new Listener(p, out);
            }
        }
        throw new AssertionError("the listener exited before it was open:\n" + seen);
    }

    private record Listener(Process process, BufferedReader out) {
        /** Ends its stdin: it closes the feed and exits. */
        void close() throws Exception {
            process.getOutputStream().close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the listener exits once closed").isTrue();
            StringBuilder rest = new StringBuilder();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                rest.append(line).append('\n');
            }
            assertThat(process.exitValue()).as(rest.toString()).isZero();
            assertThat(rest.toString()).contains("closed");
        }
    }
}

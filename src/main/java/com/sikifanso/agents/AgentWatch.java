package com.sikifanso.agents;

import com.sikifanso.core.ClusterName;
import com.sikifanso.Services;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.agui.journal.JournalTail;
import com.sikifanso.agui.stream.AguiEndpointConnection;
import com.sikifanso.agui.stream.AguiStreamFollower;
import com.sikifanso.core.Throwables;
import com.sikifanso.kube.LiveCluster;
import com.sikifanso.kube.NamespaceEvents;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code agent watch}: three sources about one agent, each on its own thread, into one output until interrupted:
 * the cluster's activity journal (runs about the agent), the Kubernetes events of its namespace, and its own AG-UI
 * stream (declared by annotation and reached through the API server, or given by URL). The CLI prints it; the
 * dashboard's agents page streams it to the browser (the server's {@code /api/agui/agents/watch}).
 */
public final class AgentWatch {
    /** Where everything goes (notices: stderr); called from several threads, one call at a time. */
    public interface Sink {
        void event(AguiEvent event);

        void entry(JournalEntry entry);

        void notice(String text);

        static Sink of(Consumer<AguiEvent> events, Consumer<JournalEntry> entries, Consumer<String> notices) {
            return new Sink() {
                @Override
                public synchronized void event(AguiEvent event) {
                    events.accept(event);
                }

                @Override
                public synchronized void entry(JournalEntry entry) {
                    entries.accept(entry);
                }

                @Override
                public synchronized void notice(String text) {
                    notices.accept(text);
                }
            };
        }
    }

    /** What to watch: {@code since} null means only what happens from now on; {@code url} null means find it. */
    public record Request(String cluster, String agent, Instant since, AguiEndpointConnection url,
                   AguiStreamFollower.Backoff backoff) {
    }

    private final Services services;
    private final Request request;
    private final Sink sink;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    public AgentWatch(Services services, Request request, Sink sink) {
        this.services = services;
        this.request = request;
        this.sink = sink;
    }

    /** Refuses an unknown cluster or agent first, then follows everything until the thread is interrupted. */
    public void run() {
        services.agents().get(ClusterName.of(request.cluster()), request.agent());
        Instant start = request.since() == null ? Instant.now() : request.since();
        try {
            followJournal(start);
            followCluster(start);
            if (request.url() != null) {
                followStream(request.url());
            }
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeAll();
        }
    }

    private void followJournal(Instant start) {
        ActivityJournal journal = new ActivityJournal(services.sessions().home().clusterDir(ClusterName.of(request.cluster())),
                JournalOptions.DEFAULTS);
        JournalTail tail = journal.follow(request.since() == null ? journal.lastSequence() : 0);
        open.add(tail);
        AgentActivity activity = new AgentActivity(request.agent());
        background("journal", () -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (JournalEntry e : tail.poll(Duration.ofSeconds(1))) {
                    if (!e.time().isBefore(start)) {
                        activity.accept(e).forEach(sink::entry);
                    }
                }
            }
        });
    }

    /** Kubernetes events, and the declared AG-UI stream when no URL was given; a stopped cluster has neither. */
    private void followCluster(Instant start) {
        LiveCluster live = services.live();
        if (!live.running(ClusterName.of(request.cluster()))) {
            sink.notice("cluster " + request.cluster() + " is not running: no Kubernetes events"
                    + (request.url() == null ? " or AG-UI stream of the agent" : "") + " ("
                    + live.bringUp(ClusterName.of(request.cluster())).cli() + ")");
            return;
        }
        KubernetesClient kube = live.kube(ClusterName.of(request.cluster()));
        open.add(kube);
        String namespace = AgentSandbox.namespace(request.agent());
        try {
            Watch watch = NamespaceEvents.watch(kube, namespace, start, sink::event, sink::notice);
            open.add(watch);
        } catch (KubernetesClientException e) {
            sink.notice("cannot watch the Kubernetes events of " + namespace + ": " + Throwables.rootMessage(e));
        }
        if (request.url() == null) {
            followStream(AgentStreams.viaApiServer(kube, request.agent()));
        }
    }

    private void followStream(AguiEndpointConnection connection) {
        AguiStreamFollower follower = new AguiStreamFollower(connection, request.backoff());
        open.add(follower);
        background("agui", () -> follower.follow(sink::event, sink::notice));
    }

    private interface Body {
        void run() throws InterruptedException;
    }

    private void background(String name, Body body) {
        threads.add(Thread.ofVirtual().name("agent-watch-" + name).start(() -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                sink.notice(name + " stopped: " + Throwables.rootMessage(e));
            }
        }));
    }

    /** Streams first (a blocked read ignores interrupts), then the threads, then the journal they were reading. */
    private void closeAll() {
        List<AutoCloseable> last = open.stream().filter(c -> c instanceof JournalTail).toList();
        open.removeAll(last);
        open.reversed().forEach(AgentWatch::closeQuietly);
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        last.forEach(AgentWatch::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // stopping: nothing more to report
        }
    }
}

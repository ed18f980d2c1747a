package com.sikifanso.agui.state;

import com.sikifanso.core.Hint;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.Services;
import com.sikifanso.agents.AgentService;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.AguiRun;
import com.sikifanso.agui.RunAgentInput;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.core.Names;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Throwables;
import com.sikifanso.doctor.CheckResult;
import com.sikifanso.doctor.Doctor;
import com.sikifanso.kube.KubeClients;
import com.sikifanso.kube.LiveCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a cluster's {@link ClusterState} into its activity journal while something listens: one AG-UI run
 * ({@code RUN_STARTED} threadId = the cluster, runId {@code state-…}), a {@code STATE_SNAPSHOT} once the API
 * answers, then a {@code STATE_DELTA} (RFC 6902, against what was sent last) whenever the Argo CD Applications, the
 * nodes or the agents' namespaces and pods change, bursts coalesced over {@link Options#debounce()}; an unchanged
 * state sends nothing. {@code RUN_FINISHED} on close.
 *
 * <p>Several processes may listen to one cluster; only the holder of the {@link StateFeedLease} feeds, the others
 * wait and take over when it exits. Everyone reads the same journal, so every listener sees one feed.
 *
 * <p>The doctor's verdicts are taken with the first snapshot and then every {@link Options#doctorInterval()}, not
 * on watch events: a doctor run asks Docker and the API some twenty questions, and what changes often (node
 * readiness, sync and health) already comes from the watches; the rest (containers, the GitOps mount, Cilium and
 * Argo CD workloads) rarely changes.
 *
 * <p>An API that does not answer (cluster stopped, kubeconfig entry gone, server down) does not fail the listener:
 * the reason is recorded once as a {@code CUSTOM} event {@value #UNREACHABLE} and the feed retries with backoff. Not
 * {@code RUN_ERROR}: that ends the run for good ({@code verifyEvents} refuses anything after it), so each retry
 * would need a new run, while the feed has not failed; it waits, and its snapshot follows in the same run.
 */
public final class ClusterStateFeed implements AutoCloseable {
    /** The {@code CUSTOM} event that says why the cluster's API cannot be watched now. */
    public static final String UNREACHABLE = "sikifanso.state.unreachable";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterStateFeed.class);

    /**
     * How the feed paces itself.
     *
     * @param debounce changes arriving within this time after a first one make one delta
     * @param doctorInterval how often the doctor's verdicts are taken again
     * @param doctorWait how long the first snapshot waits for them; after that it goes without, and they follow
     *        as a delta
     * @param firstRetry the wait before retrying an unreachable API, doubled each time up to {@code maxRetry}
     * @param leasePoll how often a waiting listener tries to take the lease over
     * @param apiTimeout how long connecting and the first listing may take
     * @param clock stamps {@link ClusterState#takenAt()}
     */
    public record Options(Duration debounce, Duration doctorInterval, Duration doctorWait, Duration firstRetry,
                          Duration maxRetry, Duration leasePoll, Duration apiTimeout, Clock clock) {
        /**
         * The first snapshot waits two seconds for the doctor: a screen (the dashboard, {@code events -f --state})
         * shows the nodes and apps at once, and the verdicts, which take up to a check timeout each, follow as a
         * delta.
         */
        public static final Options DEFAULTS = new Options(Duration.ofMillis(250), Duration.ofMinutes(1),
                Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofMillis(500), Duration.ofSeconds(10), Clock.systemUTC());
    }

    /** Where the feed reads from; {@link #of(Services, Options)} in production. */
    interface Sources {
        /** A client for the cluster's API; throws {@link SikifansoException} when there is none to have. */
        KubernetesClient connect(ClusterName cluster);

        /** The agents the cluster's GitOps repo defines. */
        Collection<String> definedAgents(ClusterName cluster);

        List<CheckResult> doctor(ClusterName cluster);

        /** What to try when the cluster's API does not answer: a local cluster is started, an attached one is not. */
        default Hint whatToTry(ClusterName cluster) {
            return LiveCluster.startIt(cluster);
        }

        /** A failed API call as the user-facing error. */
        default SikifansoException unreachable(ClusterName cluster, KubernetesClientException e) {
            return LiveCluster.unreachableLocal(cluster, e);
        }

        static Sources of(Services services, Options options) {
            LiveCluster live = new LiveCluster(services.sessions(), services.kubeClients());
            return new Sources() {
                @Override
                public Hint whatToTry(ClusterName cluster) {
                    return live.whatToTry(cluster);
                }

                @Override
                public SikifansoException unreachable(ClusterName cluster, KubernetesClientException e) {
                    return live.unreachable(cluster, e);
                }

                @Override
                public KubernetesClient connect(ClusterName cluster) {
                    return KubeClients.failingFast(live.kube(cluster), options.apiTimeout());
                }

                @Override
                public Collection<String> definedAgents(ClusterName cluster) {
                    return services.agents().list(cluster).stream().map(AgentService.Agent::name).toList();
                }

                @Override
                public List<CheckResult> doctor(ClusterName cluster) {
                    return services.doctor().examine(cluster, Doctor.Options.DEFAULTS).checks();
                }
            };
        }
    }

    private final ClusterName cluster;
    private final Path clusterDir;
    private final ActivityJournal journal;
    private final Sources sources;
    private final Options options;
    private final Thread feeder;
    private final Object signal = new Object();
    private boolean closed;
    private boolean changed;
    private Thread doctorThread;
    private volatile List<CheckResult> doctor;
    private volatile long doctorAt;
    private final java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();

    private ClusterStateFeed(ClusterName cluster, Path clusterDir, ActivityJournal journal, Sources sources,
                             Options options) {
        this.cluster = cluster;
        this.clusterDir = clusterDir;
        this.journal = journal;
        this.sources = sources;
        this.options = options;
        this.feeder = new Thread(this::leaseLoop, "sikifanso-state-feed-" + cluster);
        feeder.setDaemon(true);
    }

    /**
     * Keeps {@code cluster}'s state flowing into its activity journal until closed: feeding it if no other listener
     * does, or else waiting to take over. Never fails on an unreachable cluster; refuses a bad name or an unknown
     * cluster.
     */
    public static ClusterStateFeed whileListening(Services services, ClusterName cluster) {
        return whileListening(services, cluster, Options.DEFAULTS);
    }

    static ClusterStateFeed whileListening(Services services, ClusterName cluster, Options options) {
        if (!services.sessions().exists(cluster)) {
            throw SikifansoException.failure("no cluster named \"" + cluster + "\"",
                    "create it with: ", Suggestion.of("cluster", "create").arg("name", cluster));
        }
        Path dir = services.sessions().home().clusterDir(cluster);
        return start(cluster, dir, new ActivityJournal(dir, JournalOptions.DEFAULTS), Sources.of(services, options),
                options);
    }

    static ClusterStateFeed start(ClusterName cluster, Path clusterDir, ActivityJournal journal, Sources sources,
                                  Options options) {
        ClusterStateFeed feed = new ClusterStateFeed(cluster, clusterDir, journal, sources, options);
        feed.feeder.start();
        return feed;
    }

    /** Stops the watches, finishes the run, gives the lease up and waits for the feed's threads to end. */
    @Override
    public void close() {
        synchronized (signal) {
            closed = true;
            signal.notifyAll();
        }
        join(feeder);
        Thread d;
        synchronized (signal) {
            d = doctorThread;
        }
        if (d != null) {
            d.interrupt();
            join(d);
        }
    }

    /** How many times the state has been read from the watches, sent or not (for tests of what is not sent). */
    long reads() {
        return reads.get();
    }

    // ---- the feeder thread

    private void leaseLoop() {
        while (!isClosed()) {
            Optional<StateFeedLease> lease;
            try {
                lease = StateFeedLease.tryAcquire(clusterDir);
            } catch (IOException e) {
                LOG.warn("cannot take the state feed lease of {}: {}", cluster, e.toString());
                lease = Optional.empty();
            }
            if (lease.isEmpty()) {
                sleep(options.leasePoll());
                continue;
            }
            try (StateFeedLease held = lease.get()) {
                feed();
            } catch (IOException e) {
                LOG.warn("cannot release the state feed lease of {}: {}", cluster, e.toString());
            } catch (RuntimeException e) {
                LOG.warn("the state feed of {} stopped: {}", cluster, e.toString(), e);
                sleep(options.maxRetry());
            }
        }
    }

    /** One run, while holding the lease: connect (retrying), then follow the cluster until closed. */
    private void feed() {
        String runId = "state-" + UUID.randomUUID();
        ObjectNode props = AguiJson.MAPPER.createObjectNode().put("surface", "state-feed")
                .put("pid", ProcessHandle.current().pid());
        AguiRun run = AguiRun.start(cluster.value(), runId, new RunAgentInput(cluster.value(), runId, null, null, null, null, null,
                props), sink(runId));
        try {
            Duration retry = options.firstRetry();
            String reported = null;
            while (!isClosed()) {
                startDoctorUnlessFresh();
                ClusterWatch watch;
                try {
                    watch = connect();
                } catch (Unreachable e) {
                    if (!e.getMessage().equals(reported)) {
                        record(run, e);
                        reported = e.getMessage();
                    }
                    sleep(retry);
                    retry = retry.multipliedBy(2).compareTo(options.maxRetry()) > 0 ? options.maxRetry()
                            : retry.multipliedBy(2);
                    continue;
                }
                try (watch) {
                    reported = null;
                    retry = options.firstRetry();
                    follow(run, watch);
                }
            }
        } finally {
            if (!run.ended()) {
                run.finish();
            }
        }
    }

    /** Why the cluster's API cannot be watched now, with what to do about it. */
    private static final class Unreachable extends Exception {
        private final String hint;

        Unreachable(String message, String hint) {
            super(message, null, false, false);
            this.hint = hint;
        }
    }

    /** The watch, started and listed once; {@link Unreachable} when the API cannot be had. */
    private ClusterWatch connect() throws Unreachable {
        // The state feed's reader is a person (the dashboard, an AG-UI client): the CLI's words.
        String up = sources.whatToTry(cluster).cli();
        try {
            return ClusterWatch.start(sources.connect(cluster), this::changed, options.apiTimeout());
        } catch (SikifansoException e) {
            throw new Unreachable(e.getMessage(), e.hint());
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            // Said as a failed API call is (an attached cluster's context, or a local one to start), whatever broke.
            SikifansoException why = sources.unreachable(cluster, cause instanceof KubernetesClientException k ? k
                    : new KubernetesClientException(Throwables.rootMessage(cause), cause));
            throw new Unreachable(why.getMessage(), why.hint());
        } catch (TimeoutException e) {
            throw new Unreachable("the Kubernetes API of cluster \"" + cluster + "\" did not answer within "
                    + options.apiTimeout().toSeconds() + "s", up);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted while connecting to cluster \"" + cluster + "\"", null);
        }
    }

    private void record(AguiRun run, Unreachable why) {
        ObjectNode value = AguiJson.MAPPER.createObjectNode().put("cluster", cluster.value()).put("message", why.getMessage());
        if (why.hint != null) {
            value.put("hint", why.hint);
        }
        value.put("retrying", true);
        run.custom(UNREACHABLE, value);
    }

    /** Snapshot first (with the doctor's verdicts), then a delta per burst of changes, until closed. */
    private void follow(AguiRun run, ClusterWatch watch) {
        awaitDoctor();
        ClusterState sent = null;
        long nextDoctor = System.nanoTime() + options.doctorInterval().toNanos();
        while (!isClosed()) {
            ClusterState now = ClusterStateReader.read(cluster.value(), watch.seen(definedAgents(), doctorVerdicts()));
            reads.incrementAndGet();
            if (!now.sameContent(sent)) {
                sent = now.at(options.clock().instant());
                run.state(sent.json());
            }
            if (!awaitChange(nextDoctor)) {
                startDoctor();
                nextDoctor = System.nanoTime() + options.doctorInterval().toNanos();
            } else {
                sleep(options.debounce());
            }
        }
    }

    private Collection<String> definedAgents() {
        try {
            return sources.definedAgents(cluster);
        } catch (RuntimeException e) {
            // A hand-broken agent file: the namespaces still show the agents the cluster has.
            LOG.debug("cannot list the agents of {}: {}", cluster, e.toString());
            return List.of();
        }
    }

    // ---- the doctor, on its own thread so a slow check never holds a delta back

    /** Starts the doctor unless its verdicts are younger than the interval (a retry loop must not run it each time). */
    private void startDoctorUnlessFresh() {
        if (doctor == null || System.nanoTime() - doctorAt > options.doctorInterval().toNanos()) {
            startDoctor();
        }
    }

    private void startDoctor() {
        synchronized (signal) {
            if (closed || (doctorThread != null && doctorThread.isAlive())) {
                return;
            }
            doctorThread = new Thread(this::runDoctor, "sikifanso-state-doctor-" + cluster);
            doctorThread.setDaemon(true);
            doctorThread.start();
        }
    }

    private void runDoctor() {
        List<CheckResult> verdicts;
        try {
            verdicts = sources.doctor(cluster);
        } catch (RuntimeException e) {
            verdicts = List.of(CheckResult.fail("Doctor", "did not run", Throwables.rootMessage(e),
                    e instanceof SikifansoException s ? s.fix() : null));
        }
        doctorAt = System.nanoTime();
        doctor = verdicts;
        changed();
    }

    /** Waits for a doctor run under way, unless closed; a hung one delays the snapshot at most {@code doctorWait}. */
    private void awaitDoctor() {
        Thread d;
        synchronized (signal) {
            d = doctorThread;
        }
        long deadline = System.nanoTime() + options.doctorWait().toNanos();
        while (d != null && d.isAlive() && !isClosed() && System.nanoTime() < deadline) {
            try {
                d.join(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<CheckResult> doctorVerdicts() {
        List<CheckResult> d = doctor;
        return d == null ? List.of() : d;
    }

    // ---- waiting without interrupts: a close wakes every wait

    private void changed() {
        synchronized (signal) {
            changed = true;
            signal.notifyAll();
        }
    }

    private boolean isClosed() {
        synchronized (signal) {
            return closed;
        }
    }

    /** Waits for a change until {@code deadlineNanos}; true if one came (and clears it), false at the deadline. */
    private boolean awaitChange(long deadlineNanos) {
        synchronized (signal) {
            while (!closed && !changed) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                waitOn(left);
            }
            changed = false;
            return true;
        }
    }

    /** Waits for {@code time} or until closed, whatever changes meanwhile. */
    private void sleep(Duration time) {
        long deadline = System.nanoTime() + time.toNanos();
        synchronized (signal) {
            for (long left = time.toNanos(); !closed && left > 0; left = deadline - System.nanoTime()) {
                waitOn(left);
            }
            changed = false;
        }
    }

    private void waitOn(long nanos) {
        try {
            signal.wait(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Appends to the journal while the cluster's directory exists: a journal never brings a deleted cluster back. */
    private Consumer<AguiEvent> sink(String runId) {
        return event -> {
            if (!Files.isDirectory(clusterDir)) {
                return;
            }
            try {
                journal.append(runId, event);
            } catch (RuntimeException e) {
                LOG.warn("could not write the state of {} to its activity journal: {}", cluster, e.toString());
            }
        };
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

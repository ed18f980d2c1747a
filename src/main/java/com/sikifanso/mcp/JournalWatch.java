package com.sikifanso.mcp;

import com.sikifanso.core.ClusterName;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.AguiJson;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.agui.journal.JournalTail;
import com.sikifanso.ops.Operation;
import com.sikifanso.ops.OperationRegistry;
import com.sikifanso.session.SikifansoHome;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the server what changed among its resources, whoever changed it (its own tool calls, the CLI, another MCP
 * server): it follows the activity journal of every cluster it serves, where each operation invocation is one run,
 * and the set of clusters. A run that succeeded becomes a {@link ResourceChange}; a cluster that came or went, one
 * for all of its resources. Checked every {@link #INTERVAL}, on one daemon thread.
 */
final class JournalWatch implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofMillis(300);
    private static final Logger LOG = LoggerFactory.getLogger(JournalWatch.class);
    /** Runs begun but not ended yet that are remembered; an older one is forgotten (its process died). */
    private static final int MAX_OPEN_RUNS = 256;

    private record OpenRun(String cluster, String operation, StringBuilder args) {
    }

    private final SikifansoHome home;
    private final Supplier<List<String>> clusters;
    private final OperationRegistry registry;
    private final Consumer<ResourceChange> listener;
    private final Map<String, JournalTail> tails = new HashMap<>();
    private final Map<String, OpenRun> open = new LinkedHashMap<>();
    private volatile boolean running;
    private Thread thread;

    /** {@code clusters}: the names of the clusters served now (each with a session). */
    JournalWatch(SikifansoHome home, Supplier<List<String>> clusters, OperationRegistry registry,
                 Consumer<ResourceChange> listener) {
        this.home = home;
        this.clusters = clusters;
        this.registry = registry;
        this.listener = listener;
    }

    /** Starts following from now on: what the journals already hold is not reported. */
    synchronized void start() {
        for (String cluster : clusters.get()) {
            if (!hasSession(cluster)) {
                continue;
            }
            ActivityJournal journal = journal(cluster);
            tails.put(cluster, journal.follow(journal.lastSequence()));
        }
        running = true;
        thread = new Thread(this::loop, "mcp-journal-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                check();
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.info("watching the activity journals: {}", e.toString(), e);
            }
        }
    }

    /** One look at the clusters and their journals; reports what changed since the last look. */
    synchronized void check() {
        Map<String, ResourceChange> changes = new LinkedHashMap<>();
        Set<String> now = new LinkedHashSet<>(clusters.get());
        for (Iterator<Map.Entry<String, JournalTail>> it = tails.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, JournalTail> tail = it.next();
            if (!now.contains(tail.getKey()) || !hasSession(tail.getKey())) {
                tail.getValue().close();
                it.remove();
                merge(changes, ResourceChange.clusterCameOrWent(tail.getKey()));
            }
        }
        for (String cluster : now) {
            if (!tails.containsKey(cluster) && hasSession(cluster)) {
                tails.put(cluster, journal(cluster).follow(0)); // a new cluster's journal is all news
                merge(changes, ResourceChange.clusterCameOrWent(cluster));
            }
        }
        for (Map.Entry<String, JournalTail> tail : tails.entrySet()) {
            // Never read a journal whose cluster is gone: reading would make its directory again.
            if (hasSession(tail.getKey())) {
                for (List<JournalEntry> batch = tail.getValue().poll(); !batch.isEmpty(); batch = tail.getValue().poll()) {
                    batch.forEach(e -> read(tail.getKey(), e).ifPresent(c -> merge(changes, c)));
                }
            }
        }
        changes.values().forEach(listener);
    }

    private Optional<ResourceChange> read(String cluster, JournalEntry entry) {
        AguiEvent event = entry.event();
        if (event instanceof AguiEvent.RunStarted started && started.input() != null
                && started.input().forwardedProps() != null) {
            String operation = started.input().forwardedProps().path("operation").asText(null);
            if (operation != null) {
                if (open.size() >= MAX_OPEN_RUNS) {
                    open.remove(open.keySet().iterator().next());
                }
                open.put(entry.runId(), new OpenRun(cluster, operation, new StringBuilder()));
            }
        } else if (event instanceof AguiEvent.ToolCallArgs args && open.containsKey(entry.runId())) {
            open.get(entry.runId()).args().append(args.delta());
        } else if (event instanceof AguiEvent.RunError) {
            open.remove(entry.runId()); // a failed change leaves everything as it was
        } else if (event instanceof AguiEvent.RunFinished) {
            OpenRun run = open.remove(entry.runId());
            if (run != null) {
                return changeOf(run);
            }
        }
        return Optional.empty();
    }

    private Optional<ResourceChange> changeOf(OpenRun run) {
        Optional<Operation<?, ?>> operation = registry.find(run.operation());
        if (operation.isEmpty()) {
            return Optional.of(new ResourceChange(run.cluster(), Set.of(), true, true)); // a newer sikifanso's
        }
        JsonNode args;
        try {
            args = AguiJson.MAPPER.readTree(run.args().isEmpty() ? "{}" : run.args().toString());
        } catch (java.io.IOException e) {
            args = AguiJson.MAPPER.createObjectNode();
        }
        return ResourceChange.of(run.cluster(), operation.get(), args);
    }

    private static void merge(Map<String, ResourceChange> changes, ResourceChange change) {
        changes.merge(change.cluster(), change, (a, b) -> {
            Set<String> uris = new LinkedHashSet<>(a.updated());
            uris.addAll(b.updated());
            return new ResourceChange(a.cluster(), uris, a.wholeCluster() || b.wholeCluster(),
                    a.listChanged() || b.listChanged());
        });
    }

    private boolean hasSession(String cluster) {
        return ClusterName.ifValid(cluster).map(c -> Files.isRegularFile(home.sessionFile(c))).orElse(false);
    }

    private ActivityJournal journal(String cluster) {
        return new ActivityJournal(home.clusterDir(ClusterName.of(cluster)), JournalOptions.DEFAULTS);
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        new ArrayList<>(tails.values()).forEach(JournalTail::close);
        tails.clear();
    }
}

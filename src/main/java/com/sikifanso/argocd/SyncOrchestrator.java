package com.sikifanso.argocd;

import com.sikifanso.gitops.SyncTarget;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Waits until Argo CD has carried out a change: tier by tier (operators, data, services; reverse
 * for removals), each app present (or gone) and Synced+Healthy. A Degraded app gets a grace
 * period, restarted whenever it leaves Degraded, because charts often pass through Degraded on
 * their way up; a failed sync operation fails at once. A catalog app that times out because the
 * catalog's RollingSync is still waiting on an earlier tier names the app it waits on.
 */
public final class SyncOrchestrator {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(60);

    private final Duration grace;
    private final Duration pollInterval;
    private final boolean watch;

    public SyncOrchestrator(Duration grace, Duration pollInterval) {
        this(grace, pollInterval, true);
    }

    /** {@code watch=false} polls from the start, as after a dropped watch. */
    SyncOrchestrator(Duration grace, Duration pollInterval, boolean watch) {
        this.grace = grace;
        this.pollInterval = pollInterval;
        this.watch = watch;
    }

    public SyncOutcome await(KubernetesClient kube, SyncTarget target, Duration timeout, Consumer<String> progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (ApplicationWatch watch = new ApplicationWatch(kube, pollInterval, progress)) {
            if (this.watch) {
                watch.start();
            } else {
                watch.startPolling();
            }
            List<String> done = new ArrayList<>();
            for (List<String> tier : tiers(target)) {
                SyncOutcome outcome = awaitTier(watch, target.kind(), tier, deadline, progress);
                if (outcome instanceof SyncOutcome.TimedOut t && target.kind() == SyncTarget.Kind.APPEAR) {
                    return heldBack(kube, tier, t);
                }
                if (!(outcome instanceof SyncOutcome.Converged c)) {
                    return outcome;
                }
                done.addAll(c.apps());
            }
            return new SyncOutcome.Converged(done);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SyncOutcome.TimedOut(List.of("interrupted"));
        }
    }

    /** A catalog app never synced because an app of an earlier tier is not Healthy: name that app. */
    private static SyncOutcome heldBack(KubernetesClient kube, List<String> tier, SyncOutcome.TimedOut timedOut) {
        CatalogRollout rollout = CatalogRollout.read(kube);
        return tier.stream().map(rollout::blockerOf).flatMap(java.util.Optional::stream).findFirst()
                .<SyncOutcome>map(b -> new SyncOutcome.TimedOut(timedOut.pending(), b)).orElse(timedOut);
    }

    private static List<List<String>> tiers(SyncTarget target) {
        Comparator<String> order = target.kind() == SyncTarget.Kind.DISAPPEAR
                ? Comparator.<String>reverseOrder() : Comparator.naturalOrder();
        Map<String, List<String>> byTier = new TreeMap<>(order);
        target.apps().forEach(a -> byTier.computeIfAbsent(a.tier(), t -> new ArrayList<>()).add(a.name()));
        return List.copyOf(byTier.values());
    }

    private SyncOutcome awaitTier(ApplicationWatch watch, SyncTarget.Kind kind, List<String> tier, long deadline,
                                  Consumer<String> progress) throws InterruptedException {
        Set<String> pending = new LinkedHashSet<>(tier);
        Map<String, Long> degradedSince = new HashMap<>();
        Map<String, String> lastSeen = new HashMap<>();
        while (true) {
            Map<String, ApplicationState> states = watch.states();
            for (String name : List.copyOf(pending)) {
                ApplicationState state = states.get(name);
                String seen = state == null ? "not present" : state.describe();
                if (!seen.equals(lastSeen.put(name, seen))) {
                    progress.accept("  " + name + ": " + seen);
                }
                if (kind == SyncTarget.Kind.DISAPPEAR) {
                    if (state == null) {
                        pending.remove(name);
                    }
                    continue;
                }
                if (state == null) {
                    continue;
                }
                if (state.converged()) {
                    pending.remove(name);
                } else if (state.operationFailed()) {
                    return new SyncOutcome.Failed(name, state.describe());
                } else if (state.degraded()) {
                    long since = degradedSince.computeIfAbsent(name, n -> System.nanoTime());
                    if (System.nanoTime() - since > grace.toNanos()) {
                        return new SyncOutcome.Failed(name, "Degraded for more than " + grace.toSeconds() + "s: "
                                + state.describe());
                    }
                } else {
                    degradedSince.remove(name);
                }
            }
            if (pending.isEmpty()) {
                return new SyncOutcome.Converged(tier);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new SyncOutcome.TimedOut(pending.stream().map(n -> n + " (" + lastSeen.get(n) + ")").toList());
            }
            watch.awaitChange(Duration.ofNanos(left));
        }
    }
}

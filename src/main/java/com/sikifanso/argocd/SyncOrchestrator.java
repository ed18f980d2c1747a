package com.sikifanso.argocd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.Progress;
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

/**
 * Waits until Argo CD has carried out a change: tier by tier (operators, data, services; reverse
 * for removals), each app present (or gone) and Synced+Healthy. A Degraded app gets a grace
 * period, restarted whenever it leaves Degraded, because charts often pass through Degraded on
 * their way up; a failed sync operation fails at once. A catalog app that times out because the
 * catalog's RollingSync is still waiting on an earlier tier names the app it waits on. Each tier's apps are an
 * activity ({@code sync:<tier>}): every app's state, how many are done, and the last change as a line.
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

    public SyncOutcome await(KubernetesClient kube, SyncTarget target, Duration timeout, Progress progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (ApplicationWatch watch = new ApplicationWatch(kube, pollInterval, progress)) {
            if (this.watch) {
                watch.start();
            } else {
                watch.startPolling();
            }
            List<String> done = new ArrayList<>();
            for (Map.Entry<String, List<String>> byTier : tiers(target).entrySet()) {
                List<String> tier = byTier.getValue();
                SyncOutcome outcome = awaitTier(watch, target.kind(), byTier.getKey(), tier, deadline, progress);
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

    /** The apps by tier, in the order they are waited for. */
    private static Map<String, List<String>> tiers(SyncTarget target) {
        Comparator<String> order = target.kind() == SyncTarget.Kind.DISAPPEAR
                ? Comparator.<String>reverseOrder() : Comparator.naturalOrder();
        Map<String, List<String>> byTier = new TreeMap<>(order);
        target.apps().forEach(a -> byTier.computeIfAbsent(a.tier(), t -> new ArrayList<>()).add(a.name()));
        return byTier;
    }

    private SyncOutcome awaitTier(ApplicationWatch watch, SyncTarget.Kind kind, String tierName, List<String> tier,
                                  long deadline, Progress progress) throws InterruptedException {
        Set<String> pending = new LinkedHashSet<>(tier);
        Map<String, Long> degradedSince = new HashMap<>();
        Map<String, String> lastSeen = new HashMap<>();
        ObjectNode activity = Mappers.JSON.createObjectNode().put("tier", tierName);
        activity.putObject("apps");
        while (true) {
            Map<String, ApplicationState> states = watch.states();
            for (String name : List.copyOf(pending)) {
                ApplicationState state = states.get(name);
                String seen = state == null ? "not present" : state.describe();
                boolean changed = !seen.equals(lastSeen.put(name, seen));
                SyncOutcome failed = judge(kind, name, state, pending, degradedSince);
                if (changed) {
                    ((ObjectNode) activity.get("apps")).put(name, seen);
                    activity.put("done", tier.size() - pending.size()).put("total", tier.size())
                            .put("text", "  " + name + ": " + seen);
                    progress.activity("sync:" + tierName, activity);
                }
                if (failed != null) {
                    return failed;
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

    /** Takes {@code name} off {@code pending} once it is there (or gone); a failure that ends the wait, or null. */
    private SyncOutcome judge(SyncTarget.Kind kind, String name, ApplicationState state, Set<String> pending,
                              Map<String, Long> degradedSince) {
        if (kind == SyncTarget.Kind.DISAPPEAR) {
            if (state == null) {
                pending.remove(name);
            }
            return null;
        }
        if (state == null) {
            return null;
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
        return null;
    }
}

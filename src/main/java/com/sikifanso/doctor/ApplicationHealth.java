package com.sikifanso.doctor;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.Hint;
import com.sikifanso.core.ClusterName;
import com.sikifanso.argocd.ArgoCdResources;
import com.sikifanso.argocd.CatalogRollout;
import com.sikifanso.catalog.Diagnostics;
import com.sikifanso.core.Lazy;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An Argo CD Application's verdict: Synced+Healthy passes; Progressing within the grace period
 * warns; Degraded, Missing, a failed sync or Progressing for too long fails, with the first
 * unhealthy resource and its message as the cause.
 */
final class ApplicationHealth {
    /**
     * Which Application a row is about, the commands that inspect, retry or remove it, and whether the
     * catalog's RollingSync generates it (then automated sync is off on it and earlier tiers gate it).
     */
    record Subject(String row, ClusterName cluster, String application, Suggestion remove, boolean rollingSync,
                   Diagnostics diagnostics) {
        Subject(String row, ClusterName cluster, String application, Suggestion remove, boolean rollingSync) {
            this(row, cluster, application, remove, rollingSync, Diagnostics.NONE);
        }

        Suggestion inspect() {
            return Suggestion.of("app", "status").arg("name", application).cluster(cluster);
        }

        Suggestion retry() {
            return Suggestion.of("app", "sync").arg("name", application).cluster(cluster);
        }

        Hint fix() {
            return Hint.of("see every unhealthy resource: ", inspect(), "; retry: ", retry(), "; or remove it: ",
                    remove);
        }
    }

    /** Why a catalog app stays OutOfSync: argo-cd v3.4.5 applicationset controller, syncDesiredApplications. */
    static final String ROLLING_SYNC = "the catalog's RollingSync turns automated sync off on its apps, so Argo CD "
            + "syncs this one again only when the catalog's rollout reaches its tier";

    private final KubernetesClient kube;
    private final String namespace;
    private final Duration grace;
    private final Clock clock;
    private final Supplier<CatalogRollout> rollout;

    ApplicationHealth(KubernetesClient kube, String namespace, Duration grace, Clock clock) {
        this.kube = kube;
        this.namespace = namespace;
        this.grace = grace;
        this.clock = clock;
        this.rollout = Lazy.of(() -> CatalogRollout.read(kube));
    }

    CheckResult check(Subject s) {
        GenericKubernetesResource app = kube.genericKubernetesResources(ArgoCdResources.APPLICATION)
                .inNamespace(namespace).withName(s.application()).get();
        if (app == null) {
            return CheckResult.fail(s.row(), "no Application",
                    "Argo CD has no Application \"" + s.application() + "\" in namespace " + namespace
                            + ": its ApplicationSet has not generated it (see the applicationset-controller row)",
                    Hint.of("ask Argo CD to re-read the repo: ", s.retry(), "; or remove it: ", s.remove()));
        }
        return verdict(s, app);
    }

    CheckResult verdict(Subject s, GenericKubernetesResource app) {
        CheckResult own = KnownFailures.explain(s.application(), s.diagnostics(), ownVerdict(s, app));
        if (own.status() == Verdict.PASS || !s.rollingSync()) {
            return own;
        }
        return rollout.get().blockerOf(s.application())
                .map(b -> new CheckResult(own.name(), own.status(), own.message(), Hint.text(b.describe()),
                        b.fix(s.cluster())))
                .orElse(own);
    }

    private CheckResult ownVerdict(Subject s, GenericKubernetesResource app) {
        Map<String, Object> status = map(app.getAdditionalProperties().get("status"));
        String sync = text(map(status.get("sync")), "status");
        String health = text(map(status.get("health")), "status");
        Map<String, Object> operation = map(status.get("operationState"));
        String phase = text(operation, "phase");
        String message = (health == null ? "Unknown" : health) + ", " + (sync == null ? "Unknown" : sync);
        if (health == null) {
            return CheckResult.warn(s.row(), "not reconciled yet", "Argo CD has not reported on it yet",
                    Hint.of("wait a minute, or ask for a sync: ", s.retry()));
        }
        if ("Failed".equals(phase) || "Error".equals(phase)) {
            return CheckResult.fail(s.row(), message + ", last sync " + phase,
                    "sync " + phase.toLowerCase(java.util.Locale.ROOT) + ": " + text(operation, "message"), s.fix());
        }
        switch (health) {
            case "Healthy" -> {
                return "Synced".equals(sync) ? CheckResult.pass(s.row(), message)
                        : CheckResult.warn(s.row(), message, "the live objects differ from the repo's (" + sync
                                + "); " + (s.rollingSync() ? ROLLING_SYNC : "automated sync (self-heal) normally "
                                + "catches up within minutes"), Hint.of("sync now: ", s.retry()));
            }
            case "Progressing" -> {
                return progressing(s, app, status, message);
            }
            case "Suspended" -> {
                return CheckResult.warn(s.row(), message, firstUnhealthy(status, "resources are suspended"),
                        s.fix());
            }
            default -> {
                return CheckResult.fail(s.row(), message, firstUnhealthy(status, health.equals("Missing")
                        ? "its resources do not exist in the cluster" : "Argo CD reports it " + health), s.fix());
            }
        }
    }

    private CheckResult progressing(Subject s, GenericKubernetesResource app, Map<String, Object> status,
                                    String message) {
        Instant since = since(app, status);
        Duration age = since == null ? Duration.ZERO : Duration.between(since, clock.instant());
        String cause = firstUnhealthy(status, "its resources are still starting");
        if (age.compareTo(grace) <= 0) {
            return CheckResult.warn(s.row(), message + " for " + human(age) + " (grace period " + human(grace)
                    + ")", cause, Hint.of("wait, then check again: ", s.inspect()));
        }
        return CheckResult.fail(s.row(), message + " for " + human(age) + ", longer than the grace period of "
                + human(grace), cause, s.fix());
    }

    /** When it started Progressing: health's lastTransitionTime (Argo CD 3), else the sync's start, else creation. */
    private static Instant since(GenericKubernetesResource app, Map<String, Object> status) {
        for (String candidate : new String[] {text(map(status.get("health")), "lastTransitionTime"),
            text(map(status.get("operationState")), "startedAt"), app.getMetadata().getCreationTimestamp()}) {
            if (candidate != null) {
                try {
                    return Instant.parse(candidate);
                } catch (DateTimeParseException ignored) {
                    // Try the next timestamp.
                }
            }
        }
        return null;
    }

    /**
     * "Kind name in namespace ns (Health): message" of the first resource that is Degraded, Missing or
     * otherwise not Healthy, preferring those over ones still Progressing.
     */
    static String firstUnhealthy(Map<String, Object> status, String otherwise) {
        Map<String, Object> progressing = null;
        if (status.get("resources") instanceof List<?> resources) {
            for (Object o : resources) {
                Map<String, Object> r = map(o);
                String h = text(map(r.get("health")), "status");
                if (h == null || h.equals("Healthy")) {
                    continue;
                }
                if (!h.equals("Progressing")) {
                    return describe(r);
                }
                if (progressing == null) {
                    progressing = r;
                }
            }
        }
        if (progressing != null) {
            return describe(progressing);
        }
        String healthMessage = text(map(status.get("health")), "message");
        return healthMessage != null ? healthMessage : otherwise;
    }

    private static String describe(Map<String, Object> r) {
        Map<String, Object> h = map(r.get("health"));
        String where = r.get("namespace") == null ? "" : " in namespace " + r.get("namespace");
        return r.get("kind") + " " + r.get("name") + where + " (" + h.get("status") + ")"
                + (h.get("message") == null ? "" : ": " + h.get("message"));
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + "s" : s < 7200 ? s / 60 + "m" : s / 3600 + "h";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String text(Map<String, Object> map, String key) {
        Object v = map.get(key);
        return v == null ? null : v.toString();
    }
}

package com.sikifanso.argocd;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.core.Mappers;
import com.sikifanso.gitops.ApplicationSets;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where the catalog ApplicationSet's RollingSync stands, from its {@code status.applicationStatus}.
 * Argo CD (applicationset controller, v3.4.5) turns automated sync off on every Application a
 * RollingSync generates and syncs the apps of a step only once every app of the earlier steps is
 * Healthy there, so one app that never gets Healthy holds back every later tier, however unrelated.
 */
public final class CatalogRollout {
    static final String HEALTHY = "Healthy";
    static final String WAITING = "Waiting";

    /** One entry of {@code status.applicationStatus}: step is 1-based, as Argo CD writes it. */
    record Entry(String application, int step, String status, String message) {
    }

    /** The earlier-tier app that keeps {@code held} from being synced. */
    public record Blocker(String held, String app, String tier, String status, String message) {
        public String describe() {
            return held + " waits for its RollingSync turn: " + app + " in tier " + tier + " is " + status
                    + (message == null || message.isBlank() ? "" : " (" + message + ")")
                    + ", and Argo CD syncs a tier only when every app of the earlier tiers is Healthy";
        }

        /** @param cluster the cluster to name in the commands, or null to leave the flag out */
        public Hint fix(ClusterName cluster) {
            Suggestion status = Suggestion.of("app", "status").arg("name", app);
            Suggestion disable = Suggestion.of("app", "disable").arg("name", app);
            return Hint.of("make " + app + " Healthy (see why: ", cluster == null ? status : status.cluster(cluster),
                    "), or disable it: ", cluster == null ? disable : disable.cluster(cluster));
        }
    }

    private final List<Entry> entries;
    private final List<String> tiers;

    CatalogRollout(List<Entry> entries, List<String> tiers) {
        this.entries = entries;
        this.tiers = tiers;
    }

    /** The rollout as the cluster reports it; none (nothing blocks) when the ApplicationSet cannot be read. */
    public static CatalogRollout read(KubernetesClient kube) {
        try {
            GenericKubernetesResource set = kube.genericKubernetesResources(ArgoCdResources.APPLICATION_SET)
                    .inNamespace(ApplicationSets.NAMESPACE).withName(ApplicationSets.CATALOG).get();
            return set == null ? none() : of(Mappers.JSON.valueToTree(set));
        } catch (KubernetesClientException e) {
            return none();
        }
    }

    static CatalogRollout none() {
        return new CatalogRollout(List.of(), List.of());
    }

    static CatalogRollout of(JsonNode set) {
        List<String> tiers = new ArrayList<>();
        for (JsonNode step : set.at("/spec/strategy/rollingSync/steps")) {
            List<String> values = new ArrayList<>();
            step.path("matchExpressions").forEach(e -> e.path("values").forEach(v -> values.add(v.asText())));
            tiers.add(String.join(",", values));
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode e : set.at("/status/applicationStatus")) {
            int step;
            try {
                step = Integer.parseInt(e.path("step").asText());
            } catch (NumberFormatException notAStep) {
                step = -1;
            }
            entries.add(new Entry(e.path("application").asText(), step, e.path("status").asText(),
                    e.path("message").asText(null)));
        }
        return new CatalogRollout(entries, tiers);
    }

    /** The first not-Healthy app of the earliest earlier step, when {@code app} is Waiting for its turn. */
    public Optional<Blocker> blockerOf(String app) {
        Optional<Entry> own = entries.stream().filter(e -> e.application().equals(app)).findFirst();
        if (own.isEmpty() || !WAITING.equals(own.get().status()) || own.get().step() < 1) {
            return Optional.empty();
        }
        int step = own.get().step();
        return entries.stream().filter(e -> e.step() >= 1 && e.step() < step && !HEALTHY.equals(e.status()))
                .min(Comparator.comparingInt(Entry::step))
                .map(e -> new Blocker(app, e.application(), tier(e.step()), e.status(), e.message()));
    }

    private String tier(int step) {
        String name = step <= tiers.size() ? tiers.get(step - 1) : "";
        return name.isBlank() ? "step " + step : name;
    }
}

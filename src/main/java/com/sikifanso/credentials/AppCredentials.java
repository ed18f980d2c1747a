package com.sikifanso.credentials;

import com.sikifanso.catalog.SourceNames;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Suggestion;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.catalog.CatalogEntry;
import com.sikifanso.catalog.CredentialSpec;
import com.sikifanso.kube.KubeClients;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.ApplicationSets;
import com.sikifanso.gitops.ClusterRepos;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.SessionStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Per-cluster credentials of catalog apps: generated once into the {@link CredentialStore}, and
 * created as labelled Secrets in the apps' namespaces when the cluster runs (never overwritten,
 * except by {@link #rotate}). Consumers get copies of their producers' Secrets. Nothing here
 * touches the GitOps repo: the values never reach git.
 */
public final class AppCredentials {
    private final SessionStore sessions;
    private final ClusterRepos repos;
    private final CredentialStore store;
    private final KubeClients clients;
    private final Rollouts rollouts;
    private final CredentialValues values = new CredentialValues();

    public AppCredentials(SessionStore sessions, ClusterRepos repos, CredentialStore store, KubeClients clients,
                          java.time.Clock clock, java.time.Duration poll) {
        this.sessions = sessions;
        this.repos = repos;
        this.store = store;
        this.clients = clients;
        this.rollouts = new Rollouts(clock, poll);
    }

    /** What {@link #ensure} did; {@code applied} is false when the cluster was not running (values only). */
    public record Ensured(List<String> created, boolean applied) {
    }

    /** One Secret of an app with its values; {@code copiedFrom} names the producer's Secret for a copy. */
    public record AppSecret(String namespace, String name, String copiedFrom, Map<String, String> values) {
    }

    public record Shown(String app, List<AppSecret> secrets) {
    }

    /** What a rotation changed. No values: it is printed and returned over MCP. */
    public record Rotated(String app, List<String> rotated, List<String> kept, List<String> copiesUpdated,
                          List<String> restarted) {
    }

    /** A rotation, after moving entries still holding literal passwords to generated Secrets ({@code commit}). */
    public record Rotation(Rotated rotated, List<String> migrated, String commit) {
    }

    /** Shows {@code app}'s credentials in {@code cluster}, as its catalog declares them. */
    public Shown show(ClusterName cluster, String app) {
        return show(cluster, Catalog.load(repos.open(cluster).dir()), SourceNames.requireApp(app));
    }

    /**
     * Rotates {@code app}'s credentials under the cluster's lock; entries of an older template that
     * still hold literal passwords move to the generated Secrets first, in one commit.
     */
    public Rotation rotate(ClusterName cluster, String requested) {
        String app = SourceNames.requireApp(requested);
        return repos.mutate(cluster, ApplicationSets.CATALOG, repo -> {
            if (sessions.load(cluster).state() != ClusterState.RUNNING) {
                throw notRunning(cluster, app);
            }
            Catalog before = Catalog.load(repo.dir());
            requireEnabled(cluster, before.get(app));
            // Checked before anything is committed: an older template's entry may get its credentials only now.
            if (!LegacyCredentials.declaresCredentials(before.get(app))) {
                throw noCredentials(before, app);
            }
            LegacyCredentials.Migration migration = LegacyCredentials.migrate(repo, before);
            Catalog catalog = Catalog.load(repo.dir());
            if (!migration.apps().isEmpty()) {
                ensure(cluster, catalog, migration.apps().stream().filter(a -> catalog.get(a).enabled()).toList());
            }
            return new Rotation(rotate(cluster, catalog, app), migration.apps(), migration.commit().orElse(null));
        });
    }

    private static void requireEnabled(ClusterName cluster, CatalogEntry entry) {
        if (!entry.enabled()) {
            throw SikifansoException.failure(entry.name() + " is not enabled in cluster \"" + cluster + "\"",
                    "its credentials are generated when it is enabled: ", Suggestion.of("app", "enable")
                            .arg("names", entry.name()));
        }
    }

    private static SikifansoException notRunning(ClusterName cluster, String app) {
        return SikifansoException.failure("cluster \"" + cluster + "\" is not running, so " + app
                + "'s Secrets cannot be rewritten", "start it first: ", Suggestion.of("cluster", "start")
                .arg("cluster", cluster));
    }

    /**
     * Generates what {@code apps} (and the apps they copy from) lack, and, when the cluster runs,
     * creates their Secrets that do not exist yet. The caller holds the cluster's lock.
     */
    public Ensured ensure(ClusterName cluster, Catalog catalog, List<String> apps) {
        List<CatalogEntry> entries = withProducers(catalog, apps);
        var all = store.load(cluster);
        if (generateMissing(all, entries)) {
            store.save(cluster, all);
        }
        if (sessions.load(cluster).state() != ClusterState.RUNNING || entries.isEmpty()) {
            return new Ensured(List.of(), false);
        }
        List<String> created = new ArrayList<>();
        onCluster(cluster, "create the credentials of " + String.join(", ", apps), kube -> {
            ClusterSecrets secrets = new ClusterSecrets(kube);
            for (CatalogEntry entry : entries) {
                for (CredentialSpec spec : entry.credentials()) {
                    if (secrets.createIfAbsent(entry.namespace(), entry.name(), spec.secret(), spec.type(),
                            resolve(all, entry, spec))) {
                        created.add(entry.namespace() + "/" + spec.secret());
                    }
                }
            }
        });
        return new Ensured(created, true);
    }

    /** The app's credentials as generated for this cluster (shown only when a user asks). */
    public Shown show(ClusterName cluster, Catalog catalog, String app) {
        CatalogEntry entry = withCredentials(catalog, app);
        var all = store.load(cluster);
        boolean generated = entry.credentials().stream().allMatch(spec -> spec.isCopy()
                ? all.getOrDefault(spec.copyFrom().app(), new TreeMap<>()).containsKey(spec.copyFrom().secret())
                : all.getOrDefault(app, new TreeMap<>()).containsKey(spec.secret()));
        if (!generated) {
            throw SikifansoException.failure("no credentials were generated for " + app + " in cluster \"" + cluster
                    + "\" yet", "they are generated when it is enabled: ", Suggestion.of("app", "enable").arg("names", app));
        }
        List<AppSecret> secrets = new ArrayList<>();
        for (CredentialSpec spec : entry.credentials()) {
            String from = spec.isCopy() ? spec.copyFrom().app() + ":" + spec.copyFrom().secret() : null;
            secrets.add(new AppSecret(entry.namespace(), spec.secret(), from, new TreeMap<>(resolve(all, entry,
                    spec))));
        }
        return new Shown(app, secrets);
    }

    /**
     * New values for every generated key of {@code app} but those it keeps, written over its Secrets
     * and over its consumers' copies; then the app's and the consumers' workloads restart. The
     * caller holds the cluster's lock; the cluster must run.
     */
    Rotated rotate(ClusterName cluster, Catalog catalog, String app) {
        CatalogEntry entry = withCredentials(catalog, app);
        List<CredentialSpec> own = entry.credentials().stream().filter(s -> !s.isCopy()).toList();
        if (own.isEmpty()) {
            String producers = String.join(", ", entry.credentials().stream().map(s -> s.copyFrom().app())
                    .distinct().toList());
            throw SikifansoException.failure(app + "'s credentials are copies of " + producers + "'s",
                    "rotate those instead: ", Suggestion.of("app", "rotate-credentials")
                            .arg("name", producers.split(", ")[0]));
        }
        if (sessions.load(cluster).state() != ClusterState.RUNNING) {
            throw notRunning(cluster, app);
        }
        requireEnabled(cluster, entry);
        List<CatalogEntry> consumers = catalog.entries().stream().filter(CatalogEntry::enabled)
                .filter(e -> !e.name().equals(app))
                .filter(e -> e.credentials().stream().anyMatch(s -> s.isCopy() && s.copyFrom().app().equals(app)))
                .toList();
        var all = store.load(cluster);
        List<CatalogEntry> involved = new ArrayList<>(consumers);
        involved.add(entry);
        generateMissing(all, withProducers(catalog, involved.stream().map(CatalogEntry::name).toList()));
        List<String> kept = regenerate(all, entry, own);
        store.save(cluster, all);
        List<String> rotated = new ArrayList<>();
        List<String> copies = new ArrayList<>();
        List<String> restarted = new ArrayList<>();
        onCluster(cluster, "rotate the credentials of " + app, kube -> {
            ClusterSecrets secrets = new ClusterSecrets(kube);
            for (CredentialSpec spec : own) {
                secrets.replace(entry.namespace(), app, spec.secret(), spec.type(), resolve(all, entry, spec));
                rotated.add(entry.namespace() + "/" + spec.secret());
            }
            for (CatalogEntry consumer : consumers) {
                for (CredentialSpec spec : consumer.credentials()) {
                    if (spec.isCopy() && spec.copyFrom().app().equals(app)) {
                        secrets.replace(consumer.namespace(), consumer.name(), spec.secret(), spec.type(),
                                resolve(all, consumer, spec));
                        copies.add(consumer.namespace() + "/" + spec.secret());
                    }
                }
            }
            for (CatalogEntry e : involved) {
                rollouts.restart(kube, e.namespace(), e.name()).forEach(w -> restarted.add(w.toString()));
            }
        });
        return new Rotated(app, rotated, kept, copies, restarted);
    }

    /** Waits until what {@link #rotate} restarted has rolled out. */
    public void awaitRestarted(ClusterName cluster, Rotated rotated, java.time.Duration timeout,
                               Consumer<String> progress) {
        List<Rollouts.Workload> workloads = rotated.restarted().stream().map(AppCredentials::workload).toList();
        if (!workloads.isEmpty()) {
            onCluster(cluster, "follow the restarted workloads", kube -> rollouts.await(kube, workloads, timeout,
                    progress));
        }
    }

    private static Rollouts.Workload workload(String text) {
        String[] kindAndRef = text.split(" ", 2);
        String[] ref = kindAndRef[1].split("/", 2);
        return new Rollouts.Workload(kindAndRef[0], ref[0], ref[1]);
    }

    private List<String> regenerate(Map<String, TreeMap<String, TreeMap<String, String>>> all, CatalogEntry entry,
                                    List<CredentialSpec> own) {
        List<String> kept = new ArrayList<>();
        for (CredentialSpec spec : own) {
            TreeMap<String, String> current = all.get(entry.name()).get(spec.secret());
            spec.data().forEach((key, template) -> {
                if (!spec.generated(key)) {
                    return;
                }
                if (spec.keep().contains(key)) {
                    kept.add(spec.secret() + "/" + key);
                } else {
                    current.put(key, values.fill(template));
                }
            });
        }
        return kept;
    }

    private boolean generateMissing(Map<String, TreeMap<String, TreeMap<String, String>>> all,
                                    List<CatalogEntry> entries) {
        boolean changed = false;
        for (CatalogEntry entry : entries) {
            for (CredentialSpec spec : entry.credentials()) {
                if (spec.isCopy()) {
                    continue;
                }
                TreeMap<String, String> secret = all.computeIfAbsent(entry.name(), k -> new TreeMap<>())
                        .computeIfAbsent(spec.secret(), k -> new TreeMap<>());
                for (Map.Entry<String, String> key : spec.data().entrySet()) {
                    if (!secret.containsKey(key.getKey())) {
                        secret.put(key.getKey(), values.fill(key.getValue()));
                        changed = true;
                    }
                }
            }
        }
        return changed;
    }

    /** The values a Secret of {@code entry} holds: its own, or the producer's keys for a copy. */
    private static Map<String, String> resolve(Map<String, TreeMap<String, TreeMap<String, String>>> all,
                                               CatalogEntry entry, CredentialSpec spec) {
        if (!spec.isCopy()) {
            return all.getOrDefault(entry.name(), new TreeMap<>()).getOrDefault(spec.secret(), new TreeMap<>());
        }
        CredentialSpec.Copy copy = spec.copyFrom();
        Map<String, String> source = all.getOrDefault(copy.app(), new TreeMap<>()).get(copy.secret());
        Map<String, String> copied = new LinkedHashMap<>();
        copy.keys().forEach((target, value) -> {
            for (String key : CredentialSpec.Copy.sourceKeys(value)) {
                if (source == null || !source.containsKey(key)) {
                    throw SikifansoException.failure(entry.name() + "'s Secret " + spec.secret() + " copies key " + key
                                    + " of " + copy.app() + "'s Secret " + copy.secret() + ", which declares no such key",
                            "fix the credentials: section of catalog/" + entry.name() + ".yaml or catalog/" + copy.app()
                                    + ".yaml");
                }
            }
            copied.put(target, CredentialSpec.Copy.fill(value, source));
        });
        return copied;
    }

    /** The apps with, before each, the apps it copies Secrets from (transitively), each once. */
    private static List<CatalogEntry> withProducers(Catalog catalog, List<String> apps) {
        Map<String, CatalogEntry> ordered = new LinkedHashMap<>();
        apps.forEach(a -> addWithProducers(catalog, catalog.get(a), ordered, new ArrayList<>()));
        return List.copyOf(ordered.values());
    }

    private static void addWithProducers(Catalog catalog, CatalogEntry entry, Map<String, CatalogEntry> ordered,
                                         List<String> path) {
        if (ordered.containsKey(entry.name()) || path.contains(entry.name())) {
            return;
        }
        path.add(entry.name());
        for (CredentialSpec spec : entry.credentials()) {
            if (spec.isCopy()) {
                addWithProducers(catalog, catalog.get(spec.copyFrom().app()), ordered, path);
            }
        }
        ordered.put(entry.name(), entry);
    }

    private static CatalogEntry withCredentials(Catalog catalog, String app) {
        CatalogEntry entry = catalog.get(app);
        if (entry.credentials().isEmpty()) {
            throw noCredentials(catalog, app);
        }
        return entry;
    }

    private static SikifansoException noCredentials(Catalog catalog, String app) {
        List<String> with = catalog.entries().stream().filter(e -> !e.credentials().isEmpty())
                .map(CatalogEntry::name).sorted().toList();
        return SikifansoException.failure(app + " has no generated credentials",
                "apps with credentials: " + String.join(", ", with));
    }

    private void onCluster(ClusterName cluster, String what, Consumer<KubernetesClient> action) {
        try (KubernetesClient kube = clients.forCluster(cluster)) {
            action.accept(kube);
        } catch (KubernetesClientException e) {
            throw SikifansoException.failure("cannot " + what + " in cluster \"" + cluster + "\": "
                            + e.getMessage(),
                    "check that it is running (", Suggestion.of("cluster", "start").arg("cluster", cluster),
                    "), then run the command again", e);
        }
    }
}

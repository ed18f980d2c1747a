package com.sikifanso.catalog;

import com.sikifanso.core.CommitId;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.Names;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.ApplicationSets;
import com.sikifanso.gitops.ClusterRepos;
import com.sikifanso.gitops.GitOpsRepo;
import com.sikifanso.gitops.PendingSync;
import com.sikifanso.gitops.RepoChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Catalog apps, profiles and custom apps of one cluster: every change is one commit. */
public final class AppService {
    private final ClusterRepos repos;
    private final Profiles profiles;
    private final CredentialProvisioning credentials;
    private final SourcedEntries sources;
    private final GpuRequirement gpus;

    /**
     * {@code sources}: entries of catalog sources, enabled into a cluster's repo on first use; {@code gpus}: what
     * refuses an app needing a GPU on nodes made without one.
     */
    public AppService(ClusterRepos repos, Profiles profiles, CredentialProvisioning credentials,
                      SourcedEntries sources, GpuRequirement gpus) {
        this.repos = repos;
        this.profiles = profiles;
        this.credentials = credentials;
        this.sources = sources;
        this.gpus = gpus;
    }

    /**
     * The repo's catalog with the entries of catalog sources it does not hold yet (disabled), so an entry of a
     * source is enabled, and resolves its dependencies, as a built-in one does; for a change made under the repo's
     * lock.
     */
    public Catalog catalog(GitOpsRepo repo) {
        Catalog own = Catalog.load(repo.dir());
        List<CatalogEntry> all = new ArrayList<>(own.entries());
        sourcedNotIn(own).forEach(s -> all.add(s.entry()));
        return new Catalog(all);
    }

    /** The entry of a catalog source added on this machine that the repo names {@code repoName}, at its pin. */
    public Optional<SourcedEntry> sourced(String repoName) {
        return sources.entries().stream().filter(s -> s.entry().name().equals(repoName)).findFirst();
    }

    private List<SourcedEntry> sourcedNotIn(Catalog own) {
        return sources.entries().stream().filter(s -> !own.contains(s.entry().name())).toList();
    }

    /** An entry's file with {@code enabled} set: the repo's, or for a source's entry not there yet, the source's. */
    private void writeEnabled(GitOpsRepo repo, RepoChange change, CatalogEntry entry, boolean enabled) {
        if (Files.exists(repo.dir().resolve(entry.file()))) {
            change.write(entry.file(), CatalogFile.withEnabled(entry.file(), repo.read(entry.file()), enabled));
            return;
        }
        SourcedEntry sourced = sourced(entry.name()).orElseThrow(() -> new IllegalStateException(entry.name() + " has no file"));
        change.write(entry.file(), sourced.text(enabled)).write(entry.valuesFile(), sourced.values());
    }

    /**
     * What enabling {@code requested} turns on in {@code cluster}: them and what they depend on. Every change that
     * enables catalog apps asks here (this service's, a profile bundle's, a lock's), under the repo's lock and before
     * it writes, so one that the cluster's nodes cannot run is refused whatever called it.
     */
    public DependencyGraph.Resolution enabling(ClusterName cluster, Catalog catalog, List<String> requested) {
        DependencyGraph.Resolution resolution = catalog.dependencies().resolve(requested);
        gpus.check(cluster, resolution.ordered());
        return resolution;
    }

    private static List<String> inRepo(List<String> names) {
        return names.stream().map(SourceNames::requireApp).toList();
    }

    /** One row of {@code app list}. */
    public record AppRow(String name, String category, String chart, String version, String namespace,
                         String source, boolean enabled) {
    }

    /** What a toggle did; {@code commit} is empty when nothing had to change. */
    /** @param pendingSync what the commit must bring about in the cluster; empty when nothing changed */
    public record ToggleResult(List<String> requested, List<String> changed, List<String> autoEnabled,
                               Optional<String> commit,
                               @JsonIgnore Optional<PendingSync> pendingSync) implements PendingSync.Carrier {
        static ToggleResult unchanged(List<String> requested) {
            return new ToggleResult(requested, List.of(), List.of(), Optional.empty(), Optional.empty());
        }
    }

    /**
     * What one commit of several catalog changes did; {@code commit} is empty when nothing had to change.
     * @param pendingSync what was enabled must appear in Argo CD (what was disabled is not waited for)
     */
    public record ChangeResult(List<String> enabled, List<String> autoEnabled, List<String> disabled,
                               Optional<String> commit,
                               @JsonIgnore Optional<PendingSync> pendingSync) implements PendingSync.Carrier {
    }

    /** @param pendingSync the app must appear in Argo CD, healthy */
    public record AddResult(CustomApp app, String commit,
                            @JsonIgnore Optional<PendingSync> pendingSync) implements PendingSync.Carrier {
    }

    public List<AppRow> list(ClusterName cluster, boolean all) {
        GitOpsRepo repo = repos.open(cluster);
        List<AppRow> rows = new ArrayList<>();
        for (CustomApp app : CustomApps.load(repo.dir())) {
            rows.add(new AppRow(app.name(), "custom", app.chart(), app.targetRevision(), app.namespace(), "custom",
                    true));
        }
        for (CatalogEntry e : catalog(repo).entries()) {
            if (all || e.enabled()) {
                rows.add(new AppRow(SourceNames.shown(e.name()), e.category(), e.chart(), e.targetRevision(),
                        e.namespace(), SourceNames.source(e.name()).orElse("catalog"), e.enabled()));
            }
        }
        return rows;
    }

    /** The cluster's catalog with the entries of catalog sources it can enable. */
    public Catalog catalog(ClusterName cluster) {
        return catalog(repos.open(cluster));
    }

    public ToggleResult enable(ClusterName cluster, List<String> requested) {
        List<String> names = inRepo(requested);
        return repos.mutate(cluster, ApplicationSets.CATALOG, repo -> {
            Catalog catalog = catalog(repo);
            names.forEach(catalog::get);
            String message = "catalog: enable " + String.join(", ", names);
            return enableResolved(cluster, repo, catalog, names, message);
        });
    }

    /** Enables the union of the named profiles' apps (validated before anything is written). */
    public ToggleResult enableProfiles(ClusterName cluster, ProfileSelection selection) {
        List<Profile> chosen = profiles.resolve(selection);
        List<String> apps = Profiles.apps(chosen);
        return repos.mutate(cluster, ApplicationSets.CATALOG, repo -> {
            Catalog catalog = catalog(repo);
            List<String> missing = apps.stream().filter(a -> !catalog.contains(a)).toList();
            if (!missing.isEmpty()) {
                throw SikifansoException.failure("profile " + selection + " needs apps this cluster's catalog "
                                + "lacks: " + String.join(", ", missing),
                        "add them to catalog/ in the GitOps repo, or pick another profile (",
                        Suggestion.of("cluster", "profiles"), ")");
            }
            String names = String.join(",", chosen.stream().map(Profile::name).toList());
            return enableResolved(cluster, repo, catalog, apps, "profile " + names + ": enable " + String.join(", ", apps));
        });
    }

    private ToggleResult enableResolved(ClusterName cluster, GitOpsRepo repo, Catalog catalog, List<String> requested,
                                        String message) {
        DependencyGraph.Resolution resolution = enabling(cluster, catalog, requested);
        List<String> changed = resolution.ordered().stream().filter(n -> !catalog.get(n).enabled()).toList();
        List<String> autoEnabled = resolution.added().stream().filter(changed::contains).toList();
        if (!autoEnabled.isEmpty()) {
            message += " (auto-enabled dependencies: " + String.join(", ", autoEnabled) + ")";
        }
        RepoChange change = new RepoChange(message);
        for (String name : changed) {
            writeEnabled(repo, change, catalog.get(name), true);
        }
        if (!changed.isEmpty()) {
            credentials.provision(cluster, catalog, changed);
        }
        Optional<CommitId> commit = repo.apply(change);
        return new ToggleResult(requested, changed, autoEnabled, commit.map(CommitId::value), commit.map(c -> new PendingSync(cluster, c,
                List.of(SyncTargets.catalogAppsAppear(catalog, changed)))));
    }

    /**
     * Gives every enabled app its credentials (Secrets that exist are left alone): for a cluster
     * that has just come up, and again at each start in case one was deleted.
     */
    public void provisionCredentials(ClusterName cluster) {
        Catalog catalog = catalog(cluster);
        List<String> enabled = catalog.entries().stream().filter(CatalogEntry::enabled).map(CatalogEntry::name)
                .toList();
        if (!enabled.isEmpty()) {
            credentials.provision(cluster, catalog, enabled);
        }
    }

    public ToggleResult disable(ClusterName cluster, String requested, boolean force) {
        String name = inRepo(List.of(requested)).get(0);
        return repos.mutate(cluster, ApplicationSets.CATALOG, repo -> {
            Catalog catalog = Catalog.load(repo.dir());
            CatalogEntry entry = catalog.get(name);
            if (!entry.enabled()) {
                return ToggleResult.unchanged(List.of(name));
            }
            List<String> dependents = catalog.dependencies().enabledDependents(name);
            if (!dependents.isEmpty() && !force) {
                throw SikifansoException.failure("cannot disable " + name + ": enabled apps depend on it: "
                                + String.join(", ", dependents),
                        "disable those first, or use ", Suggestion.of("app", "disable").arg("name", name).flag("force")
                                .mention(), " to disable " + name + " anyway (they may break)");
            }
            RepoChange change = new RepoChange("catalog: disable " + name
                    + (dependents.isEmpty() ? "" : " (forced; still enabled: " + String.join(", ", dependents) + ")"))
                    .write(entry.file(), CatalogFile.withEnabled(entry.file(), repo.read(entry.file()), false));
            Optional<CommitId> commit = repo.apply(change);
            return new ToggleResult(List.of(name), List.of(name), List.of(), commit.map(CommitId::value), commit.map(c -> new PendingSync(
                    cluster, c, List.of(SyncTargets.catalogAppDisappears(catalog, name)))));
        });
    }

    /**
     * Enables and disables catalog apps in one commit, as the catalog browser stages them: what the enabled apps
     * need is enabled too, and a disable that an app still enabled afterwards depends on is refused (no force).
     */
    public ChangeResult change(ClusterName cluster, List<String> enableRequested, List<String> disableRequested) {
        List<String> enable = inRepo(enableRequested);
        List<String> disable = inRepo(disableRequested);
        List<String> both = enable.stream().filter(disable::contains).toList();
        if (!both.isEmpty()) {
            throw SikifansoException.usage("asked to enable and disable " + String.join(", ", both),
                    "name each app in one of the two lists");
        }
        return repos.mutate(cluster, ApplicationSets.CATALOG, repo -> {
            Catalog catalog = catalog(repo);
            enable.forEach(catalog::get);
            disable.forEach(catalog::get);
            DependencyGraph.Resolution resolution = enabling(cluster, catalog, enable);
            List<String> toEnable = resolution.ordered().stream().filter(n -> !catalog.get(n).enabled()).toList();
            List<String> toDisable = disable.stream().filter(n -> catalog.get(n).enabled()).sorted().toList();
            requireNoDependents(catalog, resolution.ordered(), disable);
            List<String> autoEnabled = resolution.added().stream().filter(toEnable::contains).toList();
            RepoChange change = new RepoChange(changeMessage(toEnable, toDisable, autoEnabled));
            toEnable.forEach(n -> writeEnabled(repo, change, catalog.get(n), true));
            toDisable.forEach(n -> writeEnabled(repo, change, catalog.get(n), false));
            if (!toEnable.isEmpty()) {
                credentials.provision(cluster, catalog, toEnable);
            }
            Optional<CommitId> commit = toEnable.isEmpty() && toDisable.isEmpty() ? Optional.empty()
                    : repo.apply(change);
            List<com.sikifanso.gitops.SyncTarget> targets = toEnable.isEmpty() ? List.of()
                    : List.of(SyncTargets.catalogAppsAppear(catalog, toEnable));
            return new ChangeResult(toEnable, autoEnabled, toDisable, commit.map(CommitId::value),
                    commit.map(c -> new PendingSync(cluster, c, targets)));
        });
    }

    /** Refuses to disable an app that one enabled after the change (still, or newly) depends on. */
    private static void requireNoDependents(Catalog catalog, List<String> enabling, List<String> disabling) {
        for (String name : disabling) {
            List<String> dependents = catalog.entries().stream()
                    .filter(e -> (e.enabled() && !disabling.contains(e.name())) || enabling.contains(e.name()))
                    .filter(e -> e.dependsOn().contains(name)).map(CatalogEntry::name).sorted().toList();
            if (!dependents.isEmpty()) {
                throw SikifansoException.failure("cannot disable " + name + ": apps enabled after this change "
                                + "depend on it: " + String.join(", ", dependents),
                        "disable those too, or keep " + name + " (", Suggestion.of("app", "disable").flag("force")
                                .arg("name", name), " disables it anyway)");
            }
        }
    }

    private static String changeMessage(List<String> enabled, List<String> disabled, List<String> autoEnabled) {
        List<String> parts = new ArrayList<>();
        if (!enabled.isEmpty()) {
            parts.add("enable " + String.join(", ", enabled));
        }
        if (!disabled.isEmpty()) {
            parts.add("disable " + String.join(", ", disabled));
        }
        return "catalog: " + String.join("; ", parts)
                + (autoEnabled.isEmpty() ? "" : " (auto-enabled dependencies: " + String.join(", ", autoEnabled) + ")");
    }

    /** Adds a custom Helm app; {@code valuesFile} (optional) becomes its values. */
    public AddResult add(ClusterName cluster, CustomApp app, Path valuesFile) {
        return add(cluster, app, valuesFile == null ? null : readFile(valuesFile), valuesFile == null ? null
                : "values file " + valuesFile);
    }

    /** Adds a custom Helm app with {@code valuesYaml} (optional) as its values, e.g. from an MCP client. */
    public AddResult addWithValues(ClusterName cluster, CustomApp app, String valuesYaml) {
        return add(cluster, app, valuesYaml, "values");
    }

    private AddResult add(ClusterName cluster, CustomApp app, String valuesYaml, String valuesSource) {
        String values = checkedCustomApp(app, valuesYaml, valuesSource);
        return repos.mutate(cluster, ApplicationSets.CUSTOM_APPS, repo -> {
            ApplicationNames.requireUnused(repo.dir(), Catalog.load(repo.dir()), app.name());
            RepoChange change = new RepoChange("app: add " + app.name() + " (" + app.chart() + " "
                    + app.targetRevision() + " from " + app.repoURL() + ")")
                    .write(app.file(), CustomAppFile.render(app))
                    .write(app.valuesFile(), values);
            CommitId commit = repo.apply(change).orElseThrow();
            return new AddResult(app, commit.value(), Optional.of(new PendingSync(cluster, commit,
                    List.of(SyncTargets.appears(app.name())))));
        });
    }

    /**
     * Checks a custom app as {@code app add} does (names, namespace, chart coordinates, values a YAML mapping of at
     * most 1 MiB) and returns the text of its values file; for every path that writes one (a profile bundle too).
     */
    public static String checkedCustomApp(CustomApp app, String valuesYaml, String valuesSource) {
        ApplicationNames.requireNotReserved("app", Names.requireLabel("app", app.name()));
        ApplicationNames.requireAppNamespace(Names.requireLabel("namespace", app.namespace()));
        requireText(ChartReference.APP_ADD.repo(), app.repoURL(), "the Helm repository URL, e.g. https://stefanprodan.github.io/podinfo");
        requireText(ChartReference.APP_ADD.chart(), app.chart(), "the chart's name in that repository");
        requireText(ChartReference.APP_ADD.version(), app.targetRevision(), "a chart version, e.g. 6.10.1, or * for the latest");
        ChartReference.require(app.repoURL(), app.chart(), app.targetRevision());
        return valuesYaml == null ? "# Helm values for " + app.name() + "\n" : requireMapping(valuesYaml, valuesSource);
    }

    /** Removes a custom app in one commit: what it must bring about is the app gone from Argo CD. */
    public PendingSync remove(ClusterName cluster, String name) {
        Names.requireLabel("app", name);
        return repos.mutate(cluster, ApplicationSets.CUSTOM_APPS, repo -> {
            CustomApp app = CustomApps.find(repo.dir(), name).orElseThrow(() -> notACustomApp(repo, name));
            RepoChange change = new RepoChange("app: remove " + name).delete(app.file()).delete(app.valuesFile());
            return new PendingSync(cluster, repo.apply(change).orElseThrow(), List.of(SyncTargets.disappears(name)));
        });
    }

    private static SikifansoException notACustomApp(GitOpsRepo repo, String name) {
        if (Catalog.load(repo.dir()).contains(name)) {
            return SikifansoException.failure("\"" + name + "\" is a catalog app, not a custom app",
                    "turn it off with: ", Suggestion.of("app", "disable").arg("name", name));
        }
        List<String> custom = ApplicationNames.yamlNames(repo.dir().resolve(CustomApp.COORDINATES_DIR));
        return SikifansoException.failure("no custom app named \"" + name + "\"",
                custom.isEmpty() ? Hint.of("there are no custom apps; add one with: ", Suggestion.of("app", "add"))
                        : "custom apps: " + String.join(", ", custom));
    }

    private static void requireText(Object field, String value, String what) {
        if (value == null || value.isBlank()) {
            throw SikifansoException.usage(Hint.of("missing ", field), field, " is " + what);
        }
    }

    /** Helm values for one app are a few KiB; a bigger file is a mistake, and parsing it would take long. */
    static final int MAX_VALUES_BYTES = 1 << 20;

    private static String readFile(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw SikifansoException.usage("values file " + file + " is a directory",
                        "give --values the path of a YAML file of Helm values");
            }
            byte[] bytes = LocalFiles.readAtMost(file, MAX_VALUES_BYTES).orElseThrow(() -> tooLarge(
                    "values file " + file));
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw SikifansoException.usage("values file " + file + " does not exist",
                    "give --values the path of a YAML file of Helm values");
        } catch (IOException e) {
            throw SikifansoException.usage("cannot read values file " + file + ": " + e.getMessage(),
                    "give --values a readable YAML file");
        }
    }

    private static SikifansoException tooLarge(String source) {
        return SikifansoException.usage(source + " is larger than " + (MAX_VALUES_BYTES >> 20) + " MiB",
                "Helm values for one app are a few KiB: check that it is the right file");
    }

    private static String requireMapping(String text, String source) {
        if (text.length() > MAX_VALUES_BYTES
                || text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_VALUES_BYTES) {
            throw tooLarge(source);
        }
        try {
            Object parsed = com.sikifanso.core.Mappers.YAML.readValue(text, Object.class);
            if (parsed != null && !(parsed instanceof java.util.Map)) {
                throw SikifansoException.usage(source + " is not a YAML mapping",
                        "Helm values are a mapping of keys, e.g. replicaCount: 1");
            }
        } catch (IOException e) {
            throw SikifansoException.usage(source + " is not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""), "fix it and run the command again");
        }
        return text;
    }
}

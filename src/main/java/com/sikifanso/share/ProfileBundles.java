package com.sikifanso.share;

import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.databind.JsonNode;
import com.sikifanso.agents.AgentService;
import com.sikifanso.agents.AgentValues;
import com.sikifanso.catalog.AppService;
import com.sikifanso.catalog.ApplicationNames;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.catalog.CatalogEntry;
import com.sikifanso.catalog.CatalogFile;
import com.sikifanso.catalog.ChartReference;
import com.sikifanso.catalog.CustomApp;
import com.sikifanso.catalog.CustomAppFile;
import com.sikifanso.catalog.CustomApps;
import com.sikifanso.catalog.DependencyGraph;
import com.sikifanso.catalog.SourceNames;
import com.sikifanso.catalog.SourcedEntry;
import com.sikifanso.catalog.SyncTargets;
import com.sikifanso.clusterfile.ClusterFile;
import com.sikifanso.clusterfile.ClusterFiles;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.CommitId;
import com.sikifanso.core.Hint;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.Names;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.ApplicationSets;
import com.sikifanso.gitops.ClusterRepos;
import com.sikifanso.gitops.GitOpsRepo;
import com.sikifanso.gitops.PendingSync;
import com.sikifanso.gitops.RepoChange;
import com.sikifanso.gitops.SyncTarget;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Profile bundles made from a cluster ({@code profile export}) and applied to one ({@code profile apply}): the
 * whole bundle is checked against the cluster's repo first (apps its catalog has, chart versions, custom apps and
 * agents as their own commands check them) and then written as one commit, or not at all.
 */
public final class ProfileBundles {
    private static final String BUILT_IN_VALUES = "/bootstrap/catalog/values/";

    private final ClusterRepos repos;
    private final ClusterFiles clusterFiles;
    private final AppService apps;
    private final CatalogSources sources;

    public ProfileBundles(ClusterRepos repos, ClusterFiles clusterFiles, AppService apps, CatalogSources sources) {
        this.repos = repos;
        this.clusterFiles = clusterFiles;
        this.apps = apps;
        this.sources = sources;
    }

    /** What applying a bundle changed; {@code commit} is empty when the cluster already had all of it. */
    public record Applied(String bundle, String digest, List<String> enabled, List<String> autoEnabled,
                          List<String> pinned, List<String> valuesSet, List<String> customApps, List<String> agents,
                          Optional<String> commit,
                          @com.fasterxml.jackson.annotation.JsonIgnore Optional<PendingSync> pendingSync)
            implements PendingSync.Carrier {
    }

    /**
     * The bundle of {@code cluster} as its repo is now: the catalog apps enabled with their chart versions and the
     * values that differ from the built-in catalog's, its custom apps with their values, its agents.
     */
    public ProfileBundle export(ClusterName cluster, String name, String description) {
        Names.requireLabel("profile bundle", name);
        GitOpsRepo repo = repos.open(cluster);
        List<ProfileBundle.App> enabled = new ArrayList<>();
        Map<String, ProfileBundle.Source> from = new LinkedHashMap<>();
        for (CatalogEntry e : Catalog.load(repo.dir()).entries()) {
            if (e.enabled()) {
                enabled.add(new ProfileBundle.App(SourceNames.shown(e.name()), e.targetRevision(), changedValues(repo, e)));
                SourceNames.source(e.name()).filter(s -> !from.containsKey(s))
                        .flatMap(s -> pinnedSource(s, repo.read(e.file()))).ifPresent(s -> from.put(s.name(), s));
            }
        }
        ClusterFile file = clusterFiles.describe(cluster);
        return new ProfileBundle(DocumentKind.API_VERSION, DocumentKind.PROFILE_BUNDLE.kind(),
                new ProfileBundle.Metadata(name, description, cluster.value() + "@" + CommitId.shortOf(repo.head())),
                List.copyOf(from.values()), enabled, file.customApps(), file.agents(), null).withContentDigest();
    }

    /**
     * Where an entry of {@code source} came from, as a reference that fetches exactly that pin: the source's reference
     * as added here, at the pin the entry's file names. Empty when the source is no longer added here or the file no
     * longer says its pin: the bundle then names the source only, as bundles did before.
     */
    private Optional<ProfileBundle.Source> pinnedSource(String source, String entryFile) {
        Optional<CatalogSource> added = sources.list().stream().filter(s -> s.name().equals(source)).findFirst();
        return added.flatMap(s -> SourcedEntry.pinOf(source, entryFile).map(pin ->
                new ProfileBundle.Source(source, pin, CatalogSource.pinned(ShareRef.parse(s.ref()), pin))));
    }

    /** Applies {@code bundle} (read from {@code source}) to {@code cluster} in one commit. */
    public Applied apply(ClusterName cluster, ProfileBundle bundle, String source) {
        requireIntact(bundle, source);
        Applied applied = repos.mutate(cluster, List.of(ApplicationSets.CATALOG, ApplicationSets.CUSTOM_APPS,
                ApplicationSets.AGENTS), repo -> write(cluster, repo, bundle, source));
        if (!applied.enabled().isEmpty()) {
            apps.provisionCredentials(cluster);
        }
        return applied;
    }

    private static void requireIntact(ProfileBundle bundle, String source) {
        if (bundle.name() == null) {
            throw SikifansoException.failure(source + " has no metadata.name", "give the bundle a name under"
                    + " metadata, or export it again: ", DocumentKind.PROFILE_BUNDLE.howToMake());
        }
        if (bundle.digest() != null && !bundle.digest().equals(bundle.contentDigest())) {
            throw SikifansoException.failure(source + ": its digest " + bundle.digest() + " does not match its"
                            + " content (" + bundle.contentDigest() + "): it was edited or damaged after export",
                    "export it again, or, if the edit is yours, delete the digest line to accept it");
        }
    }

    private Applied write(ClusterName cluster, GitOpsRepo repo, ProfileBundle bundle, String source) {
        Catalog catalog = apps.catalog(repo);
        List<String> requested = bundle.apps().stream().map(a -> SourceNames.requireApp(a.name())).toList();
        List<String> unknown = requested.stream().filter(n -> !catalog.contains(n)).toList();
        requireSourcesAdded(bundle, source, unknown);
        requireBundledPins(bundle, source, repo, catalog, requested);
        if (!unknown.isEmpty()) {
            throw SikifansoException.failure("profile bundle " + bundle.name() + " (" + source + ") names apps this "
                            + "cluster's catalog lacks: " + String.join(", ", unknown),
                    "add them to catalog/ in the GitOps repo (", Suggestion.of("app", "add"), " for a chart of your own), "
                            + "or remove them from the bundle's apps and delete its digest line");
        }
        DependencyGraph.Resolution resolution = apps.enabling(cluster, catalog, requested);
        Changes c = new Changes();
        for (String name : resolution.ordered()) {
            writeCatalogApp(repo, c, catalog.get(name), find(bundle, name));
        }
        List<String> autoEnabled = resolution.added().stream().filter(c.enabled::contains).toList();
        for (ClusterFile.CustomAppEntry app : bundle.customApps()) {
            writeCustomApp(repo, catalog, c, app);
        }
        for (ClusterFile.AgentEntry agent : bundle.agents()) {
            writeAgent(repo, catalog, c, agent);
        }
        String digest = bundle.contentDigest();
        Optional<CommitId> commit = c.change.isEmpty() ? Optional.empty()
                : repo.apply(c.withMessage("profile bundle " + bundle.name() + " (" + digest.substring(0, 19) + ")"));
        return new Applied(bundle.name(), digest, c.enabled, autoEnabled, c.pinned, c.valuesSet, c.customApps,
                c.agents, commit.map(CommitId::value), commit.map(id -> new PendingSync(cluster, id, c.targets(catalog))));
    }

    /**
     * A bundle's {@code SOURCE/app} the cluster's repo lacks comes from the catalog source added on this machine
     * under that name; with none, the bundle cannot say where to fetch it, so it is refused naming the source.
     */
    private static void requireSourcesAdded(ProfileBundle bundle, String source, List<String> unknown) {
        List<String> sources = unknown.stream().map(SourceNames::source).flatMap(Optional::stream).distinct().toList();
        if (!sources.isEmpty()) {
            Optional<ProfileBundle.Source> recorded = bundledSource(bundle, sources.get(0));
            throw SikifansoException.failure("profile bundle " + bundle.name() + " (" + source + ") names entries of "
                            + "catalog sources not added on this machine: " + String.join(", ", unknown.stream()
                            .filter(n -> SourceNames.source(n).isPresent()).map(SourceNames::shown).toList()),
                    "add the source " + String.join(", ", sources) + recorded.map(r -> " at the bundle's pin")
                            .orElse(" (from the reference its author shares)") + " with: ",
                    Suggestion.of("catalog", "source", "add").arg("name", sources.get(0))
                            .arg("reference", recorded.map(ProfileBundle.Source::reference).orElse("REF")),
                    ", then apply the bundle again");
        }
    }

    /**
     * An entry the cluster's repo lacks is written from the source added here; when the bundle records another pin of
     * that source, the entry could differ from the one exported (its chart, namespace, dependencies), so the bundle is
     * refused rather than applied as something else.
     */
    private void requireBundledPins(ProfileBundle bundle, String source, GitOpsRepo repo, Catalog catalog,
                                    List<String> requested) {
        for (ProfileBundle.Source wanted : bundle.sources()) {
            List<String> fresh = requested.stream()
                    .filter(n -> SourceNames.source(n).filter(wanted.name()::equals).isPresent())
                    .filter(n -> !repo.exists(catalog.get(n).file())).toList();
            Optional<CatalogSource> here = sources.list().stream().filter(s -> s.name().equals(wanted.name()))
                    .findFirst();
            if (fresh.isEmpty() || here.isEmpty() || here.get().pin().equals(wanted.pin())) {
                continue;
            }
            throw SikifansoException.failure("profile bundle " + bundle.name() + " (" + source + ") was made from "
                            + "catalog source " + wanted.name() + " at " + wanted.pin()
                            + ", and this machine has it at " + here.get().pin() + " ("
                            + String.join(", ", fresh.stream().map(SourceNames::shown).toList()) + ")",
                    "pin the source as the bundle does: ", Suggestion.of("catalog", "source", "remove")
                            .arg("name", wanted.name()), Hint.THEN, Suggestion.of("catalog", "source", "add")
                            .arg("name", wanted.name()).arg("reference", wanted.reference()),
                    " (clusters keep the entries they enabled); or, to take this machine's pin, delete the bundle's "
                            + "sources entry and its digest line");
        }
    }

    private static Optional<ProfileBundle.Source> bundledSource(ProfileBundle bundle, String name) {
        return bundle.sources().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static ProfileBundle.App find(ProfileBundle bundle, String name) {
        return bundle.apps().stream().filter(a -> SourceNames.inRepo(a.name()).equals(name)).findFirst().orElse(null);
    }

    private void writeCatalogApp(GitOpsRepo repo, Changes c, CatalogEntry entry, ProfileBundle.App wanted) {
        // A source's entry the repo lacks is written from the source as added here, at its pin, as app enable does.
        Optional<SourcedEntry> fresh = repo.exists(entry.file()) ? Optional.empty() : apps.sourced(entry.name());
        String text = fresh.map(s -> s.text(false)).orElseGet(() -> repo.read(entry.file()));
        boolean ownValues = wanted != null && wanted.values() != null;
        fresh.filter(s -> !ownValues).ifPresent(s -> c.change.write(entry.valuesFile(), s.values()));
        String updated = entry.enabled() ? text : CatalogFile.withEnabled(entry.file(), text, true);
        if (!entry.enabled()) {
            c.enabled.add(entry.name());
        }
        if (wanted != null && wanted.version() != null && !wanted.version().equals(entry.targetRevision())) {
            ChartReference.require(entry.repoURL(), entry.chart(), wanted.version());
            updated = CatalogFile.withTargetRevision(entry.file(), updated, wanted.version());
            c.pinned.add(entry.name() + "@" + wanted.version());
        }
        if (!updated.equals(text)) {
            c.change.write(entry.file(), updated);
        }
        if (wanted != null && wanted.values() != null) {
            String values = AppService.checkedCustomApp(new CustomApp(entry.name(), entry.repoURL(), entry.chart(),
                    entry.targetRevision(), entry.namespace()), yaml(wanted.values()), "values of " + entry.name());
            if (!repo.exists(entry.valuesFile()) || !values.equals(repo.read(entry.valuesFile()))) {
                c.change.write(entry.valuesFile(), values);
                c.valuesSet.add(entry.name());
            }
        }
    }

    private static void writeCustomApp(GitOpsRepo repo, Catalog catalog, Changes c, ClusterFile.CustomAppEntry e) {
        CustomApp app = new CustomApp(e.name(), e.repo(), e.chart(), e.version(), e.namespace());
        String values = AppService.checkedCustomApp(app, e.values() == null ? null : yaml(e.values()),
                "values of custom app " + e.name());
        boolean ours = CustomApps.find(repo.dir(), app.name()).isPresent();
        if (!ours) {
            ApplicationNames.requireUnused(repo.dir(), catalog, app.name());
        }
        String coordinates = CustomAppFile.render(app);
        if (ours && coordinates.equals(repo.read(app.file())) && values.equals(repo.read(app.valuesFile()))) {
            return;
        }
        c.change.write(app.file(), coordinates).write(app.valuesFile(), values);
        c.customApps.add(app.name());
    }

    private static void writeAgent(GitOpsRepo repo, Catalog catalog, Changes c, ClusterFile.AgentEntry a) {
        String name = ApplicationNames.requireNotReserved("agent", com.sikifanso.agents.AgentSandbox
                .requireName(a.name()));
        boolean ours = repo.exists(ApplicationNames.AGENTS_DIR + "/" + name + ".yaml");
        if (!ours) {
            ApplicationNames.requireUnused(repo.dir(), catalog, name);
        }
        AgentValues values = AgentService.checkedValues(repo, catalog, name, a.spec());
        String valuesFile = ApplicationNames.AGENTS_DIR + "/values/" + name + ".yaml";
        if (ours && repo.exists(valuesFile) && Objects.equals(repo.read(valuesFile), yaml(values))) {
            return;
        }
        AgentService.writeSandbox(c.change, name, values);
        c.agents.add(name);
        if (!ours) {
            c.newAgents.add(name);
        }
    }

    /** The values file of a catalog app when it differs from the built-in catalog's (as YAML data, not text). */
    private static JsonNode changedValues(GitOpsRepo repo, CatalogEntry e) {
        if (!repo.exists(e.valuesFile())) {
            return null;
        }
        try {
            JsonNode current = Mappers.YAML.readTree(repo.read(e.valuesFile()));
            JsonNode builtIn = builtInValues(e.name());
            boolean empty = current == null || current.isMissingNode() || current.isNull()
                    || current.isObject() && current.isEmpty();
            return empty || current.equals(builtIn) ? null : current;
        } catch (IOException ex) {
            throw SikifansoException.failure(repo.resolve(e.valuesFile()) + " is not valid YAML: "
                    + ex.getMessage().lines().findFirst().orElse(""), "fix it and commit, then export again", ex);
        }
    }

    private static JsonNode builtInValues(String app) throws IOException {
        try (InputStream in = ProfileBundles.class.getResourceAsStream(BUILT_IN_VALUES + app + ".yaml")) {
            return in == null ? null : Mappers.YAML.readTree(in);
        }
    }

    static String yaml(Object tree) {
        return SharedDocuments.yaml(tree);
    }

    /** What one bundle's commit holds, gathered while each part is checked. */
    private static final class Changes {
        final RepoChange change = new RepoChange("");
        final List<String> enabled = new ArrayList<>();
        final List<String> pinned = new ArrayList<>();
        final List<String> valuesSet = new ArrayList<>();
        final List<String> customApps = new ArrayList<>();
        final List<String> agents = new ArrayList<>();
        final List<String> newAgents = new ArrayList<>();

        RepoChange withMessage(String header) {
            List<String> parts = new ArrayList<>();
            add(parts, "enable", enabled);
            add(parts, "pin", pinned);
            add(parts, "values of", valuesSet);
            add(parts, "custom apps", customApps);
            add(parts, "agents", agents);
            return change.withMessage(header + ": " + String.join("; ", parts));
        }

        private static void add(List<String> parts, String what, List<String> names) {
            if (!names.isEmpty()) {
                parts.add(what + " " + String.join(", ", names));
            }
        }

        List<SyncTarget> targets(Catalog catalog) {
            List<SyncTarget> targets = new ArrayList<>();
            if (!enabled.isEmpty()) {
                targets.add(SyncTargets.catalogAppsAppear(catalog, enabled));
            }
            customApps.forEach(name -> targets.add(SyncTargets.appears(name)));
            agents.forEach(name -> targets.add(newAgents.contains(name) ? SyncTargets.appears(name)
                    : SyncTargets.syncs(name)));
            return targets;
        }
    }
}

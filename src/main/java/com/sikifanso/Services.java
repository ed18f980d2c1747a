package com.sikifanso;

import com.sikifanso.core.ClusterName;
import com.sikifanso.agents.AgentService;
import com.sikifanso.argocd.ApplicationSetRefresher;
import com.sikifanso.argocd.ArgoCdServices;
import com.sikifanso.argocd.Convergence;
import com.sikifanso.argocd.SyncOrchestrator;
import com.sikifanso.kube.KubeClients;
import com.sikifanso.platform.ClusterKubeconfig;
import com.sikifanso.platform.HelmCharts;
import com.sikifanso.platform.InfraUpgrade;
import com.sikifanso.platform.PlatformBootstrap;
import com.sikifanso.catalog.AppService;
import com.sikifanso.catalog.Profiles;
import com.sikifanso.cluster.ClusterBackends;
import com.sikifanso.cluster.ClusterService;
import com.sikifanso.core.K3dNames;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.Lazy;
import com.sikifanso.credentials.AppCredentials;
import com.sikifanso.credentials.CredentialStore;
import com.sikifanso.doctor.Doctor;
import com.sikifanso.kube.KubeReader;
import com.sikifanso.gitops.ClusterRepos;
import com.sikifanso.gitops.Scaffolder;
import com.sikifanso.session.ClusterLocks;
import com.sikifanso.session.SessionStore;
import com.sikifanso.session.SikifansoHome;
import com.sikifanso.snapshot.SnapshotService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/** Wires the services once per process; the CLI, and later MCP and the dashboard, share them. */
public final class Services {
    private final com.sikifanso.gitops.GitOpsRemotes remotes;
    private final com.sikifanso.platform.ArgoCdRemoteReader remoteReader;
    private final BuildInfo build;
    private final boolean includeLocalChanges;
    private final SessionStore sessions;
    private final Profiles profiles;
    private final AppService apps;
    private final Lazy<ClusterService> clusters;
    private final AgentService agents;
    private final Lazy<com.sikifanso.agents.probe.AgentProbe> agentProbe;
    private final com.sikifanso.agents.llm.AgentKeys agentKeys;
    private final com.sikifanso.agents.llm.LocalModels localModels;
    private final com.sikifanso.clusterfile.ClusterFiles clusterFiles;
    private final com.sikifanso.clusterfile.ClusterTemplates clusterTemplates;
    private final com.sikifanso.share.DocumentSources documents;
    private final com.sikifanso.share.CatalogSources catalogSources;
    private final com.sikifanso.share.ProfileBundles profileBundles;
    private final com.sikifanso.share.AgentTemplates agentTemplates;
    private final com.sikifanso.clusterfile.LockFiles lockFiles;
    private final com.sikifanso.clusterfile.LockReplay lockReplay;
    private final Lazy<Convergence> convergence;
    private final Lazy<SnapshotService> snapshots;
    private final Lazy<ArgoCdServices> argocd;
    private final Lazy<KubeReader> kube;
    private final Lazy<InfraUpgrade> upgrades;
    private final Lazy<Doctor> doctor;
    private final Lazy<com.sikifanso.platform.ProfileImageCache> profileImageCache;
    private final Lazy<com.sikifanso.platform.ClusterAttach> attach;
    private final Lazy<AppCredentials> credentials;
    private final KubeClients kubeClients;
    private final com.sikifanso.kube.LiveCluster live;
    private final com.sikifanso.ops.Invocations invocations = new com.sikifanso.ops.Invocations(this);

    public Services(BuildInfo build, SikifansoHome home, Duration lockTimeout, Consumer<String> progress) {
        this(build, home, lockTimeout, progress, System.getenv());
    }

    /** {@code env} supplies DOCKER_HOST, KUBECONFIG and HOME, so tests and the CLI pass their own. */
    public Services(BuildInfo build, SikifansoHome home, Duration lockTimeout, Consumer<String> progress,
                    Map<String, String> env) {
        this(build, home, lockTimeout, progress, env, false);
    }

    /** {@code includeLocalChanges}: commits may fold in the user's own uncommitted edits (--include-local-changes). */
    public Services(BuildInfo build, SikifansoHome home, Duration lockTimeout, Consumer<String> progress,
                    Map<String, String> env, boolean includeLocalChanges) {
        this.build = build;
        this.includeLocalChanges = includeLocalChanges;
        this.sessions = new SessionStore(home);
        this.profiles = new Profiles();
        ClusterLocks locks = new ClusterLocks(home, lockTimeout, progress);
        // An attached cluster is reached through the kubeconfig and context its attach recorded.
        KubeClients kube = new com.sikifanso.kube.Attachments(home).or(KubeClients.fromKubeconfig(env));
        this.kubeClients = kube;
        this.live = new com.sikifanso.kube.LiveCluster(sessions, kube);
        ClusterRepos repos = new ClusterRepos(sessions, locks, new ApplicationSetRefresher(sessions, kube, progress),
                progress, includeLocalChanges, env);
        this.remotes = new com.sikifanso.gitops.GitOpsRemotes(repos);
        this.remoteReader = new com.sikifanso.platform.ArgoCdRemoteReader(sessions, kube, env);
        this.credentials = Lazy.of(() -> new AppCredentials(sessions, repos, new CredentialStore(home), kube,
                Clock.systemUTC(), Duration.ofSeconds(2)));
        this.documents = new com.sikifanso.share.DocumentSources(new com.sikifanso.share.OciArtifacts(env), env);
        this.catalogSources = new com.sikifanso.share.CatalogSources(home.root().resolve(com.sikifanso.share.CatalogSources.DIR),
                documents, com.sikifanso.catalog.ChartAvailability::new);
        this.apps = new AppService(repos, profiles, (cluster, catalog, names) -> {
            AppCredentials.Ensured ensured = credentials.get().ensure(cluster, catalog, names);
            if (!ensured.created().isEmpty()) {
                progress.accept("credentials: created the Secrets " + String.join(", ", ensured.created()));
            }
        }, catalogSources, new com.sikifanso.catalog.GpuRequirement(sessions));
        this.agents = new AgentService(repos);
        this.agentKeys = new com.sikifanso.agents.llm.AgentKeys(live, new CredentialStore(home));
        this.localModels = new com.sikifanso.agents.llm.LocalModels(live, new CredentialStore(home));
        this.agentProbe = Lazy.of(() -> new com.sikifanso.agents.probe.AgentProbe(repos, agents, live,
                Clock.systemUTC(), Duration.ofSeconds(1)));
        this.clusterFiles = new com.sikifanso.clusterfile.ClusterFiles(sessions, repos, apps, agents);
        this.clusterTemplates = new com.sikifanso.clusterfile.ClusterTemplates(home.root().resolve("templates"));
        this.profileBundles = new com.sikifanso.share.ProfileBundles(repos, clusterFiles, apps,
                catalogSources);
        this.agentTemplates = new com.sikifanso.share.AgentTemplates(documents);
        this.lockFiles = new com.sikifanso.clusterfile.LockFiles(sessions, repos, clusterFiles, profiles, kube,
                "sikifanso " + build.version());
        this.lockReplay = new com.sikifanso.clusterfile.LockReplay(repos, profileBundles);
        // Everything that talks to Docker, Kubernetes, Helm or Argo CD is built on first use.
        this.convergence = Lazy.of(() -> new Convergence(sessions, kube,
                new SyncOrchestrator(SyncOrchestrator.DEFAULT_GRACE, Duration.ofSeconds(2)),
                com.sikifanso.agui.RunProgress.toLines(progress)));
        this.argocd = Lazy.of(() -> ArgoCdServices.of(sessions, kube, repos));
        this.kube = Lazy.of(() -> new KubeReader(sessions, kube));
        this.snapshots = Lazy.of(() -> new SnapshotService(sessions, locks, repos, new CredentialStore(home), build,
                Clock.systemUTC(), progress));
        Path helmRepositories = home.root().resolve("helm").resolve("repositories.yaml");
        Lazy<ClusterBackends> backends = Lazy.of(() -> ClusterBackends.forEnvironment(env, build.version(),
                Clock.systemUTC()).withBootstrap(PlatformBootstrap.create(helmRepositories, Clock.systemUTC(), kube,
                env)));
        this.clusters = Lazy.of(() -> new ClusterService(sessions, locks, new Scaffolder(build.version(), env), apps,
                profiles, Clock.systemUTC(), backends.get()));
        this.upgrades = Lazy.of(() -> new InfraUpgrade(sessions, backends.get().infra(),
                new HelmCharts(helmRepositories),
                cluster -> ClusterKubeconfig.extract(backends.get().kubeconfigs().file(), cluster), kube,
                cluster -> backends.get().nodes().address(cluster.k3d().server(0),
                        cluster.k3d().network()),
                (cluster, name) -> snapshots().capture(cluster, name, false).snapshot().name(),
                Clock.systemUTC(),
                Duration.ofMinutes(10), new com.sikifanso.kube.Attachments(home)::find));
        this.attach = Lazy.of(() -> new com.sikifanso.platform.ClusterAttach(sessions,
                new com.sikifanso.kube.Attachments(home), repos, new HelmCharts(helmRepositories),
                new com.sikifanso.platform.ClusterWaits(Clock.systemUTC(), Duration.ofSeconds(2)), env,
                Clock.systemUTC(), Duration.ofMinutes(10)));
        this.doctor = Lazy.of(() -> new Doctor(sessions, clusters().backends(), kube));
        this.profileImageCache = Lazy.of(() -> new com.sikifanso.platform.ProfileImageCache(home,
                new com.sikifanso.platform.ProfileImages(new HelmCharts(helmRepositories)::template, profiles,
                        new com.sikifanso.infra.InfraConfigs()), () -> clusters().backends()));
        invocations.journal(new com.sikifanso.ops.InvocationJournal(home,
                com.sikifanso.agui.journal.JournalOptions.DEFAULTS));
    }

    /** The one way every surface calls an operation (see {@link com.sikifanso.ops.Invocations}). */
    public com.sikifanso.gitops.GitOpsRemotes remotes() {
        return remotes;
    }

    /** Points a running cluster's Argo CD at its GitOps remote. */
    public com.sikifanso.platform.ArgoCdRemoteReader remoteReader() {
        return remoteReader;
    }

    public com.sikifanso.ops.Invocations invocations() {
        return invocations;
    }

    public BuildInfo build() {
        return build;
    }

    /** Whether commits fold in the user's uncommitted edits (--include-local-changes); a dry run does as the call. */
    public boolean includesLocalChanges() {
        return includeLocalChanges;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public Profiles profiles() {
        return profiles;
    }

    public AppService apps() {
        return apps;
    }

    public AppCredentials credentials() {
        return credentials.get();
    }

    public AgentService agents() {
        return agents;
    }

    public com.sikifanso.agents.llm.AgentKeys agentKeys() {
        return agentKeys;
    }

    public com.sikifanso.agents.llm.LocalModels localModels() {
        return localModels;
    }

    public com.sikifanso.agents.probe.AgentProbe agentProbe() {
        return agentProbe.get();
    }

    /** Cluster files: made from a cluster, applied to a new one's repo. */
    public com.sikifanso.clusterfile.ClusterFiles clusterFiles() {
        return clusterFiles;
    }

    /** Built-in cluster templates and the user's own in SIKIFANSO_HOME/templates. */
    public com.sikifanso.clusterfile.ClusterTemplates clusterTemplates() {
        return clusterTemplates;
    }

    /** Community catalogs added on this machine, pinned (catalog source add). */
    public com.sikifanso.share.CatalogSources catalogSources() {
        return catalogSources;
    }

    /** Shared documents (profile bundles, agent templates) from files, OCI registries and git refs. */
    public com.sikifanso.share.DocumentSources documents() {
        return documents;
    }

    /** Profile bundles: exported from a cluster, applied to one in one commit. */
    public com.sikifanso.share.ProfileBundles profileBundles() {
        return profileBundles;
    }

    /** Lockfiles: what a cluster runs, pinned (cluster lock, cluster diff-lock). */
    public com.sikifanso.clusterfile.LockFiles lockFiles() {
        return lockFiles;
    }

    /** A lock's apps and agents written into a new cluster's repo (cluster create --from-lock). */
    public com.sikifanso.clusterfile.LockReplay lockReplay() {
        return lockReplay;
    }

    /** Agent templates: built-in, or from a file, an OCI registry or a git ref. */
    public com.sikifanso.share.AgentTemplates agentTemplates() {
        return agentTemplates;
    }

    /** The images profiles need, held against this machine's image cache (image list, image prefetch). */
    public com.sikifanso.platform.ProfileImageCache profileImageCache() {
        return profileImageCache.get();
    }

    /** Clients for a cluster's API through its own kubeconfig context, for what watches it (the state feed). */
    public KubeClients kubeClients() {
        return kubeClients;
    }

    /** A running cluster's API, for the streaming views (agent watch) that are not one operation's result. */
    public com.sikifanso.kube.LiveCluster live() {
        return live;
    }

    public KubeReader kube() {
        return kube.get();
    }

    public Convergence convergence() {
        return convergence.get();
    }

    public SnapshotService snapshots() {
        return snapshots.get();
    }

    public ArgoCdServices argocd() {
        return argocd.get();
    }

    /** Attaching the platform to clusters sikifanso did not create, and detaching it. */
    public com.sikifanso.platform.ClusterAttach attach() {
        return attach.get();
    }

    public Doctor doctor() {
        return doctor.get();
    }

    public ClusterService clusters() {
        return clusters.get();
    }

    public InfraUpgrade upgrades() {
        return upgrades.get();
    }
}

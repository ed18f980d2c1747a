package com.sikifanso;

import com.sikifanso.agents.AgentService;
import com.sikifanso.argocd.ApplicationSetRefresher;
import com.sikifanso.argocd.ArgoCdServices;
import com.sikifanso.argocd.Convergence;
import com.sikifanso.argocd.SyncOrchestrator;
import com.sikifanso.cluster.KubeClients;
import com.sikifanso.bootstrap.ClusterKubeconfig;
import com.sikifanso.bootstrap.HelmCharts;
import com.sikifanso.bootstrap.InfraUpgrade;
import com.sikifanso.bootstrap.PlatformBootstrap;
import com.sikifanso.catalog.AppService;
import com.sikifanso.catalog.Profiles;
import com.sikifanso.cluster.ClusterBackends;
import com.sikifanso.cluster.ClusterService;
import com.sikifanso.cluster.K3dNames;
import com.sikifanso.core.BuildInfo;
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
    private final BuildInfo build;
    private final SessionStore sessions;
    private final Profiles profiles;
    private final AppService apps;
    private final ClusterService clusters;
    private final AgentService agents;
    private final Convergence convergence;
    private final SnapshotService snapshots;
    private final ArgoCdServices argocd;
    private final KubeReader kube;
    private final InfraUpgrade upgrades;
    private final Doctor doctor;

    public Services(BuildInfo build, SikifansoHome home, Duration lockTimeout, Consumer<String> progress) {
        this(build, home, lockTimeout, progress, System.getenv());
    }

    /** {@code env} supplies DOCKER_HOST, KUBECONFIG and HOME, so tests and the CLI pass their own. */
    public Services(BuildInfo build, SikifansoHome home, Duration lockTimeout, Consumer<String> progress,
                    Map<String, String> env) {
        this.build = build;
        this.sessions = new SessionStore(home);
        this.profiles = new Profiles();
        ClusterLocks locks = new ClusterLocks(home, lockTimeout, progress);
        KubeClients kube = KubeClients.fromKubeconfig(env);
        ClusterRepos repos = new ClusterRepos(sessions, locks, new ApplicationSetRefresher(sessions, kube, progress));
        this.convergence = new Convergence(sessions, kube,
                new SyncOrchestrator(SyncOrchestrator.DEFAULT_GRACE, Duration.ofSeconds(2)), progress);
        this.apps = new AppService(repos, profiles);
        this.argocd = ArgoCdServices.of(sessions, kube, repos);
        this.agents = new AgentService(repos);
        this.kube = new KubeReader(sessions, kube);
        this.snapshots = new SnapshotService(sessions, locks, repos, build, Clock.systemUTC(), progress);
        Path helmRepositories = home.root().resolve("helm").resolve("repositories.yaml");
        ClusterBackends backends = ClusterBackends.forEnvironment(env, build.version(), Clock.systemUTC())
                .withBootstrap(PlatformBootstrap.create(helmRepositories, Clock.systemUTC()));
        this.clusters = new ClusterService(sessions, locks, new Scaffolder(build.version()), apps, profiles,
                Clock.systemUTC(), backends);
        this.upgrades = new InfraUpgrade(sessions, backends.infra(), new HelmCharts(helmRepositories),
                cluster -> ClusterKubeconfig.extract(backends.kubeconfigs().file(), cluster), kube,
                cluster -> backends.nodes().address(new K3dNames(cluster).server(0), new K3dNames(cluster).network()),
                (cluster, name) -> snapshots.capture(cluster, name, false).snapshot().name(), Clock.systemUTC(),
                Duration.ofMinutes(10));
        this.doctor = new Doctor(sessions, clusters.backends(), kube);
    }

    public BuildInfo build() {
        return build;
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

    public AgentService agents() {
        return agents;
    }

    public KubeReader kube() {
        return kube;
    }

    public Convergence convergence() {
        return convergence;
    }

    public SnapshotService snapshots() {
        return snapshots;
    }

    public ArgoCdServices argocd() {
        return argocd;
    }

    public Doctor doctor() {
        return doctor;
    }

    public ClusterService clusters() {
        return clusters;
    }

    public InfraUpgrade upgrades() {
        return upgrades;
    }
}

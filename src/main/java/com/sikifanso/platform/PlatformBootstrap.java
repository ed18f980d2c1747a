package com.sikifanso.platform;

import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Progress;
import com.sikifanso.core.K3dNames;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.argocd.ArgoCdResources;
import com.sikifanso.cluster.ApiServerWait;
import com.sikifanso.cluster.ClusterBootstrap;
import com.sikifanso.kube.KubeClients;
import com.sikifanso.core.GoDurations;
import com.sikifanso.gitops.ApplicationSets;
import com.sikifanso.infra.InfraConfig;
import com.sikifanso.session.Session;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import com.sikifanso.infra.Cni;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Kubernetes half of {@code cluster create}: wait for the API server and a node, install
 * Cilium (Helm), wait for Ready nodes, install Argo CD (Helm), wait for it, read its admin
 * password, hand both charts to Argo CD as Applications, and server-side apply the repo's root
 * ApplicationSets. Every step reports progress and has a timeout.
 */
public final class PlatformBootstrap implements ClusterBootstrap {
    public static final String ADMIN_USER = "admin";
    /** The Deployments that must be available before Argo CD can take Applications and ApplicationSets. */
    public static final List<String> ARGOCD_DEPLOYMENTS = List.of("argocd-server", "argocd-repo-server",
            "argocd-applicationset-controller");
    /** The host ports are bound on the loopback address only (as the API server's is). */
    static final String HOST = "127.0.0.1";
    /** The Cilium Application's name: its release name in the default infra settings. */
    static final String CILIUM_RELEASE = "cilium";
    static final String REFRESH_ANNOTATION = "argocd.argoproj.io/application-set-refresh";

    /** Per-step timeouts; the first wait is bounded by {@code cluster create --timeout} instead. */
    public record Timeouts(Duration ciliumInstall, Duration nodesReady, Duration argocdInstall,
                           Duration argocdAvailable, Duration adminPassword) {
        public static final Timeouts DEFAULTS = new Timeouts(Duration.ofMinutes(10), Duration.ofMinutes(3),
                Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(1));
    }

    private final ApiServerWait apiServer;
    private final ChartInstaller charts;
    private final Function<Target, KubernetesClient> clients;
    private final ClusterWaits waits;
    private final Timeouts timeouts;
    private final Clock clock;
    private final KubeClients started;
    private final java.util.Map<String, String> gitEnv;

    public PlatformBootstrap(ApiServerWait apiServer, ChartInstaller charts,
                             Function<Target, KubernetesClient> clients, ClusterWaits waits, Timeouts timeouts,
                             Clock clock) {
        this(apiServer, charts, clients, waits, timeouts, clock, null);
    }

    public PlatformBootstrap(ApiServerWait apiServer, ChartInstaller charts,
                             Function<Target, KubernetesClient> clients, ClusterWaits waits, Timeouts timeouts,
                             Clock clock, KubeClients started) {
        this(apiServer, charts, clients, waits, timeouts, clock, started, java.util.Map.of());
    }

    /**
     * @param started clients for a started cluster's checks; null skips them
     * @param gitEnv the environment git runs in to read the GitOps remote's URL and the credentials Argo CD gets
     */
    public PlatformBootstrap(ApiServerWait apiServer, ChartInstaller charts,
                             Function<Target, KubernetesClient> clients, ClusterWaits waits, Timeouts timeouts,
                             Clock clock, KubeClients started, java.util.Map<String, String> gitEnv) {
        this.started = started;
        this.gitEnv = gitEnv;
        this.apiServer = apiServer;
        this.charts = charts;
        this.clients = clients;
        this.waits = waits;
        this.timeouts = timeouts;
        this.clock = clock;
    }

    /** Production wiring: real Helm, a client on the cluster's own kubeconfig, 2 s polls. */
    public static PlatformBootstrap create(java.nio.file.Path helmRepositories, Clock clock, KubeClients started,
                                           java.util.Map<String, String> gitEnv) {
        return new PlatformBootstrap(new ApiServerWait(clock), new HelmCharts(helmRepositories),
                PlatformBootstrap::client,
                new ClusterWaits(clock, Duration.ofSeconds(2)), Timeouts.DEFAULTS, clock, started, gitEnv);
    }

    @Override
    public void checkStarted(ClusterName cluster, String serverAddress, Progress progress) {
        if (started == null) {
            return;
        }
        try (KubernetesClient kube = started.forCluster(cluster)) {
            CiliumApiAddress.check(kube, cluster, CILIUM_RELEASE, serverAddress).ifPresent(m -> progress.note(
                    "warning: " + m.describe() + "\n  fix: " + m.fix()));
        } catch (RuntimeException e) {
            progress.note(Hint.of("warning: could not check which address Cilium uses (" + e.getMessage()
                    + "); check with: ", Suggestion.of("cluster", "doctor").arg("cluster", cluster)));
        }
    }

    /** A client on exactly the cluster's own context; polls retry themselves, so fabric8 need not. */
    public static KubernetesClient client(Target target) {
        Config config = Config.fromKubeconfig(new K3dNames(target.cluster()).context(), target.kubeconfig(), null);
        config.setRequestRetryBackoffLimit(0);
        config.setConnectionTimeout(5_000);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    @Override
    public Optional<Session.Services> bootstrap(Target target, Progress progress) {
        // A broken repo, or a remote Argo CD has no credentials for, should fail before minutes of installing.
        ArgoCdGitSource.Prepared source = ArgoCdGitSource.prepare(target.gitOps(), gitEnv);
        apiServer.awaitApiServer(target.apiUrl(), target.deadline(), target.timeout(), progress);
        try (KubernetesClient kube = clients.apply(target)) {
            waits.firstNode(kube, remaining(target), progress);
            boolean cilium = target.infra().platform().cni() == Cni.cilium;
            List<InfraApplication> platform = new ArrayList<>();
            if (cilium) {
                platform.add(installCilium(kube, target, progress));
            } else {
                // flannel is k3s' own: the nodes get Ready without anything installed.
                progress.note("CNI: flannel (k3s' own, with its network policy controller); Cilium is not installed");
                waits.nodesReady(kube, "kube-system", timeouts.nodesReady(), progress);
            }
            InfraApplication argocd = installArgoCd(kube, target, progress);
            platform.add(argocd);
            Optional<String> password = waits.adminPassword(kube, target.infra().argocd().namespace(),
                    timeouts.adminPassword(), progress);
            handOverToArgoCd(kube, platform, source, progress);
            Session.Ports ports = target.ports();
            return Optional.of(new Session.Services(
                    new Session.ArgoCd("http://" + HOST + ":" + ports.argocdUI(), ADMIN_USER, password.orElse(null),
                            argocd.spec().source().targetRevision()),
                    cilium ? new Session.Hubble("http://" + HOST + ":" + ports.hubbleUI()) : null));
        }
    }

    /** Installs Cilium and waits for the nodes it makes Ready; returns the Application that takes it over. */
    private InfraApplication installCilium(KubernetesClient kube, Target target, Progress progress) {
        InfraConfig infra = target.infra();
        ObjectNode values = HelmValues.cilium(infra, target.serverAddress());
        progress.step("installing Cilium " + infra.cilium().targetRevision() + " with Helm (API server "
                + target.serverAddress() + ":" + HelmValues.API_SERVER_PORT + "; up to "
                + GoDurations.format(timeouts.ciliumInstall()) + ")");
        ChartInstaller.Release release = charts.install(infra.cilium(), infra.cilium().targetRevision(), values,
                target.kubeconfig(), timeouts.ciliumInstall());
        waits.nodesReady(kube, infra.cilium().namespace(), timeouts.nodesReady(), progress);
        return InfraApplication.cilium(infra.cilium(), release.chartVersion(), values);
    }

    /** Installs Argo CD and waits for its Deployments; returns the Application that takes it over. */
    private InfraApplication installArgoCd(KubernetesClient kube, Target target, Progress progress) {
        InfraConfig infra = target.infra();
        ObjectNode values = HelmValues.argocd(infra);
        progress.step("installing Argo CD (chart " + infra.argocd().chart() + " " + infra.argocd().targetRevision()
                + ") with Helm (up to " + GoDurations.format(timeouts.argocdInstall()) + ")");
        ChartInstaller.Release release = charts.install(infra.argocd(), infra.argocd().targetRevision(), values,
                target.kubeconfig(), timeouts.argocdInstall());
        waits.deploymentsAvailable(kube, infra.argocd().namespace(), ARGOCD_DEPLOYMENTS, timeouts.argocdAvailable(),
                progress);
        return InfraApplication.of(infra.argocd(), release.chartVersion(), values);
    }

    /** From here on Argo CD manages both charts, and the repo's root ApplicationSets generate the rest. */
    private static void handOverToArgoCd(KubernetesClient kube, List<InfraApplication> apps,
                                         ArgoCdGitSource.Prepared source, Progress progress) {
        for (InfraApplication app : apps) {
            boolean created = InfraApplications.put(kube, app);
            progress.note((created ? "created" : "updated") + " the Argo CD Application " + app.name());
        }
        List<String> applied = ArgoCdGitSource.apply(kube, source);
        progress.step("applied the ApplicationSets " + String.join(", ", applied) + " (server-side, field"
                + " manager " + RootApplicationSets.FIELD_MANAGER + ")");
        source.remote().ifPresent(url -> progress.note("Argo CD reads the GitOps repo from its remote " + url
                + " (repository Secret " + ApplicationSets.NAMESPACE + "/" + ArgoCdGitSource.REPOSITORY_SECRET + ")"));
        refreshCatalog(kube, progress);
    }

    /** Apps a --profile enabled before the cluster existed are generated now, not at the next poll. */
    private static void refreshCatalog(KubernetesClient kube, Progress progress) {
        try {
            kube.genericKubernetesResources(ArgoCdResources.APPLICATION_SET).inNamespace(ApplicationSets.NAMESPACE)
                    .withName(ApplicationSets.CATALOG).patch(PatchContext.of(PatchType.JSON_MERGE),
                            "{\"metadata\":{\"annotations\":{\"" + REFRESH_ANNOTATION + "\":\"true\"}}}");
            progress.note("asked the ApplicationSet " + ApplicationSets.CATALOG + " to refresh");
        } catch (KubernetesClientException e) {
            progress.note("warning: could not ask ApplicationSet " + ApplicationSets.CATALOG + " to refresh (HTTP "
                    + e.getCode() + "); Argo CD picks the catalog up within 3 minutes");
        }
    }

    private Duration remaining(Target target) {
        Duration left = Duration.between(clock.instant(), target.deadline());
        return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
    }
}

package com.sikifanso.doctor;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.Hint;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Throwables;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.sikifanso.argocd.SyncOrchestrator;
import com.sikifanso.catalog.ApplicationNames;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.catalog.CatalogEntry;
import com.sikifanso.catalog.CustomApp;
import com.sikifanso.catalog.CustomApps;
import com.sikifanso.cluster.ClusterBackends;
import com.sikifanso.core.K3dNames;
import com.sikifanso.kube.Attachment;
import com.sikifanso.kube.Attachments;
import com.sikifanso.kube.KubeClients;
import com.sikifanso.cluster.NodeLayout;
import com.sikifanso.cluster.NodeRuntime;
import com.sikifanso.cluster.Preflight;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.infra.Cni;
import com.sikifanso.infra.InfraConfig;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code cluster doctor}: checks Docker, the session and GitOps repo, the node containers, and,
 * when the API answers, the nodes, Cilium, Hubble, Argo CD and every app and agent Application.
 * Without a cluster it reports what it can and names the command to run.
 */
public final class Doctor {
    public static final Duration DEFAULT_CHECK_TIMEOUT = Duration.ofSeconds(10);

    /** How checks run: each within {@code checkTimeout}, all at once or (for comparison) one by one. */
    public record Options(Duration checkTimeout, boolean parallel) {
        public static final Options DEFAULTS = new Options(DEFAULT_CHECK_TIMEOUT, true);
    }

    private final SessionStore sessions;
    private final ClusterBackends backends;
    private final KubeClients clients;
    private final Duration grace;
    private final Clock clock;

    public Doctor(SessionStore sessions, ClusterBackends backends, KubeClients clients, Duration grace, Clock clock) {
        this.sessions = sessions;
        this.backends = backends;
        this.clients = clients;
        this.grace = grace;
        this.clock = clock;
    }

    public Doctor(SessionStore sessions, ClusterBackends backends, KubeClients clients) {
        this(sessions, backends, clients, SyncOrchestrator.DEFAULT_GRACE, Clock.systemUTC());
    }

    public DoctorReport examine(ClusterName cluster, Options options) {
        CheckRunner runner = new CheckRunner(options.checkTimeout(), options.parallel());
        Optional<Session> session = Optional.empty();
        CheckResult sessionRow;
        try {
            session = Optional.of(sessions.load(cluster));
            sessionRow = sessionRow(cluster, session.get());
        } catch (SikifansoException e) {
            sessionRow = CheckResult.fail("Session", sessions.exists(cluster) ? "unreadable" : "no such cluster",
                    e.getMessage(), sessions.exists(cluster) ? e.fix() : Hint.of("create it: ",
                            Suggestion.of("cluster", "create").arg("name", cluster)));
        }
        boolean nodesExpected = session.isPresent() && session.get().state() != ClusterState.NOT_CREATED;
        // An attached cluster has no Docker nodes of ours: only its API, through the recorded context, is asked.
        Optional<Attachment> attached = session.isPresent() ? new Attachments(sessions.home()).find(cluster)
                : Optional.empty();
        List<Check> local = new ArrayList<>();
        if (attached.isEmpty()) {
            local.add(new Check("Docker", this::docker));
        }
        session.ifPresent(s -> local.add(new Check(RepoChecks.ROW, () -> RepoChecks.check(cluster,
                Path.of(s.gitOpsPath())))));
        if (nodesExpected && attached.isEmpty()) {
            local.add(new Check("Node containers", () -> containers(cluster)));
        }
        List<CheckResult> results = new ArrayList<>(runner.run(local));
        if (session.isPresent() && !nodesExpected && attached.isEmpty() && !results.get(0).failed()) {
            sessionRow = leftFromAFailedCreate(cluster).orElse(sessionRow);
        }
        results.add(1, sessionRow);
        if (!nodesExpected || results.get(results.size() - 1).failed()) {
            return DoctorReport.of(results);
        }
        results.addAll(clusterChecks(cluster, session.get(), attached, runner));
        return DoctorReport.of(results);
    }

    private static CheckResult sessionRow(ClusterName cluster, Session s) {
        if (s.state() == ClusterState.NOT_CREATED) {
            return CheckResult.fail("Session", "state not-created",
                    "cluster \"" + cluster + "\" has only its GitOps repo (prepared with --gitops-only): there are "
                            + "no nodes to check", Hint.of("create its nodes: ",
                    Suggestion.of("cluster", "create").arg("name", cluster)));
        }
        return CheckResult.pass("Session", "cluster " + cluster + ", state " + s.state());
    }

    /**
     * A not-created cluster whose create failed with --keep-on-failure still has its nodes in Docker: creating them
     * again is refused while they are there, so the row says what is left and how to clear it instead.
     */
    private Optional<CheckResult> leftFromAFailedCreate(ClusterName cluster) {
        List<String> leftovers;
        try {
            leftovers = backends.nodes().leftovers(cluster.k3d());
        } catch (SikifansoException e) {
            return Optional.empty(); // Docker answered the row before; the row says so if it stopped since
        }
        if (leftovers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CheckResult.fail("Session", "state not-created, nodes left",
                "a create of cluster \"" + cluster + "\" did not finish and left " + String.join(", ", leftovers)
                        + " (kept by --keep-on-failure, or left by a create that was killed); they are not checked",
                Hint.of("read the server's log (docker logs " + cluster.k3d().server(0) + "), then remove them all "
                        + "with: ", Suggestion.of("cluster", "delete").arg("cluster", cluster),
                        " (its GitOps repo too), or only them (k3d cluster delete " + cluster + ", or docker rm -f "
                        + "and docker network rm) to create its nodes again")));
    }

    private CheckResult docker() {
        try {
            Preflight.EngineFacts facts = backends.preflight().check(com.sikifanso.core.Progress.NONE);
            return CheckResult.pass("Docker", "Docker " + facts.version() + " (API " + facts.apiVersion() + ", cgroup v"
                    + facts.cgroupVersion() + ")");
        } catch (SikifansoException e) {
            return CheckResult.fail("Docker", "not usable", e.getMessage(), e.fix());
        }
    }

    private CheckResult containers(ClusterName cluster) {
        String row = "Node containers";
        List<NodeRuntime.Node> nodes;
        try {
            nodes = backends.nodes().nodes(cluster);
        } catch (SikifansoException e) {
            return CheckResult.fail(row, "cannot ask Docker", e.getMessage() + " (cluster checks skipped)",
                    e.fix());
        }
        if (nodes.isEmpty()) {
            return CheckResult.fail(row, "missing", "Docker has no containers of cluster \"" + cluster
                            + "\" (removed outside sikifanso?); cluster checks skipped",
                    Hint.of("recreate it: ", recreate(cluster)));
        }
        List<String> stopped = nodes.stream().filter(n -> !n.running()).map(n -> n.name() + " (" + n.state() + ")")
                .toList();
        String counts = (nodes.size() - stopped.size()) + "/" + nodes.size() + " running";
        if (stopped.isEmpty()) {
            return CheckResult.pass(row, counts);
        }
        return CheckResult.fail(row, counts, "not running: " + String.join(", ", stopped)
                + "; cluster checks skipped", Hint.of("start them: ",
                Suggestion.of("cluster", "start").arg("cluster", cluster)));
    }

    /** The mount and the API first (both need only a running server); the rest when the API answers. */
    private List<CheckResult> clusterChecks(ClusterName cluster, Session session, Optional<Attachment> attached,
                                            CheckRunner runner) {
        Hint restart = attached.isPresent() ? Hint.text("check the cluster with kubectl --context "
                + attached.get().context()) : restart(cluster);
        Check mount = attached.map(a -> new Check(ATTACHED_ROW, () -> CheckResult.pass(ATTACHED_ROW, "context "
                + a.context() + ": " + a.facts().describe()))).orElse(new Check("GitOps mount",
                () -> mount(cluster, session)));
        KubernetesClient kube;
        try {
            kube = KubeClients.failingFast(clients.forCluster(cluster), runner.timeout());
        } catch (RuntimeException e) {
            List<CheckResult> results = new ArrayList<>(runner.run(List.of(mount)));
            String why = e instanceof SikifansoException ? e.getMessage() : "cannot build a client from kubeconfig "
                    + "context " + KubeClients.context(cluster) + ": " + Throwables.rootMessage(e);
            Hint fix = e instanceof SikifansoException s && s.fix() != null ? s.fix()
                    : Hint.of("rewrite its kubeconfig entry: ", Suggestion.of("cluster", "start").arg("cluster", cluster));
            results.add(CheckResult.fail("Kubernetes API", "no client", why + " (cluster checks skipped)", fix));
            return results;
        }
        try (kube) {
            String url = kube.getConfiguration().getMasterUrl();
            List<CheckResult> results = new ArrayList<>(runner.run(List.of(mount, new Check("Kubernetes API", () -> {
                kube.namespaces().withName("kube-system").get();
                return CheckResult.pass("Kubernetes API", "answers at " + url);
            }))));
            CheckResult api = results.get(1);
            if (api.failed()) {
                results.set(1, CheckResult.fail("Kubernetes API", "unreachable", "the API server at " + url
                        + " does not answer: " + api.cause() + " (cluster checks skipped)", restart));
                return results;
            }
            InfraConfig infra = infra(session);
            List<Check> checks = platformChecks(cluster, infra, new Workloads(kube), restart, attached.isPresent());
            if (attached.isPresent()) {
                checks.add(1, new Check(CNI_ROW, () -> attachedCni(attached.get().facts())));
            } else {
                checks.add(1, new Check(PodDns.ROW, () -> new PodDns(backends.nodes()).check(cluster)));
                checks.add(2, new Check(CNI_ROW, () -> cni(infra.platform().cni())));
            }
            if (infra.platform().cni() == Cni.cilium && attached.isEmpty()) {
                checks.add(3, new Check(CiliumAddress.ROW, () -> new CiliumAddress(backends.nodes(), kube)
                        .check(cluster, infra.cilium().releaseName())));
            }
            String gpus = session.k3dConfig() == null ? null : session.k3dConfig().gpus();
            if (gpus != null) {
                checks.add(new Check(GpuAllocatable.ROW, () -> new GpuAllocatable(kube).check(cluster, gpus,
                        Path.of(session.gitOpsPath()))));
            }
            ApplicationHealth health = new ApplicationHealth(kube, infra.argocd().namespace(), grace, clock);
            CheckResult unlisted = null;
            try {
                applications(cluster, Path.of(session.gitOpsPath())).forEach(s -> checks.add(new Check(s.row(),
                        () -> health.check(s))));
            } catch (SikifansoException e) {
                unlisted = CheckResult.fail("Apps", "cannot list", e.getMessage(), e.fix());
            }
            results.addAll(runner.run(checks));
            if (unlisted != null) {
                results.add(unlisted);
            }
            return results;
        }
    }

    private static List<Check> platformChecks(ClusterName cluster, InfraConfig infra, Workloads workloads,
                                              Hint restart, boolean attached) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("Nodes", () -> workloads.nodes("Nodes", restart)));
        // An attached cluster is not ours to recreate.
        Hint recreate = attached ? restart : Hint.of(restart, "; if it persists, recreate it: ", recreate(cluster));
        String cilium = infra.cilium().namespace();
        String argo = infra.argocd().namespace();
        String release = infra.argocd().releaseName();
        List<Workloads.Target> ciliumParts = infra.platform().cni() != Cni.cilium ? List.of() : List.of(
                new Workloads.Target("Cilium agent", "DaemonSet", cilium, "cilium", recreate),
                new Workloads.Target("Cilium operator", "Deployment", cilium, "cilium-operator", recreate),
                new Workloads.Target("Hubble relay", "Deployment", cilium, "hubble-relay", recreate));
        for (Workloads.Target t : ciliumParts) {
            checks.add(new Check(t.row(), () -> workloads.workload(t)));
        }
        for (Workloads.Target t : List.of(
                new Workloads.Target("Argo CD server", "Deployment", argo, release + "-server", recreate),
                new Workloads.Target("Argo CD repo-server", "Deployment", argo, release + "-repo-server", recreate),
                new Workloads.Target("Argo CD application-controller", "StatefulSet", argo,
                        release + "-application-controller", recreate),
                new Workloads.Target("Argo CD applicationset-controller", "Deployment", argo,
                        release + "-applicationset-controller", recreate),
                new Workloads.Target("Argo CD redis", "Deployment", argo, release + "-redis", recreate))) {
            checks.add(new Check(t.row(), () -> workloads.workload(t)));
        }
        return checks;
    }

    static final String CNI_ROW = "CNI";
    static final String ATTACHED_ROW = "Attached cluster";

    /** The attached cluster's own CNI, and what the sandboxes get on it. */
    static CheckResult attachedCni(com.sikifanso.kube.ClusterFacts facts) {
        return facts.cilium() ? CheckResult.pass(CNI_ROW, "cilium (the cluster's): sandboxes get CiliumNetworkPolicy")
                : CheckResult.pass(CNI_ROW, facts.cni() + " (the cluster's): sandboxes get plain NetworkPolicy, "
                        + "no FQDN egress");
    }

    /** Which network plugin runs, and on flannel what the cluster does without Cilium. */
    static CheckResult cni(Cni cni) {
        return cni == Cni.cilium ? CheckResult.pass(CNI_ROW, "cilium: sandboxes get CiliumNetworkPolicy (FQDN egress),"
                + " Hubble observes traffic") : CheckResult.pass(CNI_ROW, "flannel: k3s' network policy controller"
                + " enforces the sandboxes' NetworkPolicy; no FQDN egress or Hubble (" + Cni.FLANNEL_LIMITS + ")");
    }

    /** Enabled catalog apps (by category, then name), custom apps, then agents: each one Application. */
    static List<ApplicationHealth.Subject> applications(ClusterName cluster, Path repo) {
        List<ApplicationHealth.Subject> subjects = new ArrayList<>();
        for (CatalogEntry e : Catalog.load(repo).entries()) {
            if (e.enabled()) {
                subjects.add(new ApplicationHealth.Subject("App: " + e.name(), cluster, e.name(),
                        Suggestion.of("app", "disable").arg("name", e.name()).cluster(cluster), true,
                        e.diagnostics()));
            }
        }
        for (CustomApp a : CustomApps.load(repo)) {
            subjects.add(new ApplicationHealth.Subject("App: " + a.name(), cluster, a.name(),
                    Suggestion.of("app", "remove").arg("name", a.name()).cluster(cluster), false));
        }
        for (String agent : ApplicationNames.yamlNames(repo.resolve(ApplicationNames.AGENTS_DIR))) {
            subjects.add(new ApplicationHealth.Subject("Agent: " + agent, cluster, agent,
                    Suggestion.of("agent", "delete").arg("name", agent).cluster(cluster), false));
        }
        return subjects;
    }

    /** The repo must be bind-mounted at /local-gitops in server-0, where Argo CD's repo-server reads it. */
    private CheckResult mount(ClusterName cluster, Session session) {
        String row = "GitOps mount";
        String container = cluster.k3d().server(0);
        InspectContainerResponse inspected = backends.nodes().inspect(container);
        Hint fix = Hint.of("the mount is fixed at creation: capture a snapshot (",
                Suggestion.of("snapshot", "capture").cluster(cluster), "), then ", recreate(cluster, "NAME"));
        Optional<String> source = inspected.getMounts() == null ? Optional.empty() : inspected.getMounts().stream()
                .filter(m -> m.getDestination() != null && NodeLayout.GITOPS_MOUNT.equals(m.getDestination()
                        .getPath()))
                .map(InspectContainerResponse.Mount::getSource).findFirst();
        if (source.isEmpty()) {
            return CheckResult.fail(row, "not mounted", container + " has nothing mounted at "
                    + NodeLayout.GITOPS_MOUNT + ", so Argo CD cannot read the repo", fix);
        }
        if (!samePath(source.get(), session.gitOpsPath())) {
            return CheckResult.fail(row, "another directory", container + " mounts " + source.get() + " at "
                    + NodeLayout.GITOPS_MOUNT + ", not this cluster's repo " + session.gitOpsPath(), fix);
        }
        return CheckResult.pass(row, source.get() + " at " + container + ":" + NodeLayout.GITOPS_MOUNT);
    }

    /** Node settings are fixed at creation: keep the repo in a snapshot and make the cluster again from it. */
    static Hint recreateFromSnapshot(ClusterName cluster) {
        return Hint.of(Suggestion.of("snapshot", "capture").cluster(cluster), ", then ", recreate(cluster, "NAME"));
    }

    /** Delete and create again: what a cluster whose nodes are broken needs. */
    static Hint recreate(ClusterName cluster) {
        return recreate(cluster, null);
    }

    private static Hint recreate(ClusterName cluster, String fromSnapshot) {
        Suggestion create = Suggestion.of("cluster", "create").arg("name", cluster);
        return Hint.of(Suggestion.of("cluster", "delete").arg("cluster", cluster), Hint.THEN,
                fromSnapshot == null ? create : create.option("fromSnapshot", fromSnapshot));
    }

    /** Stop and start: what a node whose address or API went astray needs. */
    static Hint restart(ClusterName cluster) {
        return Hint.of("restart the cluster: ", Suggestion.of("cluster", "stop").arg("cluster", cluster), Hint.THEN,
                Suggestion.of("cluster", "start").arg("cluster", cluster));
    }

    private static boolean samePath(String a, String b) {
        Path x = Path.of(a).toAbsolutePath().normalize();
        Path y = Path.of(b).toAbsolutePath().normalize();
        if (x.equals(y)) {
            return true;
        }
        try {
            return x.toRealPath().equals(y.toRealPath());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private InfraConfig infra(Session session) {
        try {
            return backends.infra().load(Path.of(session.gitOpsPath()));
        } catch (SikifansoException e) {
            return backends.infra().defaults();
        }
    }
}

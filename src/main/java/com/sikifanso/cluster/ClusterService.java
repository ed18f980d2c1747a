package com.sikifanso.cluster;

import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.sikifanso.core.Progress;
import com.sikifanso.core.K3dNames;

import com.sikifanso.catalog.AppService;
import com.sikifanso.catalog.ProfileSelection;
import com.sikifanso.catalog.Profiles;
import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.RepoPermissions;
import com.sikifanso.gitops.Scaffolder;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.ClusterLocks;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Clusters: their sessions and GitOps repos, their nodes in Docker and their kubeconfig entries.
 * Every change to one cluster holds its lock.
 */
public final class ClusterService {
    private final SessionStore sessions;
    private final ClusterLocks locks;
    private final Scaffolder scaffolder;
    private final AppService apps;
    private final Profiles profiles;
    private final Clock clock;
    private final ClusterBackends backends;

    public ClusterService(SessionStore sessions, ClusterLocks locks, Scaffolder scaffolder, AppService apps,
                          Profiles profiles, Clock clock, ClusterBackends backends) {
        this.sessions = sessions;
        this.locks = locks;
        this.scaffolder = scaffolder;
        this.apps = apps;
        this.profiles = profiles;
        this.clock = clock;
        this.backends = backends;
    }

    public ClusterBackends backends() {
        return backends;
    }

    /** The same service over other backends, e.g. another bootstrap. */
    public ClusterService withBackends(ClusterBackends other) {
        return new ClusterService(sessions, locks, scaffolder, apps, profiles, clock, other);
    }

    /** What {@code cluster create --gitops-only} did. */
    public record Prepared(Session session, boolean reused, Optional<AppService.ToggleResult> profile) {
    }

    /**
     * Prepares a cluster's session and GitOps repo without a cluster (state not-created). A repo
     * prepared earlier is reused as it is; a fresh one that fails half-way is removed again.
     */
    public Prepared prepare(ClusterName name, TemplateSource template, ProfileSelection profileList) {
        if (profileList != null) {
            profiles.resolve(profileList);
        }
        try (ClusterLocks.Held held = locks.acquire(name)) {
            if (sessions.exists(name)) {
                Session existing = sessions.load(name);
                if (existing.state() != ClusterState.NOT_CREATED) {
                    throw SikifansoException.failure("cluster \"" + name + "\" already exists (" + existing.state()
                            + ")", "use another name, or delete it first with: ",
                            Suggestion.of("cluster", "delete").arg("cluster", name));
                }
                return new Prepared(existing, true, applyProfiles(name, profileList));
            }
            Path dir = sessions.home().clusterDir(name);
            if (Files.exists(dir)) {
                throw SikifansoException.failure(dir + " exists but holds no session",
                        "remove it (rm -rf " + dir + ") or pick another cluster name");
            }
            return prepareFresh(name, template, profileList, dir);
        }
    }

    private Prepared prepareFresh(ClusterName name, TemplateSource template, ProfileSelection profileList, Path dir) {
        try {
            Path gitops = sessions.home().gitOpsDir(name);
            scaffolder.scaffold(gitops, template);
            String url = template instanceof TemplateSource.Custom c ? c.location() : Session.EMBEDDED_BOOTSTRAP;
            String version = template instanceof TemplateSource.Custom c ? c.tag() : null;
            Session session = new Session(name.value(), ClusterState.NOT_CREATED, Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), url, version,
                    gitops.toString(), null, null, null);
            sessions.save(session);
            return new Prepared(session, false, applyProfiles(name, profileList));
        } catch (RuntimeException e) {
            try {
                LocalFiles.deleteRecursively(dir);
            } catch (IOException ignored) {
                // The original failure is the one to report.
            }
            throw e;
        }
    }

    private Optional<AppService.ToggleResult> applyProfiles(ClusterName name, ProfileSelection profileList) {
        return profileList == null ? Optional.empty() : Optional.of(apps.enableProfiles(name, profileList));
    }

    /** Removes the cluster's session and GitOps repo; snapshots are kept. Works on a corrupt session too. */
    public void delete(ClusterName name) {
        delete(name, Progress.NONE);
    }

    /**
     * Removes the cluster's nodes, network and volumes, its kubeconfig entries, then its session and
     * GitOps repo; snapshots are kept. Parts already gone are fine; a corrupt session is no obstacle.
     */
    public void delete(ClusterName name, Progress progress) {
        try (ClusterLocks.Held held = locks.acquire(name)) {
            if (!Files.exists(sessions.home().clusterDir(name))) {
                List<String> known = sessions.names();
                throw SikifansoException.failure("no cluster named \"" + name + "\"",
                        known.isEmpty() ? "there are no clusters" : "clusters: " + String.join(", ", known));
            }
            new com.sikifanso.kube.Attachments(sessions.home()).find(name).ifPresent(a -> {
                throw SikifansoException.failure("cluster \"" + name + "\" is attached to an existing cluster (context "
                        + a.context() + "), which is not sikifanso's to delete; nothing was deleted",
                        "remove what attach installed with: ", Suggestion.of("cluster", "detach").arg("cluster", name),
                        ", then delete it");
            });
            K3dNames names = name.k3d();
            try {
                progress.note("removing the nodes, network and volumes of " + name);
                backends.nodes().remove(names);
            } catch (SikifansoException e) {
                if (neverHadNodes(name)) {
                    progress.note("skipping Docker: " + e.getMessage());
                } else {
                    throw SikifansoException.failure(Hint.of(e.problem(), "; nothing was deleted"),
                            e.fix() == null ? null : Hint.of(e.fix(), ", then retry the delete"), e);
                }
            }
            try {
                backends.kubeconfigs().remove(names);
            } catch (SikifansoException e) {
                progress.note("warning: kubeconfig entries of " + name + " not removed: " + e.getMessage());
            }
            sessions.delete(name);
        }
    }

    /** A session prepared with --gitops-only never had nodes, so deleting it needs no Docker. */
    private boolean neverHadNodes(ClusterName name) {
        try {
            return sessions.load(name).state() == ClusterState.NOT_CREATED;
        } catch (SikifansoException corrupt) {
            return true;
        }
    }

    /** One cluster's session, or a failure for a missing or corrupt one. */
    public Session info(ClusterName name) {
        return sessions.load(name);
    }

    /** A listed cluster: its session, or why it could not be read. */
    public record Listing(String name, Session session, String error) {
    }

    public List<Listing> list() {
        List<Listing> listings = new ArrayList<>();
        for (String name : sessions.names()) {
            try {
                listings.add(new Listing(name, sessions.load(ClusterName.of(name)), null));
            } catch (SikifansoException e) {
                listings.add(new Listing(name, null, e.getMessage()));
            }
        }
        return listings;
    }

    /**
     * What {@code cluster create} asked for.
     *
     * @param name read with {@link ClusterName#forNodes}: its nodes' names get k3d's prefix and suffix
     */
    public record CreateRequest(ClusterName name, TemplateSource template, ProfileSelection profiles, Integer agents,
                                String image, boolean switchContext, boolean keepOnFailure, java.time.Duration timeout,
                                boolean skipBootstrap, PullPolicy pull, String registryConfig, NodeOptions nodes,
                                ImagePreload preload) {
        /** A request that takes nothing from the image cache. */
        public CreateRequest(ClusterName name, TemplateSource template, ProfileSelection profiles, Integer agents,
                             String image, boolean switchContext, boolean keepOnFailure, java.time.Duration timeout,
                             boolean skipBootstrap, PullPolicy pull, String registryConfig, NodeOptions nodes) {
            this(name, template, profiles, agents, image, switchContext, keepOnFailure, timeout, skipBootstrap,
                    pull, registryConfig, nodes, ImagePreload.NONE);
        }

        /** A request with the default node options. */
        public CreateRequest(ClusterName name, TemplateSource template, ProfileSelection profiles, Integer agents,
                             String image, boolean switchContext, boolean keepOnFailure, java.time.Duration timeout,
                             boolean skipBootstrap, PullPolicy pull, String registryConfig) {
            this(name, template, profiles, agents, image, switchContext, keepOnFailure, timeout, skipBootstrap,
                    pull, registryConfig, NodeOptions.DEFAULTS);
        }
    }

    /** What {@code cluster create} made. */
    public record Created(Session session, Prepared prepared, Path kubeconfig) {
    }

    /**
     * Creates a cluster: checks Docker, prepares (or reuses) the GitOps repo, then ports, nodes,
     * kubeconfig and the bootstrap. A failure removes the Docker objects and kubeconfig entries it
     * made (unless asked to keep them) and keeps the repo, so a retry starts from it.
     */
    public Created create(CreateRequest request, Progress progress) {
        ClusterName name = request.name();
        if (request.profiles() != null) {
            profiles.resolve(request.profiles());
        }
        checkNodeCounts(request.nodes().servers(), request.agents());
        if (request.registryConfig() != null) {
            RegistryConfig.check(request.registryConfig(), "--registry-config");
        }
        ImageCache cache = new ImageCache(sessions.home());
        requireCached(request.preload(), request.image(), progress);
        PullPolicy pull = request.preload().offline() ? PullPolicy.NEVER : request.pull();
        try (ClusterLocks.Held held = locks.acquire(name)) {
            refuseExisting(name);
            Preflight.EngineFacts engine = backends.preflight().check(progress);
            List<String> leftovers = backends.nodes().leftovers(name.k3d());
            if (!leftovers.isEmpty()) {
                throw SikifansoException.failure("the name \"" + name + "\" is taken in Docker: "
                                + String.join(", ", leftovers)
                                + (leftovers.size() == 1 ? " already exists" : " already exist"),
                        "pick another name, or remove those (k3d cluster delete " + name + ", or docker rm -f and"
                                + " docker network rm)");
            }
            backends.kubeconfigs().checkWritable();
            Prepared prepared = prepare(request.name(), request.template(), request.profiles());
            progress.note((prepared.reused() ? "using the GitOps repo " : "prepared the GitOps repo ")
                    + prepared.session().gitOpsPath());
            // A repo prepared by an older sikifanso may be 0700/0600, which Argo CD cannot read.
            RepoPermissions.shareForReading(Path.of(prepared.session().gitOpsPath()));
            var infra = backends.infra().load(Path.of(prepared.session().gitOpsPath()));
            // Before the network and nodes: a pull that fails leaves nothing in Docker.
            backends.images().ensure(request.image() != null ? request.image() : infra.platform().k3sImage(),
                    pull, progress);
            int servers = request.nodes().servers() != null ? request.nodes().servers() : infra.platform().servers();
            if (servers > 1) {
                backends.images().ensure(infra.platform().loadBalancerImage() != null
                        ? infra.platform().loadBalancerImage() : ServerLoadBalancer.DEFAULT_IMAGE, pull,
                        progress);
            }
            if (request.nodes().registryPort() != null) {
                backends.images().ensure(ClusterRegistry.image(infra), pull, progress);
            }
            // A cluster seeded from a snapshot keeps the registries.yaml its session recorded.
            Session.K3dConfig seeded = prepared.session().k3dConfig();
            String registries = request.registryConfig() != null ? request.registryConfig()
                    : seeded == null ? null : seeded.registryConfig();
            List<Path> preloaded = cache.tarballs(request.preload().images());
            if (!preloaded.isEmpty()) {
                progress.note("nodes start from the image cache: " + preloaded.size() + " of "
                        + request.preload().images().size() + " images the platform"
                        + (request.profiles() == null ? "" : " and " + request.profiles()) + " need (" + cache.dir() + ")");
            }
            Session created = new ClusterCreation(backends, clock).run(prepared.session(), infra, engine,
                    new ClusterCreation.Options(request.nodes(), request.agents(), request.image(), request.switchContext(),
                            request.keepOnFailure(), request.timeout(), request.skipBootstrap(), registries, preloaded),
                    progress);
            sessions.save(created);
            if (!request.skipBootstrap()) {
                provisionCredentials(name, progress);
            }
            return new Created(created, prepared, backends.kubeconfigs().file());
        }
    }

    /**
     * {@code --offline}: every image the cluster needs must be in the cache and the node image in Docker, or the create
     * stops here, before anything exists, naming what is missing and the command that fetches it. Returns the preload
     * marked checked, which this asks about no more (a create that checked before writing its repo gives it so).
     */
    public ImagePreload requireCached(ImagePreload preload, String image, Progress progress) {
        if (!preload.offline() || preload.checked()) {
            return preload;
        }
        ImageCache cache = new ImageCache(sessions.home());
        List<String> missing = new ArrayList<>(cache.missing(preload.images()));
        String nodeImage = image != null ? image : backends.infra().defaults().platform().k3sImage();
        if (!backends.images().present(nodeImage)) {
            missing.add(0, nodeImage + " (node image, not in Docker)");
        }
        if (missing.isEmpty() && preload.unlisted().isEmpty()) {
            progress.note("offline: the node image " + nodeImage + " is in Docker and the cache holds every image to "
                    + "start from (" + preload.images().size() + "); nothing is pulled");
            return preload.asChecked();
        }
        List<String> problems = new ArrayList<>();
        if (!preload.unlisted().isEmpty()) {
            problems.add("never prefetched: " + String.join(", ", preload.unlisted()));
        }
        if (!missing.isEmpty()) {
            problems.add((missing.size() == 1 ? "1 image is" : missing.size() + " images are") + " missing from "
                    + cache.dir() + ": " + String.join(", ", missing));
        }
        Suggestion prefetch = Suggestion.of("image", "prefetch");
        if (preload.profiles() != null) {
            prefetch = prefetch.option("profile", "profiles", preload.profiles());
        }
        throw SikifansoException.failure("cluster create --offline cannot start from the image cache alone ("
                        + String.join("; ", problems) + "); nothing was created",
                "fetch them while online with: ", prefetch);
    }

    /** The node counts a create may ask for, checked before anything is made. */
    public static void checkNodeCounts(Integer servers, Integer agents) {
        if (agents != null && (agents < 0 || agents > 99)) {
            throw SikifansoException.usage(Hint.of(Suggestion.of("cluster", "create").option("agents", agents).mentionFlag(),
                    " must be 0 to 99, not " + agents));
        }
        if (servers != null && (servers < 1 || servers > 9)) {
            throw SikifansoException.usage(Hint.of(Suggestion.of("cluster", "create").option("servers", servers)
                    .mentionFlag(), " must be 1 to 9, not " + servers),
                    "one server, or an odd number such as 3 so etcd keeps its quorum when one stops");
        }
    }

    private void refuseExisting(ClusterName name) {
        if (sessions.exists(name)) {
            Session existing = sessions.load(name);
            if (existing.state() != ClusterState.NOT_CREATED) {
                throw SikifansoException.failure("cluster \"" + name + "\" already exists (" + existing.state()
                        + ")", "use another name, or delete it first with: ",
                            Suggestion.of("cluster", "delete").arg("cluster", name));
            }
        }
    }

    /**
     * Starts a cluster's nodes, servers first, records it as running, and then, unless
     * {@code waitFor} is null, waits that long for its API server to answer. The wait runs after
     * the lock is released: the containers are running either way, and other commands need not
     * queue behind it. Then it checks that Cilium is pointed at server-0's current address.
     */
    public Session start(ClusterName name, java.time.Duration waitFor, PullPolicy pull, Progress progress) {
        Session started = changeNodes(name, ClusterState.RUNNING, pull, progress);
        if (waitFor != null && started.ports() != null) {
            backends.bootstrap().awaitStarted("https://" + NodeLayout.HOST_IP + ":" + started.ports().apiServer(),
                    clock.instant().plus(waitFor), waitFor, progress);
            K3dNames names = name.k3d();
            backends.nodes().address(names.server(0), names.network())
                    .ifPresent(address -> backends.bootstrap().checkStarted(name, address, progress));
            try (ClusterLocks.Held held = locks.acquire(name)) {
                provisionCredentials(name, progress);
            }
        }
        return started;
    }

    /**
     * Enabled apps get the Secrets they lack (the values stay what they were). The cluster is up
     * either way, so a failure is a warning that says how to retry.
     */
    private void provisionCredentials(ClusterName name, Progress progress) {
        try {
            apps.provisionCredentials(name);
        } catch (SikifansoException e) {
            progress.note(Hint.of("warning: ", e.problem(), "; the apps' credentials are created at the next: ",
                    Suggestion.of("cluster", "start").arg("cluster", name)));
        }
    }

    /** Stops a cluster's nodes, agents first, and records it as stopped. */
    public Session stop(ClusterName name, Progress progress) {
        return changeNodes(name, ClusterState.STOPPED, PullPolicy.NEVER, progress);
    }

    private Session changeNodes(ClusterName name, ClusterState target, PullPolicy pull, Progress progress) {
        try (ClusterLocks.Held held = locks.acquire(name)) {
            Session session = sessions.load(name);
            // Refused before Docker is asked: an attached cluster's nodes are started and stopped by its provider.
            new com.sikifanso.kube.Attachments(sessions.home()).refuseNodeAction(name,
                    target == ClusterState.RUNNING ? "start" : "stop",
                    "its nodes are run by its provider (start or scale them there); check that sikifanso reaches it "
                            + "with: ", Suggestion.of("cluster", "doctor").arg("cluster", name),
                    "; to take sikifanso's platform off it: ", Suggestion.of("cluster", "detach").arg("cluster", name));
            if (session.state() == ClusterState.NOT_CREATED) {
                throw SikifansoException.failure("cluster \"" + name + "\" has no nodes yet (state not-created)",
                        "create them with: ",
                        Suggestion.of("cluster", "create").arg("name", name));
            }
            List<NodeRuntime.Node> nodes = backends.nodes().nodes(name);
            if (nodes.isEmpty()) {
                throw SikifansoException.failure("cluster \"" + name + "\" has no containers in Docker (missing)",
                        "recreate it: ", Suggestion.of("cluster", "delete").arg("cluster", name), Hint.THEN,
                        Suggestion.of("cluster", "create").arg("name", name));
            }
            if (target == ClusterState.RUNNING) {
                restoreImage(session, pull, progress);
                openRepo(session, progress);
                for (NodeRuntime.Node node : nodes) {
                    if (!node.running()) {
                        progress.step("starting " + node.name());
                        backends.nodes().start(node.id());
                    }
                }
            } else {
                for (NodeRuntime.Node node : nodes.reversed()) {
                    if (node.running()) {
                        progress.step("stopping " + node.name());
                        backends.nodes().stop(node.id());
                    }
                }
            }
            Session changed = session.withState(target);
            sessions.save(changed);
            return changed;
        }
    }

    /**
     * Pulls the cluster's node image again when its tag is gone from the engine (docker rmi -f,
     * a pruned machine): the nodes still run from the untagged layers, but nodes made later and
     * {@code k3d node create} need the tag. {@code never} does not look.
     */
    private void restoreImage(Session session, PullPolicy pull, Progress progress) {
        if (pull != PullPolicy.NEVER && session.k3dConfig() != null && session.k3dConfig().image() != null) {
            backends.images().ensure(session.k3dConfig().image(), pull, progress);
        }
    }

    /** Repos made before sikifanso shared them (0700/0600) are opened for Argo CD's repo-server on start. */
    private static void openRepo(Session session, Progress progress) {
        int changed = RepoPermissions.shareForReading(Path.of(session.gitOpsPath()));
        if (changed > 0) {
            progress.note("made " + changed + " files and directories of " + session.gitOpsPath()
                    + " readable by Argo CD's repo-server (0644/0755)");
        }
    }

    /** A cluster as the user sees it: its session (or why it is unreadable) and its live state in Docker. */
    public record Live(String name, Session session, String error, NodeRuntime.LiveState docker) {
    }

    /** Every cluster with its live Docker state; {@code docker} is null when Docker could not be asked. */
    public record Overview(List<Live> clusters, String dockerError) {
    }

    public Overview overview() {
        Map<String, List<NodeRuntime.Node>> docker = null;
        String dockerError = null;
        try {
            docker = backends.nodes().clusters();
        } catch (SikifansoException e) {
            dockerError = e.getMessage();
        }
        List<Live> result = new ArrayList<>();
        for (Listing l : list()) {
            NodeRuntime.LiveState state = docker == null ? null
                    : NodeRuntime.LiveState.of(docker.getOrDefault(l.name(), List.of()));
            result.add(new Live(l.name(), l.session(), l.error(), state));
        }
        return new Overview(result, dockerError);
    }

    /** One cluster's live state, or empty when Docker cannot be asked. */
    public Optional<NodeRuntime.LiveState> liveState(ClusterName name) {
        try {
            return Optional.of(NodeRuntime.LiveState.of(backends.nodes().nodes(name)));
        } catch (SikifansoException e) {
            return Optional.empty();
        }
    }
}

package com.sikifanso.ops;

import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.sikifanso.platform.InfraUpgrade;
import com.sikifanso.catalog.AppService;
import com.sikifanso.catalog.GpuRequirement;
import com.sikifanso.catalog.Profile;
import com.sikifanso.cluster.ClusterService;
import com.sikifanso.cluster.Gpus;
import com.sikifanso.cluster.ImageCache;
import com.sikifanso.cluster.ImagePreload;
import com.sikifanso.cluster.NodeOptions;
import com.sikifanso.cluster.NodeRuntime;
import com.sikifanso.cluster.PullPolicy;
import com.sikifanso.clusterfile.ClusterFile;
import com.sikifanso.clusterfile.LockFile;
import com.sikifanso.clusterfile.LockFileParser;
import com.sikifanso.infra.Cni;
import com.sikifanso.clusterfile.ClusterFiles;
import com.sikifanso.core.ClusterName;
import com.sikifanso.catalog.ProfileSelection;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.RemoteUrls;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.Session;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Cluster and profile operations. */
public final class ClusterOps {
    private ClusterOps() {
    }

    public record NoInput() {
    }

    /** The cluster a create makes when neither the command line nor the cluster file names one. */
    public static final String DEFAULT_NAME = "default";

    public record ClusterRef(@Param(Param.CLUSTER) String cluster) implements ClusterScoped {
    }

    /**
     * What cluster_create takes. The {@code @JsonIgnore} components are the CLI's alone and not part of the tool:
     * {@code registryConfig} is a file on the user's machine holding registry logins, {@code switchContext}
     * changes the user's current kubeconfig context, {@code keepOnFailure} leaves containers for a person to
     * inspect with docker, {@code showPassword} prints a secret, {@code skipBootstrap} is for bench/, {@code config}
     * is a cluster file on the user's machine (its settings are the tool's own arguments), {@code gitopsRemote}
     * publishes the repo with the user's git credentials (as gitops_remote_set, a person's choice), {@code
     * registryCreate} (a host port, 0 for a free one) is the registry a person pushes their own images to from this
     * machine ({@code registryName} its container's name, k3d's default when null), {@code fromLock} is a lock file on
     * the user's machine, {@code offline} starts the nodes from this machine's image cache alone. A tool call
     * gets them unset (no file, context kept, cleaned up, no password, full bootstrap).
     */
    public record ClusterCreateInput(
            @Param("Name for the new cluster (a DNS-1123 label)") String name,
            @Param(value = "Profiles whose apps to enable, e.g. [\"agent-dev\",\"rag\"] (see profile_list)",
                    optional = true) List<String> profiles,
            @Param(value = "Custom GitOps template: a git URL or local path; default: the built-in one",
                    optional = true) String bootstrapUrl,
            @Param(value = "Tag of the custom template (needs bootstrapUrl)", optional = true) String bootstrapVersion,
            @Param(value = "Only prepare the session and GitOps repo, without Docker nodes", defaultValue = "false")
            boolean gitopsOnly,
            @Param(value = "Agent (worker) nodes, 0-99", optional = true) Integer agents,
            @Param(value = "Snapshot to start from, its repo with history and its settings (see "
                    + "snapshot_list); excludes bootstrapUrl", optional = true) String fromSnapshot,
            @Param(value = "k3s node image", optional = true) String image,
            @Param(value = "When to pull the node image", defaultValue = "missing") PullPolicy pull,
            @Param(value = "Server nodes, 1-9 (more: embedded etcd)", optional = true) Integer servers,
            @Param(value = "Template: agent-lab, rag-lab, local-inference or the user's", optional = true)
            String template,
            @Param(value = "Network plugin, default cilium; flannel has no FQDN egress or Hubble", optional = true)
            Cni cni,
            @Param(value = "GPUs per node: all or a count", optional = true) String gpus,
            @JsonIgnore Path config,
            @JsonIgnore Path registryConfig,
            @JsonIgnore Boolean switchContext,
            @JsonIgnore Boolean keepOnFailure,
            @JsonIgnore Boolean showPassword,
            @JsonIgnore Boolean skipBootstrap,
            @JsonIgnore String gitopsRemote, @JsonIgnore Integer registryCreate,
            @JsonIgnore Path fromLock, @JsonIgnore Boolean offline, @JsonIgnore String registryName)
            implements ClusterScoped {
        /**
         * The one way code builds this input: a create of {@code name} (null: the file's, lock's or snapshot's) with
         * nothing else asked, as a tool call with no other argument gets it (the image pulled when missing, the
         * context kept, no file, full bootstrap), then what differs set by name.
         */
        public static Builder builder(String name) {
            return new Builder(name);
        }

        /** Sets what a create asks for, component by component, each left at the tool's default otherwise. */
        public static final class Builder {
            private final String name;
            private List<String> profiles;
            private String bootstrapUrl;
            private String bootstrapVersion;
            private boolean gitopsOnly;
            private Integer agents;
            private String fromSnapshot;
            private String image;
            private PullPolicy pull = PullPolicy.MISSING;
            private Integer servers;
            private String template;
            private Cni cni;
            private String gpus;
            private Path config;
            private Path registryConfig;
            private boolean switchContext;
            private boolean keepOnFailure;
            private boolean showPassword;
            private boolean skipBootstrap;
            private String gitopsRemote;
            private Integer registryCreate;
            private Path fromLock;
            private boolean offline;
            private String registryName;

            private Builder(String name) {
                this.name = name;
            }

            public Builder profiles(List<String> profiles) {
                this.profiles = profiles;
                return this;
            }

            public Builder bootstrap(String url, String version) {
                this.bootstrapUrl = url;
                this.bootstrapVersion = version;
                return this;
            }

            public Builder gitopsOnly(boolean gitopsOnly) {
                this.gitopsOnly = gitopsOnly;
                return this;
            }

            public Builder agents(Integer agents) {
                this.agents = agents;
                return this;
            }

            public Builder fromSnapshot(String snapshot) {
                this.fromSnapshot = snapshot;
                return this;
            }

            public Builder image(String image) {
                this.image = image;
                return this;
            }

            public Builder pull(PullPolicy pull) {
                this.pull = pull;
                return this;
            }

            public Builder servers(Integer servers) {
                this.servers = servers;
                return this;
            }

            public Builder template(String template) {
                this.template = template;
                return this;
            }

            public Builder cni(Cni cni) {
                this.cni = cni;
                return this;
            }

            public Builder gpus(String gpus) {
                this.gpus = gpus;
                return this;
            }

            public Builder config(Path file) {
                this.config = file;
                return this;
            }

            public Builder registryConfig(Path file) {
                this.registryConfig = file;
                return this;
            }

            public Builder switchContext(boolean switchContext) {
                this.switchContext = switchContext;
                return this;
            }

            public Builder keepOnFailure(boolean keepOnFailure) {
                this.keepOnFailure = keepOnFailure;
                return this;
            }

            public Builder showPassword(boolean showPassword) {
                this.showPassword = showPassword;
                return this;
            }

            public Builder skipBootstrap(boolean skipBootstrap) {
                this.skipBootstrap = skipBootstrap;
                return this;
            }

            public Builder gitopsRemote(String url) {
                this.gitopsRemote = url;
                return this;
            }

            /** {@code port}: the registry's host port, 0 for a free one, null for none; {@code name} null: k3d's. */
            public Builder registryCreate(Integer port, String name) {
                this.registryCreate = port;
                this.registryName = name;
                return this;
            }

            public Builder fromLock(Path lock) {
                this.fromLock = lock;
                return this;
            }

            public Builder offline(boolean offline) {
                this.offline = offline;
                return this;
            }

            public ClusterCreateInput build() {
                return new ClusterCreateInput(name, profiles, bootstrapUrl, bootstrapVersion, gitopsOnly, agents,
                        fromSnapshot, image, pull, servers, template, cni, gpus, config, registryConfig, switchContext,
                        keepOnFailure, showPassword, skipBootstrap, gitopsRemote, registryCreate, fromLock, offline,
                        registryName);
            }
        }

        /** The cluster made is the one named; without a name, the snapshot's, known once the snapshot is read. */
        @Override
        public String cluster() {
            return name;
        }
    }

    public record ClusterStartInput(@Param(Param.CLUSTER) String cluster,
                             @Wait("Wait until the cluster's API server answers again (up to 5 minutes)")
                             boolean waitForApi,
                             @Param(value = "Pull the node image again if its tag is gone: missing, always, never",
                                     defaultValue = "missing") PullPolicy pull) implements ClusterScoped {
    }

    public record ProfileApplyInput(@Param(Param.CLUSTER) String cluster,
                             @Param("Profile names, e.g. [\"agent-dev\",\"rag\"] (see profile_list)") List<String> profiles,
                             @Wait boolean waitForSync)
            implements ClusterScoped, WaitInput {
    }

    /** What cluster_upgrade may upgrade; the JSON names the component. */
    public enum UpgradeTarget { cilium, argocd, all }

    public record UpgradeInput(@Param(Param.CLUSTER) String cluster,
                        @Param(value = "What to upgrade to the versions in the cluster's infra settings",
                                defaultValue = "all") UpgradeTarget component,
                        @Param(value = "Skip the snapshot taken before upgrading", defaultValue = "false")
                        boolean skipSnapshot) implements ClusterScoped {

        List<InfraUpgrade.Component> components() {
            return switch (component) {
                case cilium -> List.of(InfraUpgrade.Component.CILIUM);
                case argocd -> List.of(InfraUpgrade.Component.ARGOCD);
                case all -> List.of(InfraUpgrade.Component.CILIUM, InfraUpgrade.Component.ARGOCD);
            };
        }
    }

    public record Upgraded(List<InfraUpgrade.Outcome> components) {
    }

    /**
     * One listed cluster: its session's state, ports and repo, and the live state of its containers in Docker
     * ({@code docker} absent when Docker could not be asked); {@code error} instead when its session is unreadable.
     */
    public record ClusterSummary(String name, String state, NodeRuntime.LiveState docker, Instant createdAt,
                                 String gitOpsPath, Session.Ports ports, String error) {
    }

    /** Every cluster; {@code dockerError} says why the live states are unknown. */
    public record ClusterList(List<ClusterSummary> clusters, Optional<String> dockerError) {
    }

    /** One cluster's session (no secrets unless the CLI's user asked) and, from cluster_info, its live Docker state. */
    public record ClusterDetails(Session session, Optional<NodeRuntime.LiveState> docker) {
        ClusterDetails(Session session) {
            this(session, Optional.empty());
        }
    }

    /**
     * What cluster_create did: the session, whether a prepared repo was reused, the profile's apps; with nodes,
     * the kubeconfig file and the context made current (when the CLI switched to it).
     */
    public record ClusterCreated(Session session, boolean reused, Optional<AppService.ToggleResult> profile,
                                 Optional<String> kubeconfig, Optional<String> currentContext) {
    }

    public record ClusterDeleted(String deleted) {
    }

    public record ProfileList(List<Profile> profiles) {
    }

    public static final Operation<NoInput, ClusterList> CLUSTER_LIST = Operation.of("cluster_list",
            "List the clusters on this machine with their state, containers in Docker and host ports: the "
                    + "names the other tools take.",
            Toolset.cluster, Safety.READ, NoInput.class, ClusterList.class,
            (in, ctx) -> list(ctx), ClusterText::list);

    public static final Operation<ClusterRef, ClusterDetails> CLUSTER_INFO = Operation.of("cluster_info",
            "Show one cluster: state, its containers in Docker, GitOps repo path, nodes, service URLs and host "
                    + "ports (no passwords or kubeconfigs).",
            Toolset.cluster, Safety.READ, ClusterRef.class, ClusterDetails.class,
            (in, ctx) -> new ClusterDetails(ctx.services().clusters().info(in.clusterName()).withoutSecrets(),
                    ctx.services().clusters().liveState(in.clusterName())),
            out -> ClusterText.box(out.session(), out.docker().orElse(null)));

    public static final Operation<ClusterCreateInput, ClusterCreated> CLUSTER_CREATE = Operation.of("cluster_create",
            "Create a cluster: its GitOps repo and session, then k3s nodes in Docker with Cilium and Argo CD "
                    + "(takes minutes). gitopsOnly makes just the repo and session.",
            Toolset.cluster, Safety.CREATE_OPEN_WORLD, ClusterCreateInput.class, ClusterCreated.class,
            ClusterOps::create, ClusterText::created);

    public static final Operation<ClusterRef, ClusterDeleted> CLUSTER_DELETE = Operation.of("cluster_delete",
            "Delete a cluster permanently: its Docker containers, network and volumes, kubeconfig entries, "
                    + "session and GitOps repo (snapshots are kept). Asks the user first.",
            Toolset.cluster, Safety.DESTRUCTIVE, ClusterRef.class, ClusterDeleted.class,
            (in, ctx) -> {
                ctx.services().clusters().delete(in.clusterName(), ctx.progress());
                return new ClusterDeleted(in.cluster());
            },
            out -> "Deleted cluster " + out.deleted() + ".\n")
            .confirmWhen(in -> Optional.of("Delete cluster \"" + in.cluster()
                    + "\" and its GitOps repo? This cannot be undone."));

    public static final Operation<ClusterStartInput, ClusterDetails> CLUSTER_START = Operation.of("cluster_start",
            "Start a stopped cluster's containers; with wait, return once its API server answers again.",
            Toolset.cluster, Safety.CHANGE, ClusterStartInput.class, ClusterDetails.class,
            (in, ctx) -> new ClusterDetails(ctx.services().clusters().start(in.clusterName(),
                    in.waitForApi() ? ctx.waitPolicy().timeout() : null, in.pull(), ctx.progress())
                    .withoutSecrets()),
            ClusterText::state);

    public static final Operation<ClusterRef, ClusterDetails> CLUSTER_STOP = Operation.of("cluster_stop",
            "Stop a cluster's containers; its state and GitOps repo are kept.",
            Toolset.cluster, Safety.CHANGE, ClusterRef.class, ClusterDetails.class,
            (in, ctx) -> new ClusterDetails(ctx.services().clusters().stop(in.clusterName(), ctx.progress())
                    .withoutSecrets()),
            ClusterText::state);

    public static final Operation<UpgradeInput, Upgraded> CLUSTER_UPGRADE = Operation.of("cluster_upgrade",
            "Upgrade Cilium and/or Argo CD to the chart versions in the cluster's infra settings: snapshot "
                    + "first, never a downgrade, rolled back on failure. Asks the user first.",
            Toolset.cluster, Safety.DESTRUCTIVE_OPEN_WORLD, UpgradeInput.class, Upgraded.class,
            (in, ctx) -> new Upgraded(ctx.services().upgrades().upgrade(in.clusterName(), in.components(),
                    in.skipSnapshot(), ctx.progress())),
            out -> String.join("\n", out.components().stream().map(InfraUpgrade.Outcome::summary).toList()))
            .confirmWhen(in -> Optional.of("Upgrade " + in.component() + " on cluster \"" + in.cluster()
                    + "\"? " + (in.skipSnapshot() ? "No snapshot will be taken." : "A snapshot is taken first.")));

    public static final Operation<NoInput, ProfileList> PROFILE_LIST = Operation.of("profile_list",
            "List the profiles: named sets of catalog apps, with what each enables. "
                    + "Profiles compose: agent-dev,rag enables the union.",
            Toolset.catalog, Safety.READ, NoInput.class, ProfileList.class,
            (in, ctx) -> new ProfileList(ctx.services().profiles().all()), ClusterText::profiles);

    public static final Operation<ProfileApplyInput, AppService.ToggleResult> PROFILE_APPLY = Operation.of(
                    "profile_apply", "Enable the apps of one or more profiles (and their dependencies) in the "
                            + "cluster's GitOps repo, in one commit.",
                    Toolset.catalog, Safety.CHANGE, ProfileApplyInput.class, AppService.ToggleResult.class,
                    (in, ctx) -> ctx.services().apps().enableProfiles(in.clusterName(),
                            ProfileNames.selection(in.profiles())),
                    CatalogOps::enabledText);

    static List<Operation<?, ?>> all() {
        return List.of(CLUSTER_LIST, CLUSTER_INFO, CLUSTER_CREATE, CLUSTER_DELETE, CLUSTER_START, CLUSTER_STOP,
                CLUSTER_UPGRADE, PROFILE_LIST, PROFILE_APPLY);
    }

    /**
     * Checks every input before anything is written: the flags laid over the cluster file (or template) first; a
     * snapshot seeds the repo, or the file's apps, agents and infra go into a prepared repo; then the nodes.
     */
    private static ClusterCreated create(ClusterCreateInput in, OperationContext ctx) {
        if (in.bootstrapVersion() != null && in.bootstrapUrl() == null) {
            throw SikifansoException.usage(Hint.of(Suggestion.of("cluster", "create").option("bootstrapVersion", "V")
                    .mentionFlag(), " needs ", Suggestion.of("cluster", "create").option("bootstrap", "bootstrapUrl", "URL")
                    .mentionFlag()),
                    "the built-in template always matches this sikifanso version");
        }
        if (in.fromSnapshot() != null && in.bootstrapUrl() != null) {
            throw SikifansoException.usage(Hint.of(Suggestion.of("cluster", "create").option("fromSnapshot", "S")
                    .mentionFlag(), " and ", Suggestion.of("cluster", "create").option("bootstrap", "bootstrapUrl", "URL")
                    .mentionFlag(), " exclude each other"),
                    "a cluster created from a snapshot takes the snapshot's GitOps repo");
        }
        if (in.registryConfig() != null && in.gitopsOnly()) {
            throw SikifansoException.usage("--registry-config and --gitops-only exclude each other",
                    "the registries.yaml goes into the nodes: give it to the cluster create that makes them");
        }
        if (in.registryCreate() != null && (in.registryCreate() < 0 || in.registryCreate() > 65535)) {
            throw SikifansoException.usage("--registry-create takes a host port from 1 to 65535, not "
                    + in.registryCreate(), "write e.g. --registry-create 5001, or leave the port out for a free one");
        }
        if (in.registryCreate() != null && in.gitopsOnly()) {
            throw SikifansoException.usage("--registry-create and --gitops-only exclude each other",
                    "the registry is a container beside the nodes: give it to the cluster create that makes them");
        }
        ClusterFile file = ClusterFileOps.resolved(in, ctx);
        ClusterFile.Nodes nodes = file.nodesOrEmpty();
        String registries = file.registryOrEmpty().config();
        ProfileSelection profiles = ProfileNames.selection(file.profiles());
        ClusterService clusters = ctx.services().clusters();
        ClusterName named = file.name() == null ? null : newCluster(in, file.name());
        // Without a name (the CLI's --from-snapshot alone), the snapshot's cluster name.
        ClusterName cluster = in.fromSnapshot() == null ? named : newCluster(in,
                ctx.services().snapshots().seedCluster(in.fromSnapshot(), named).session().clusterName());
        TemplateSource template = TemplateSource.of(in.bootstrapUrl(), in.bootstrapVersion());
        ClusterService.checkNodeCounts(nodes.servers(), nodes.agents());
        Gpus.parse(nodes.gpus());
        LockFile lock = in.fromLock() == null ? null : LockFileParser.read(in.fromLock());
        // The file's and lock's apps are written into the prepared repo before any node exists, while the session
        // cannot yet say how the nodes will be made, so AppService lets them through as for a repo without nodes;
        // the nodes this create will make are known only here.
        GpuRequirement.checkCreate(file.apps(), lock == null ? List.of() : lock.apps().stream().map(LockFile.App::name)
                .toList(), nodes.gpus(), in.gitopsOnly());
        String remote = in.gitopsRemote() == null ? null : RemoteUrls.require(in.gitopsRemote());
        // The image cache's lists are by profile: those of the file or flags, even when applied to the repo early.
        ImagePreload preload = new ImageCache(ctx.services().sessions().home()).preload(
                ProfileNames.selection(file.profiles()), Boolean.TRUE.equals(in.offline()));
        if (!in.gitopsOnly()) {
            // Before the repo is written; the create below is handed the checked preload and does not look again.
            preload = clusters.requireCached(preload, nodes.image(), ctx.progress());
        }
        ClusterService.Prepared early = null;
        if (ClusterFiles.changesRepo(file) || lock != null) {
            early = clusters.prepare(cluster, template, profiles);
            orForget(ctx, cluster, early.reused(), () -> {
                ctx.services().clusterFiles().apply(cluster, file);
                if (lock != null) {
                    replay(ctx, cluster, lock, in.fromLock());
                }
            });
            profiles = null;
        }
        if (remote != null) {
            // Pushed before any node exists, so Argo CD's first read is of the remote (and a refused URL costs none).
            early = early != null ? early : clusters.prepare(cluster, template, profiles);
            profiles = null;
            orForget(ctx, cluster, early.reused(), () -> ctx.services().remotes().setRemote(cluster, remote));
        }
        if (in.gitopsOnly()) {
            ClusterService.Prepared p = early != null ? early : clusters.prepare(cluster, template, profiles);
            return new ClusterCreated(p.session().withoutSecrets(), p.reused() && in.fromSnapshot() == null,
                    p.profile(), Optional.empty(), Optional.empty());
        }
        boolean switchContext = Boolean.TRUE.equals(in.switchContext());
        ClusterService.Created c = clusters.create(new ClusterService.CreateRequest(cluster, template, profiles,
                nodes.agents(), nodes.image(), switchContext, Boolean.TRUE.equals(in.keepOnFailure()),
                ctx.waitPolicy().timeout(), Boolean.TRUE.equals(in.skipBootstrap()), in.pull(), registries,
                new NodeOptions(nodes.servers(), hostPorts(file.ports()), Gpus.parse(nodes.gpus()),
                        registryPort(file.registryOrEmpty()), file.registryOrEmpty().name()), preload), ctx.progress());
        Session session = Boolean.TRUE.equals(in.showPassword()) ? c.session() : c.session().withoutSecrets();
        ClusterService.Prepared prepared = early != null ? early : c.prepared();
        // A repo seeded from a snapshot just now was made by this create, not found from an earlier one.
        return new ClusterCreated(session, prepared.reused() && in.fromSnapshot() == null, prepared.profile(),
                Optional.of(c.kubeconfig().toString()),
                switchContext ? Optional.of(cluster.k3d().context()) : Optional.empty());
    }

    /** The lock's apps and agents, in one commit; the images follow from them and are not pinned by a create. */
    private static void replay(OperationContext ctx, ClusterName cluster, LockFile lock, Path source) {
        ctx.services().lockReplay().apply(cluster, lock, source.toString());
        if (lock.imagesRecorded()) {
            ctx.progress().note(Hint.of("note: the lock's " + lock.images().size() + " images are not pinned: they "
                    + "follow from the chart versions and values; ", Suggestion.of("cluster", "diff-lock")
                    .cluster(cluster).cliArg(source), " says if any differ"));
        }
    }

    /** The host ports a cluster file asked for, 0 for those it left out; null when it asked for none. */
    private static Session.Ports hostPorts(ClusterFile.Ports p) {
        return p == null ? null : new Session.Ports(zeroIfNull(p.api()), zeroIfNull(p.http()), zeroIfNull(p.https()),
                zeroIfNull(p.argocd()), zeroIfNull(p.hubble()));
    }

    /** The registry's host port a file or --registry-create asked for (0: a free one); null for no registry. */
    private static Integer registryPort(ClusterFile.Registry r) {
        return Boolean.TRUE.equals(r.create()) ? zeroIfNull(r.port()) : null;
    }

    private static int zeroIfNull(Integer port) {
        return port == null ? 0 : port;
    }

    /**
     * The file's repo parts, and the remote, go in all or not at all: a repo made for this create is removed again
     * when one fails (as gitops remote set refuses a remote, nothing is left of it).
     */
    private static void orForget(OperationContext ctx, ClusterName cluster, boolean reused, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            if (!reused) {
                ctx.services().clusters().delete(cluster);
            }
            throw e;
        }
    }

    /** Nodes get k3d's names around the cluster's, so a cluster with nodes has a shorter limit. */
    private static ClusterName newCluster(ClusterCreateInput in, String name) {
        return in.gitopsOnly() ? ClusterName.of(name) : ClusterName.forNodes(name);
    }

    /** Unreadable sessions and an unreachable Docker are warnings (on the CLI's stderr), not failures. */
    private static ClusterList list(OperationContext ctx) {
        ClusterService.Overview overview = ctx.services().clusters().overview();
        if (overview.dockerError() != null) {
            ctx.progress().accept("warning: live state unknown: " + overview.dockerError());
        }
        overview.clusters().stream().filter(l -> l.error() != null)
                .forEach(l -> ctx.progress().accept("warning: " + l.error()));
        return new ClusterList(overview.clusters().stream().map(ClusterOps::summary).toList(),
                Optional.ofNullable(overview.dockerError()));
    }

    private static ClusterSummary summary(ClusterService.Live l) {
        Session s = l.session();
        return s == null ? new ClusterSummary(l.name(), null, l.docker(), null, null, null, l.error())
                : new ClusterSummary(l.name(), s.state().label(), l.docker(), s.createdAt(), s.gitOpsPath(),
                        s.ports(), null);
    }
}

package com.sikifanso.ops;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.sikifanso.argocd.SyncOrchestrator;
import com.sikifanso.catalog.SyncTargets;
import com.sikifanso.platform.InfraUpgrade;
import com.sikifanso.catalog.AppService;
import com.sikifanso.catalog.Profile;
import com.sikifanso.cluster.ClusterService;
import com.sikifanso.cluster.PullPolicy;
import com.sikifanso.core.Table;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.Session;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Cluster and profile operations. */
public final class ClusterOps {
    private ClusterOps() {
    }

    record NoInput() {
    }

    public record ClusterRef(@Param("Name of the cluster") String cluster) {
    }

    record ClusterCreateInput(
            @Param("Name for the new cluster (a DNS-1123 label)") String name,
            @Param(value = "Profiles whose apps to enable, e.g. [\"agent-dev\",\"rag\"] (see profile_list)",
                    optional = true) List<String> profiles,
            @Param(value = "Custom GitOps template: a git URL or a local path; leave out for the built-in one",
                    optional = true) String bootstrapUrl,
            @Param(value = "Tag of the custom template", optional = true) String bootstrapVersion,
            @Param(value = "Only prepare the session and GitOps repo, without Docker nodes", defaultValue = "false")
            boolean gitopsOnly,
            @Param(value = "Agent (worker) nodes besides the server", defaultValue = "0") int agents) {
    }

    record ClusterStartInput(@Param("Name of the cluster") String cluster,
                             @Param(value = "Wait until the cluster's API server answers again (up to 5 minutes)",
                                     defaultValue = "false") @JsonProperty("wait")
                             boolean waitForApi) {
    }

    public record ProfileApplyInput(@Param("Name of the cluster") String cluster,
                             @Param("Profile names, e.g. [\"agent-dev\",\"rag\"] (see profile_list)") List<String> profiles,
                             @Param(value = "Wait until Argo CD has applied the change (up to 5 minutes), reporting progress",
                                defaultValue = "false") @JsonProperty("wait") boolean waitForSync)
            implements WaitInput {
    }

    /** What cluster_upgrade may upgrade; the JSON names the component. */
    enum UpgradeTarget { cilium, argocd, all }

    record UpgradeInput(@Param("Name of the cluster") String cluster,
                        @Param(value = "What to upgrade to the versions in the cluster's infra settings",
                                defaultValue = "all") UpgradeTarget component,
                        @Param(value = "Skip the snapshot taken before upgrading", defaultValue = "false")
                        boolean skipSnapshot) {

        List<InfraUpgrade.Component> components() {
            return switch (component) {
                case cilium -> List.of(InfraUpgrade.Component.CILIUM);
                case argocd -> List.of(InfraUpgrade.Component.ARGOCD);
                case all -> List.of(InfraUpgrade.Component.CILIUM, InfraUpgrade.Component.ARGOCD);
            };
        }
    }

    record Upgraded(List<InfraUpgrade.Outcome> components) {
    }

    record ClusterSummary(String name, String state, Instant createdAt, String gitOpsPath, String error) {
    }

    record ClusterList(List<ClusterSummary> clusters) {
    }

    record ClusterDetails(Session session) {
    }

    record ClusterCreated(Session session, boolean reused, Optional<AppService.ToggleResult> profile) {
    }

    record ClusterDeleted(String deleted) {
    }

    record ProfileList(List<Profile> profiles) {
    }

    public static final Operation<ProfileApplyInput, AppService.ToggleResult> PROFILE_APPLY = Operation.of(
                    "profile_apply", "Enable the apps of one or more profiles (and their dependencies) in the "
                            + "cluster's GitOps repo, in one commit.",
                    Toolset.catalog, Safety.CHANGE, ProfileApplyInput.class, AppService.ToggleResult.class,
                    (in, ctx) -> ctx.services().apps().enableProfiles(in.cluster(), ProfileNames.joined(in.profiles())),
                    CatalogOps::enabledText);

    static List<Operation<?, ?>> all() {
        return List.of(
                Operation.of("cluster_list", "List every sikifanso cluster on this machine with its state. "
                                + "Use it to discover cluster names for the other tools.",
                        Toolset.cluster, Safety.READ, NoInput.class, ClusterList.class,
                        (in, ctx) -> new ClusterList(ctx.services().clusters().list().stream()
                                .map(ClusterOps::summary).toList()),
                        ClusterOps::listText),
                Operation.of("cluster_info", "Show one cluster: state, GitOps repo path, bootstrap template, service "
                                + "URLs and host ports. Never includes passwords or kubeconfigs.",
                        Toolset.cluster, Safety.READ, ClusterRef.class, ClusterDetails.class,
                        (in, ctx) -> new ClusterDetails(ctx.services().clusters().info(in.cluster()).withoutSecrets()),
                        out -> infoText(out.session())),
                Operation.of("cluster_create", "Create a cluster: its GitOps repo and session, then k3s nodes in "
                                + "Docker bootstrapped with Cilium and Argo CD (takes minutes; progress is reported). "
                                + "gitopsOnly prepares just the repo and session. Profiles enable sets of apps.",
                        Toolset.cluster, new Safety(false, false, false, true), ClusterCreateInput.class,
                        ClusterCreated.class,
                        (in, ctx) -> {
                            TemplateSource template = TemplateSource.of(in.bootstrapUrl(), in.bootstrapVersion());
                            if (in.gitopsOnly()) {
                                ClusterService.Prepared p = ctx.services().clusters().prepare(in.name(), template,
                                        ProfileNames.joined(in.profiles()));
                                return new ClusterCreated(p.session().withoutSecrets(), p.reused(), p.profile());
                            }
                            ClusterService.Created c = ctx.services().clusters().create(new ClusterService.CreateRequest(
                                    in.name(), template, ProfileNames.joined(in.profiles()), in.agents(), null, false,
                                    false, SyncOrchestrator.DEFAULT_TIMEOUT, false, PullPolicy.MISSING, null),
                                    ctx.progress());
                            return new ClusterCreated(c.session().withoutSecrets(), c.prepared().reused(),
                                    c.prepared().profile());
                        },
                        out -> (out.reused() ? "Reused" : "Prepared") + " cluster " + out.session().clusterName()
                                + "; GitOps repo at " + out.session().gitOpsPath()
                                + out.profile().map(r -> "; enabled " + String.join(", ", r.changed())).orElse("")),
                Operation.of("cluster_delete", "Delete a cluster permanently: its session and GitOps repo. "
                                + "Snapshots are kept. Asks the user first.",
                        Toolset.cluster, Safety.DESTRUCTIVE, ClusterRef.class, ClusterDeleted.class,
                        (in, ctx) -> {
                            ctx.services().clusters().delete(in.cluster());
                            return new ClusterDeleted(in.cluster());
                        },
                        out -> "Deleted cluster " + out.deleted())
                        .confirmWhen(in -> Optional.of("Delete cluster \"" + in.cluster()
                                + "\" and its GitOps repo? This cannot be undone.")),
                Operation.of("cluster_start", "Start a stopped cluster's containers; with wait, return once its "
                                + "API server answers again.",
                        Toolset.cluster, Safety.CHANGE, ClusterStartInput.class, ClusterDetails.class,
                        (in, ctx) -> new ClusterDetails(ctx.services().clusters().start(in.cluster(),
                                in.waitForApi() ? SyncOrchestrator.DEFAULT_TIMEOUT : null,
                                PullPolicy.MISSING, ctx.progress()).withoutSecrets()),
                        out -> "Cluster " + out.session().clusterName() + " is " + out.session().state()),
                Operation.of("cluster_stop", "Stop a cluster's containers; its state and GitOps repo are kept.",
                        Toolset.cluster, Safety.CHANGE, ClusterRef.class, ClusterDetails.class,
                        (in, ctx) -> new ClusterDetails(ctx.services().clusters().stop(in.cluster(), ctx.progress())
                                .withoutSecrets()),
                        out -> "Cluster " + out.session().clusterName() + " is " + out.session().state()),
                Operation.of("cluster_upgrade", "Upgrade Cilium and/or Argo CD to the chart versions in the cluster's "
                                + "infra settings, through the cluster's own context: snapshot first, never a "
                                + "downgrade, rolled back on failure, and the matching Argo CD Application updated so "
                                + "it is not reverted. Asks the user first.",
                        Toolset.cluster, new Safety(false, true, true, true), UpgradeInput.class, Upgraded.class,
                        (in, ctx) -> new Upgraded(ctx.services().upgrades().upgrade(in.cluster(), in.components(),
                                in.skipSnapshot(), ctx.progress())),
                        out -> String.join("\n", out.components().stream().map(InfraUpgrade.Outcome::summary)
                                .toList()))
                        .confirmWhen(in -> Optional.of("Upgrade " + in.component() + " on cluster \"" + in.cluster()
                                + "\"? " + (in.skipSnapshot() ? "No snapshot will be taken." : "A snapshot is taken first."))),
                Operation.of("profile_list", "List the profiles: named sets of catalog apps, with what each enables. "
                                + "Profiles compose: agent-dev,rag enables the union.",
                        Toolset.catalog, Safety.READ, NoInput.class, ProfileList.class,
                        (in, ctx) -> new ProfileList(ctx.services().profiles().all()),
                        out -> {
                            Table t = new Table("NAME", "DESCRIPTION", "APPS");
                            out.profiles().forEach(p -> t.row(p.name(), p.description(), String.join(", ", p.apps())));
                            return t.render();
                        }),
                PROFILE_APPLY);
    }

    private static ClusterSummary summary(ClusterService.Listing l) {
        Session s = l.session();
        return s == null ? new ClusterSummary(l.name(), null, null, null, l.error())
                : new ClusterSummary(l.name(), s.state().label(), s.createdAt(), s.gitOpsPath(), null);
    }

    private static String listText(ClusterList list) {
        if (list.clusters().isEmpty()) {
            return "No clusters. Create one with cluster_create.";
        }
        Table t = new Table("NAME", "STATE", "GITOPS");
        list.clusters().forEach(c -> t.row(c.name(), c.error() == null ? c.state() : "error: " + c.error(),
                c.gitOpsPath()));
        return t.render();
    }

    private static String infoText(Session s) {
        return "Cluster " + s.clusterName() + " (" + s.state() + ")\nGitOps repo: " + s.gitOpsPath()
                + "\nBootstrap: " + s.bootstrapURL() + (s.bootstrapVersion() == null ? "" : " @ " + s.bootstrapVersion())
                + (s.services() == null || s.services().argocd() == null ? ""
                        : "\nArgo CD: " + s.services().argocd().url())
                + (s.ports() == null ? "" : "\nAPI server port: " + s.ports().apiServer());
    }
}

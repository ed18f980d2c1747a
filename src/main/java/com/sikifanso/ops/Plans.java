package com.sikifanso.ops;

import com.sikifanso.Services;
import com.sikifanso.core.ClusterName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How each mutating operation is planned. Those whose whole change is a GitOps commit are rehearsed on a copy
 * ({@link Rehearsal}) and planned with the files and diff they would commit; the others change the cluster, Docker
 * or files beside the repo (a sync, a rotation of Secrets, nodes, snapshots), which no diff shows, so their plan is
 * one sentence in words and says that no diff was computed.
 */
final class Plans {
    /** Rehearsed: the operation's change is the commit (app_rollback's sync afterwards only applies it). */
    static final Set<String> COMMITTING = Set.of(CatalogOps.ENABLE.name(), CatalogOps.DISABLE.name(),
            CatalogOps.ADD.name(), CatalogOps.REMOVE.name(), ClusterOps.PROFILE_APPLY.name(), AgentOps.CREATE.name(),
            AgentOps.UPDATE.name(), AgentOps.DELETE.name(), ArgoCdOps.ROLLBACK.name(), RunOps.UNDO.name(),
            CatalogOps.CHANGE.name(), ShareOps.BUNDLE_APPLY.name());

    private static final String NO_DIFF = " No GitOps commit, so no diff.";

    /** Planned in words: what the call would do, from its arguments. */
    static final Map<String, Function<Map<String, Object>, String>> IN_WORDS = Map.ofEntries(
            Map.entry(ArgoCdOps.SYNC.name(), a -> "Ask Argo CD to sync " + arg(a, "name", "every app")
                    + " in cluster " + arg(a, "cluster", "?") + " now, applying what the repo already holds."),
            Map.entry(AttachOps.ATTACH.name(), a -> "Install Argo CD (unless one is there and may be used), the "
                    + "repository Secret and the root ApplicationSets into the cluster of context "
                    + arg(a, "context", "?") + " as cluster " + arg(a, "cluster", "?") + "."),
            Map.entry(AttachOps.DETACH.name(), a -> "Remove from cluster " + arg(a, "cluster", "?")
                    + " exactly what cluster attach installed there, the apps of its ApplicationSets included."),
            Map.entry(CatalogSourceOps.ADD.name(), a -> "Fetch " + arg(a, "reference", "?") + ", lint its entries and,"
                    + " when they pass, record it as catalog source " + arg(a, "name", "?") + " at its commit or"
                    + " digest."),
            Map.entry(CatalogSourceOps.UPDATE.name(), a -> "Fetch catalog source " + arg(a, "name", "?")
                    + "'s reference again, lint it and move its pin; clusters keep what they enabled."),
            Map.entry(CatalogSourceOps.REMOVE.name(), a -> "Forget catalog source " + arg(a, "name", "?")
                    + " and its files; clusters keep the entries they enabled."),
            Map.entry(CatalogOps.ROTATE_CREDENTIALS.name(), a -> "Replace the generated credentials of "
                    + arg(a, "name", "?") + " in cluster " + arg(a, "cluster", "?") + " (in its Secrets and its "
                    + "consumers' copies) and restart what uses them."),
            Map.entry(ClusterOps.CLUSTER_CREATE.name(), a -> "Create cluster " + arg(a, "name", "from the snapshot")
                    + ": Docker nodes, Cilium and Argo CD, and a new GitOps repo"
                    + (a.get("profiles") == null ? "" : " with profiles " + a.get("profiles") + " enabled") + "."),
            Map.entry(ImageOps.IMAGE_IMPORT.name(), a -> "Load the images " + arg(a, "images", "?")
                    + " from this machine's Docker into every node of cluster " + arg(a, "cluster", "?") + "."),
            Map.entry(ImageOps.IMAGE_PREFETCH.name(), a -> "Pull the images a cluster with profiles "
                    + arg(a, "profiles", "?") + " runs, those not cached yet, into this machine's Docker and save them"
                    + " into the image cache."),
            Map.entry(ClusterOps.CLUSTER_DELETE.name(), a -> "Delete cluster " + arg(a, "cluster", "?")
                    + ": its Docker nodes, network, session and GitOps repo."),
            Map.entry(ClusterOps.CLUSTER_START.name(), a -> "Start the stopped Docker nodes of cluster "
                    + arg(a, "cluster", "?") + "."),
            Map.entry(ClusterOps.CLUSTER_STOP.name(), a -> "Stop the Docker nodes of cluster "
                    + arg(a, "cluster", "?") + ", keeping their data."),
            Map.entry(ClusterOps.CLUSTER_UPGRADE.name(), a -> "Upgrade " + arg(a, "component", "all") + " in cluster "
                    + arg(a, "cluster", "?") + " to the chart versions in its infra settings with Helm"
                    + (Boolean.TRUE.equals(a.get("skipSnapshot")) ? "" : ", after taking a snapshot") + "."),
            Map.entry(SnapshotOps.CAPTURE.name(), a -> "Save cluster " + arg(a, "cluster", "?")
                    + "'s GitOps repo and settings as snapshot " + arg(a, "name", "CLUSTER-DATE") + "."),
            Map.entry(SnapshotOps.RESTORE.name(), a -> "Replace the GitOps repo of cluster "
                    + arg(a, "cluster", "the snapshot's cluster") + " with snapshot " + arg(a, "name", "?")
                    + "'s, in one commit that Argo CD applies."),
            Map.entry(SnapshotOps.DELETE.name(), a -> "Delete snapshot " + arg(a, "name", "?") + "."),
            Map.entry(GitOpsOps.PUSH.name(), a -> "Push the commits of cluster " + arg(a, "cluster", "?")
                    + "'s GitOps repo that its remote lacks."),
            Map.entry(ShareOps.PUSH.name(), a -> "Push a profile bundle or agent template file to " + arg(a, "reference", "?") + "."),
            Map.entry(GitOpsOps.REMOTE_SET.name(), a -> "Publish cluster " + arg(a, "cluster", "?")
                    + "'s GitOps repo to " + arg(a, "url", "?") + " and push every later change there."));

    private Plans() {
    }

    static boolean rehearsed(Operation<?, ?> operation) {
        return COMMITTING.contains(operation.name());
    }

    static <I extends Record, O extends Record> Plan of(Services services, Operation<I, O> operation, I input) {
        Map<String, Object> arguments = StructuredResults.of(input);
        if (operation.safety().readOnly()) {
            return new Plan(operation.name(), arguments, operation.safety(), operation.name()
                    + " only reads; it changes nothing.", List.of(), "");
        }
        Optional<ClusterName> cluster = input instanceof ClusterScoped s && s.cluster() != null
                ? Optional.of(s.clusterName()) : Optional.empty();
        if (rehearsed(operation) && cluster.isPresent()) {
            Rehearsal.Rehearsed r = new Rehearsal(services).rehearse(operation, input, cluster.get());
            return new Plan(operation.name(), arguments, operation.safety(), summary(operation, cluster.get(), r),
                    r.files(), r.diff());
        }
        // The call would refuse a cluster that does not exist; so does its plan, with the same message.
        if (cluster.isPresent() && !operation.name().equals(ClusterOps.CLUSTER_CREATE.name())) {
            services.sessions().load(cluster.get());
        }
        Function<Map<String, Object>, String> words = IN_WORDS.getOrDefault(operation.name(),
                a -> firstSentence(operation.description()));
        return new Plan(operation.name(), arguments, operation.safety(), words.apply(arguments) + NO_DIFF,
                List.of(), "");
    }

    private static String summary(Operation<?, ?> operation, ClusterName cluster, Rehearsal.Rehearsed r) {
        if (r.subjects().isEmpty()) {
            return operation.name() + " would change nothing in cluster " + cluster.value() + ": "
                    + operation.render(r.output()).strip().replace('\n', ' ');
        }
        return "Commit \"" + String.join("\", then \"", r.subjects()) + "\" to cluster " + cluster.value()
                + "'s GitOps repo (" + r.files().size() + (r.files().size() == 1 ? " file" : " files")
                + "); Argo CD then applies it.";
    }

    private static String arg(Map<String, Object> arguments, String name, String otherwise) {
        Object value = arguments.get(name);
        return value == null ? otherwise : value.toString();
    }

    private static String firstSentence(String description) {
        int end = description.indexOf(". ");
        return end < 0 ? description : description.substring(0, end + 1);
    }
}

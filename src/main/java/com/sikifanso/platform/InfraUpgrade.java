package com.sikifanso.platform;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.sikifanso.core.Progress;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.kube.Attachment;
import com.sikifanso.kube.KubeClients;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.infra.ChartCoordinates;
import com.sikifanso.infra.InfraConfig;
import com.sikifanso.infra.InfraConfigs;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code cluster upgrade}: moves the Cilium and Argo CD releases to the versions in the cluster's
 * infra settings, through the cluster's own kubeconfig context. Never downgrades; takes a snapshot
 * first; a failed upgrade is rolled back by Helm; and the matching Argo CD Application is updated
 * so Argo CD does not put the old version back.
 */
public final class InfraUpgrade {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    public enum Component {
        CILIUM, ARGOCD;

        public String label() {
            return this == CILIUM ? "Cilium" : "Argo CD";
        }
    }

    /** One component's upgrade: from and to versions, the snapshot taken, or why it was skipped. */
    public record Outcome(Component component, String from, String to, String snapshot, String skipped) {
        public boolean upgraded() {
            return skipped == null;
        }

        /** One line for people and models, e.g. "Cilium: 1.18.1 -> 1.18.4 (snapshot: pre-upgrade-…)". */
        public String summary() {
            return component.label() + ": " + (upgraded()
                    ? from + " -> " + to + (snapshot == null ? "" : " (snapshot: " + snapshot + ")")
                    : from + " (" + skipped + ")");
        }
    }

    /** Takes the pre-upgrade snapshot and returns its name. */
    @FunctionalInterface
    public interface Snapshots {
        String capture(ClusterName cluster, String name);
    }

    private final SessionStore sessions;
    private final InfraConfigs infraConfigs;
    private final ChartInstaller charts;
    private final Function<ClusterName, String> kubeconfigs;
    private final KubeClients clients;
    private final Function<ClusterName, Optional<String>> serverAddresses;
    private final Snapshots snapshots;
    private final Clock clock;
    private final Duration timeout;
    private final Function<ClusterName, Optional<Attachment>> attachments;

    /**
     * @param kubeconfigs a cluster's own kubeconfig (only its context), by cluster name
     * @param serverAddresses server-0's IP on the cluster network, by cluster name
     */
    public InfraUpgrade(SessionStore sessions, InfraConfigs infraConfigs, ChartInstaller charts,
                        Function<ClusterName, String> kubeconfigs, KubeClients clients,
                        Function<ClusterName, Optional<String>> serverAddresses, Snapshots snapshots, Clock clock,
                        Duration timeout) {
        this(sessions, infraConfigs, charts, kubeconfigs, clients, serverAddresses, snapshots, clock, timeout,
                cluster -> Optional.empty());
    }

    /** @param attachments what attach recorded for a cluster sikifanso did not create, by cluster name */
    public InfraUpgrade(SessionStore sessions, InfraConfigs infraConfigs, ChartInstaller charts,
                        Function<ClusterName, String> kubeconfigs, KubeClients clients,
                        Function<ClusterName, Optional<String>> serverAddresses, Snapshots snapshots, Clock clock,
                        Duration timeout, Function<ClusterName, Optional<Attachment>> attachments) {
        this.attachments = attachments;
        this.sessions = sessions;
        this.infraConfigs = infraConfigs;
        this.charts = charts;
        this.kubeconfigs = kubeconfigs;
        this.clients = clients;
        this.serverAddresses = serverAddresses;
        this.snapshots = snapshots;
        this.clock = clock;
        this.timeout = timeout;
    }

    public List<Outcome> upgrade(ClusterName cluster, List<Component> components, boolean skipSnapshot,
                                 Progress progress) {
        Session session = sessions.load(cluster);
        if (session.state() != ClusterState.RUNNING) {
            // A --gitops-only cluster has no nodes to start: create makes them from the repo it has.
            throw SikifansoException.failure("cluster \"" + cluster + "\" is " + session.state()
                    + "; only a running cluster can be upgraded", session.state() == ClusterState.NOT_CREATED
                            ? Hint.of("create its nodes (its GitOps repo is used as it is): ",
                                    Suggestion.of("cluster", "create").arg("name", cluster))
                            : Hint.of("start it with: ", Suggestion.of("cluster", "start").arg("cluster", cluster)));
        }
        InfraConfig infra = infraConfigs.load(Path.of(session.gitOpsPath()));
        Optional<Attachment> attached = attachments.apply(cluster);
        if (attached.isPresent()) {
            return upgradeAttached(cluster, attached.get(), components, infra, skipSnapshot, progress);
        }
        String kubeconfig = kubeconfigs.apply(cluster);
        List<Outcome> outcomes = new ArrayList<>();
        for (Component component : components) {
            outcomes.add(upgradeOne(cluster, component, infra, kubeconfig, skipSnapshot, false, progress));
        }
        return outcomes;
    }

    /**
     * On an attached cluster only what attach installed is sikifanso's to upgrade: Argo CD when attach installed it,
     * through the recorded context. Cilium never is (attach installs none), nor an Argo CD that was there before. A
     * request for nothing but such parts is refused; with others they are skipped, saying why.
     */
    private List<Outcome> upgradeAttached(ClusterName cluster, Attachment attached, List<Component> components,
                                          InfraConfig infra, boolean skipSnapshot, Progress progress) {
        List<Component> ours = components.stream().filter(c -> c == Component.ARGOCD
                && attached.installed() != null && attached.installed().argocdRelease() != null).toList();
        if (ours.isEmpty()) {
            throw SikifansoException.failure("cluster \"" + cluster + "\" is attached to an existing cluster (context "
                            + attached.context() + "), and sikifanso did not install its "
                            + String.join(" or ", components.stream().map(Component::label).toList())
                            + "; nothing was changed",
                    "upgrade them the way they were installed (your provider's add-ons, your own Helm release); see "
                            + "what the cluster runs with: ", Suggestion.of("cluster", "doctor").arg("cluster", cluster));
        }
        String kubeconfig = KubeconfigContext.require(Path.of(attached.kubeconfig()), attached.context());
        List<Outcome> outcomes = new ArrayList<>();
        for (Component component : components) {
            outcomes.add(ours.contains(component)
                    ? upgradeOne(cluster, component, infra, kubeconfig, skipSnapshot, true, progress)
                    : new Outcome(component, "-", "-", null, "not installed by sikifanso on this attached cluster"
                            + (component == Component.CILIUM && attached.facts() != null
                                    ? " (its CNI is " + attached.facts().cni() + ")" : "")));
        }
        return outcomes;
    }

    private Outcome upgradeOne(ClusterName cluster, Component component, InfraConfig infra, String kubeconfig,
                               boolean skipSnapshot, boolean attached, Progress progress) {
        ChartCoordinates chart = component == Component.CILIUM ? infra.cilium() : infra.argocd();
        String target = chart.targetRevision();
        String current = charts.deployedVersion(chart, kubeconfig).orElseThrow(() -> SikifansoException.failure(
                component.label() + " is not installed in cluster \"" + cluster + "\" (no deployed Helm release "
                        + chart.releaseName() + " in " + chart.namespace() + ")",
                attached ? Hint.of("see what the attached cluster runs: ", Suggestion.of("cluster", "doctor")
                        .arg("cluster", cluster))
                        : Hint.of("recreate the cluster: ", Suggestion.of("cluster", "delete").arg("cluster", cluster),
                                Hint.THEN, Suggestion.of("cluster", "create").arg("name", cluster))));
        if (current.equals(target)) {
            return new Outcome(component, current, target, null, "already at " + target);
        }
        if (newer(current, target)) {
            return new Outcome(component, current, target, null, "deployed version " + current
                    + " is newer than the target " + target + "; refusing to downgrade");
        }
        String snapshot = skipSnapshot ? null : snapshots.capture(cluster, "pre-upgrade-"
                + component.name().toLowerCase(Locale.ROOT) + "-" + STAMP.format(clock.instant()));
        if (snapshot != null) {
            progress.note("took the snapshot " + snapshot);
        }
        ObjectNode values = attached ? HelmValues.argocdAttached(infra) : values(cluster, component, infra);
        progress.step("upgrading " + component.label() + " " + current + " -> " + target + " with Helm");
        ChartInstaller.Release release;
        try {
            release = charts.upgrade(chart, target, values, kubeconfig, timeout);
        } catch (SikifansoException e) {
            throw SikifansoException.failure(Hint.of(e.problem(), "; the release stays at (or was rolled back to) "
                    + current), snapshot == null ? e.fix() : Hint.of("the snapshot " + snapshot + " holds the repo as "
                    + "it was: ", Suggestion.of("snapshot", "restore").arg("name", snapshot)), e);
        }
        if (!attached) {
            // Attach hands no Application of Argo CD itself to Argo CD (detach removes only what attach made).
            try (KubernetesClient kube = clients.forCluster(cluster)) {
                InfraApplications.put(kube, component == Component.CILIUM
                        ? InfraApplication.cilium(chart, release.chartVersion(), values)
                        : InfraApplication.of(chart, release.chartVersion(), values));
            }
            progress.note("updated the Argo CD Application " + chart.releaseName() + " to " + release.chartVersion());
        }
        if (component == Component.ARGOCD) {
            recordArgoCdVersion(cluster, release.chartVersion());
        }
        return new Outcome(component, current, release.chartVersion(), snapshot, null);
    }

    private ObjectNode values(ClusterName cluster, Component component, InfraConfig infra) {
        if (component == Component.ARGOCD) {
            return HelmValues.argocd(infra);
        }
        String address = serverAddresses.apply(cluster).orElseThrow(() -> SikifansoException.failure(
                "cannot find the API server's address on the network of cluster \"" + cluster + "\"",
                "is its server container running? ", Suggestion.of("cluster", "start").arg("cluster", cluster)));
        return HelmValues.cilium(infra, address);
    }

    private void recordArgoCdVersion(ClusterName cluster, String version) {
        Session s = sessions.load(cluster);
        if (s.services() == null || s.services().argocd() == null) {
            return;
        }
        Session.ArgoCd a = s.services().argocd();
        sessions.save(new Session(s.clusterName(), s.state(), s.createdAt(), s.bootstrapURL(), s.bootstrapVersion(),
                s.gitOpsPath(), new Session.Services(new Session.ArgoCd(a.url(), a.username(), a.password(),
                version), s.services().hubble()), s.k3dConfig(), s.ports()));
    }

    /** Whether {@code a} is a newer version than {@code b}; versions that are not dotted numbers never are. */
    static boolean newer(String a, String b) {
        String[] x = a.replaceFirst("^v", "").split("[.+-]");
        String[] y = b.replaceFirst("^v", "").split("[.+-]");
        for (int i = 0; i < Math.min(3, Math.min(x.length, y.length)); i++) {
            try {
                int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
                if (c != 0) {
                    return c > 0;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }
}

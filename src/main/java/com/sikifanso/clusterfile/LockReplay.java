package com.sikifanso.clusterfile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Suggestion;
import com.sikifanso.gitops.ClusterRepos;
import com.sikifanso.infra.ChartCoordinates;
import com.sikifanso.infra.InfraConfig;
import com.sikifanso.infra.InfraConfigs;
import com.sikifanso.share.ProfileBundle;
import com.sikifanso.share.ProfileBundles;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A cluster made from a lock ({@code cluster create --from-lock}): the nodes' image, CNI and platform chart versions
 * as a cluster file (pinned in the repo's infra/ where they differ from this sikifanso's defaults), then every app
 * at its locked chart version with its locked values, and the agents, in one checked commit (as a profile bundle
 * is applied). The values are taken from the lock itself, not from the locked commit: that commit is in a repo on
 * the machine that wrote the lock, and a lock must re-create the cluster anywhere.
 */
public final class LockReplay {
    private final ClusterRepos repos;
    private final ProfileBundles bundles;

    public LockReplay(ClusterRepos repos, ProfileBundles bundles) {
        this.repos = repos;
        this.bundles = bundles;
    }

    /** The cluster-file part of a lock: its name, nodes' image, CNI and the platform's chart pins. */
    public static ClusterFile clusterFile(LockFile lock, String source) {
        requireReplayable(lock, source);
        LockFile.Platform p = lock.platform();
        InfraConfig defaults = new InfraConfigs().defaults();
        ObjectNode cilium = p.cilium() == null ? null : pin(p.cilium(), defaults.cilium());
        ObjectNode argocd = p.argocd() == null ? null : pin(p.argocd(), defaults.argocd());
        ClusterFile.Infra infra = cilium == null && argocd == null ? null
                : new ClusterFile.Infra(null, cilium, argocd, null, null);
        return new ClusterFile(ClusterFile.API_VERSION, ClusterFile.KIND,
                new ClusterFile.Metadata(lock.cluster(), null),
                new ClusterFile.Nodes(p.k3sImage(), null, null, null),
                p.cni() == null ? null : new ClusterFile.Network(p.cni()), null, null, null, null, null, null, infra);
    }

    /**
     * Refuses, before anything is made, a lock that cannot re-create its cluster: no platform, or an app whose
     * values are only a digest (a lock stripped of them still serves diff-lock).
     */
    static void requireReplayable(LockFile lock, String source) {
        if (lock.platform() == null || lock.platform().k3sImage() == null) {
            throw SikifansoException.usage(source + ": the lock has no platform.k3sImage, so the nodes' version is"
                    + " unknown", "write the lock again with: ", Suggestion.of("cluster", "lock"));
        }
        List<String> digestOnly = new ArrayList<>();
        String emptyValues = LockFiles.emptyValuesDigest();
        for (LockFile.App app : allApps(lock)) {
            if (app.values() == null && !emptyValues.equals(app.valuesDigest())) {
                digestOnly.add(app.name());
            }
        }
        if (!digestOnly.isEmpty()) {
            throw SikifansoException.usage(source + " records only the digest of the values of "
                            + String.join(", ", digestOnly) + ", not the values, so it cannot re-create them",
                    "use the lock as cluster lock wrote it (it embeds each app's values); a lock without values still"
                            + " serves cluster diff-lock");
        }
    }

    /** Writes the lock's apps and agents into the prepared repo of {@code cluster}, in one commit. */
    public ProfileBundles.Applied apply(ClusterName cluster, LockFile lock, String source) {
        Catalog catalog = Catalog.load(repos.open(cluster).dir());
        List<String> unknown = lock.apps().stream().map(LockFile.App::name).filter(n -> !catalog.contains(n))
                .toList();
        if (!unknown.isEmpty()) {
            throw SikifansoException.usage(source + " names catalog apps this cluster's GitOps template lacks: "
                            + String.join(", ", unknown),
                    "create with the template the locked cluster was made from (--bootstrap URL), or move those apps"
                            + " to the lock's customApps");
        }
        List<ProfileBundle.App> apps = lock.apps().stream().map(a -> new ProfileBundle.App(a.name(), a.version(),
                a.values() == null ? Mappers.YAML.createObjectNode() : a.values())).toList();
        List<ClusterFile.CustomAppEntry> custom = lock.customApps().stream().map(a -> new ClusterFile.CustomAppEntry(
                a.name(), a.repo(), a.chart(), a.version(), a.namespace(), a.values())).toList();
        List<ClusterFile.AgentEntry> agents = lock.agents().stream().map(LockReplay::agentEntry).toList();
        ProfileBundle bundle = new ProfileBundle(com.sikifanso.share.DocumentKind.API_VERSION,
                com.sikifanso.share.DocumentKind.PROFILE_BUNDLE.kind(),
                new ProfileBundle.Metadata("lock-of-" + lock.cluster(), null, source), List.of(), apps, custom, agents,
                null);
        return bundles.apply(cluster, bundle, source);
    }

    private static ClusterFile.AgentEntry agentEntry(LockFile.Agent a) {
        ClusterFile.AgentEntry d = a.definition() == null
                ? new ClusterFile.AgentEntry(null, null, null, null, null, null, null, null, null) : a.definition();
        return new ClusterFile.AgentEntry(a.name(), d.allow(), d.egressFqdns(), d.cpuRequest(), d.cpuLimit(),
                d.memoryRequest(), d.memoryLimit(), d.pods(), d.podSecurity());
    }

    /** The chart coordinates that differ from this sikifanso's default; null when none do. */
    private static ObjectNode pin(LockFile.Chart locked, ChartCoordinates defaults) {
        ObjectNode pin = Mappers.YAML.createObjectNode();
        if (locked.repo() != null && !Objects.equals(locked.repo(), defaults.repoURL())) {
            pin.put("repoURL", locked.repo());
        }
        if (locked.chart() != null && !Objects.equals(locked.chart(), defaults.chart())) {
            pin.put("chart", locked.chart());
        }
        if (locked.version() != null && !Objects.equals(locked.version(), defaults.targetRevision())) {
            pin.put("targetRevision", locked.version());
        }
        return pin.isEmpty() ? null : pin;
    }

    static List<LockFile.App> allApps(LockFile lock) {
        List<LockFile.App> all = new ArrayList<>(lock.apps());
        all.addAll(lock.customApps());
        return all;
    }
}

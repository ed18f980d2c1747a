package com.sikifanso.clusterfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.catalog.CatalogEntry;
import com.sikifanso.catalog.CustomApp;
import com.sikifanso.catalog.CustomApps;
import com.sikifanso.catalog.Profile;
import com.sikifanso.catalog.Profiles;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.ClusterRepos;
import com.sikifanso.gitops.CommittedFiles;
import com.sikifanso.gitops.GitOpsRepo;
import com.sikifanso.infra.ChartCoordinates;
import com.sikifanso.infra.Cni;
import com.sikifanso.infra.InfraConfig;
import com.sikifanso.infra.InfraConfigs;
import com.sikifanso.kube.KubeClients;
import com.sikifanso.kube.LiveCluster;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import com.sikifanso.share.SharedDocuments;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Locks made from a cluster ({@code cluster lock}): its platform pins and apps read from the GitOps repo at HEAD,
 * its images from its pods. Reading a lock back and making a cluster from one are {@link LockFileParser} and
 * {@link LockReplay}.
 */
public final class LockFiles {
    public static final String SCHEMA_RESOURCE = "/clusterfile/lock-v1alpha1.schema.json";
    static final String SCHEMA_URL = ClusterFiles.SCHEMA_URL.replace(ClusterFiles.SCHEMA_RESOURCE, SCHEMA_RESOURCE);
    private static final Duration API_TIMEOUT = Duration.ofSeconds(15);

    private final SessionStore sessions;
    private final ClusterRepos repos;
    private final ClusterFiles clusterFiles;
    private final Profiles profiles;
    private final KubeClients kube;
    private final String generatedBy;

    /**
     * The digest of a values file that sets nothing (absent, empty or only comments). Worked out when a lock is
     * replayed, not when the class loads: every command builds this service, and a digest costs a serialiser's set-up.
     */
    static String emptyValuesDigest() {
        return SharedDocuments.digest(Mappers.YAML.createObjectNode());
    }

    public LockFiles(SessionStore sessions, ClusterRepos repos, ClusterFiles clusterFiles, Profiles profiles,
                     KubeClients kube, String generatedBy) {
        this.sessions = sessions;
        this.repos = repos;
        this.clusterFiles = clusterFiles;
        this.profiles = profiles;
        this.kube = kube;
        this.generatedBy = generatedBy;
    }

    /** The lock of {@code cluster} now; {@code notices} hears why images are not recorded when they are not. */
    public LockFile lock(ClusterName cluster, java.util.function.Consumer<String> notices) {
        Session session = sessions.load(cluster);
        GitOpsRepo repo = repos.open(cluster);
        InfraConfig infra = new InfraConfigs().load(repo.dir());
        Catalog catalog = Catalog.load(repo.dir());
        try (CommittedFiles committed = CommittedFiles.atHead(repo)) {
            List<LockFile.App> apps = catalog.entries().stream().filter(CatalogEntry::enabled)
                    .map(e -> app(committed, e.name(), e.repoURL(), e.chart(), e.targetRevision(), e.namespace(),
                            e.valuesFile()))
                    .sorted(Comparator.comparing(LockFile.App::name)).toList();
            List<LockFile.App> custom = CustomApps.load(repo.dir()).stream()
                    .map(a -> app(committed, a.name(), a.repoURL(), a.chart(), a.targetRevision(), a.namespace(),
                            a.valuesFile()))
                    .sorted(Comparator.comparing(LockFile.App::name)).toList();
            List<LockFile.Agent> agents = clusterFiles.describe(cluster).agents().stream()
                    .map(a -> new LockFile.Agent(a.name(), digest(committed, agentValuesFile(a.name())),
                            withoutName(a)))
                    .sorted(Comparator.comparing(LockFile.Agent::name)).toList();
            List<String> enabled = apps.stream().map(LockFile.App::name).toList();
            List<String> complete = profiles.all().stream().filter(p -> enabled.containsAll(p.apps()))
                    .map(Profile::name).sorted().toList();
            Images images = images(cluster, session);
            if (!images.recorded()) {
                notices.accept("warning: images not recorded: " + images.source());
            }
            return new LockFile(LockFile.API_VERSION, LockFile.KIND, new LockFile.Metadata(cluster.value(),
                    committed.commitId(), generatedBy, images.source()), platform(session, infra), complete, apps,
                    custom, agents, images.list());
        }
    }

    /** The lock as YAML: a comment saying what it is, the schema for editors, then the content. */
    public static String yaml(LockFile lock) {
        try {
            return "# sikifanso.lock: what cluster " + lock.cluster() + " runs (sikifanso cluster lock); re-create it"
                    + " with cluster create --from-lock, compare with cluster diff-lock\n"
                    + "# yaml-language-server: $schema=" + SCHEMA_URL + "\n"
                    + Mappers.YAML.writeValueAsString(lock);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a lock always serialises", e);
        }
    }

    static String agentValuesFile(String agent) {
        return com.sikifanso.catalog.ApplicationNames.AGENTS_DIR + "/values/" + agent + ".yaml";
    }

    /** The values of an app as data with sorted keys (so the lock is stable), null when they set nothing. */
    static JsonNode sorted(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            return tree;
        }
        TreeMap<String, JsonNode> fields = new TreeMap<>();
        tree.fields().forEachRemaining(f -> fields.put(f.getKey(), sorted(f.getValue())));
        ObjectNode out = Mappers.YAML.createObjectNode();
        fields.forEach(out::set);
        return out;
    }

    private static LockFile.Platform platform(Session session, InfraConfig infra) {
        String k3sImage = session.k3dConfig() != null && session.k3dConfig().image() != null
                ? session.k3dConfig().image() : infra.platform().k3sImage();
        Cni cni = infra.platform().cni();
        return new LockFile.Platform(k3sImage, cni, cni == Cni.cilium ? chart(infra.cilium()) : null,
                chart(infra.argocd()));
    }

    private static LockFile.Chart chart(ChartCoordinates c) {
        return new LockFile.Chart(c.repoURL(), c.chart(), c.targetRevision());
    }

    private static LockFile.App app(CommittedFiles committed, String name, String repo, String chart, String version,
                                    String namespace, String valuesFile) {
        JsonNode values = values(committed, valuesFile);
        return new LockFile.App(name, repo, chart, version, namespace, SharedDocuments.digest(values),
                values.isEmpty() ? null : sorted(values));
    }

    private static String digest(CommittedFiles committed, String file) {
        return SharedDocuments.digest(values(committed, file));
    }

    /** A values file as committed, as data; an empty mapping when it is absent or sets nothing. */
    private static JsonNode values(CommittedFiles committed, String file) {
        String text = committed.read(file).orElse("");
        try {
            JsonNode tree = Mappers.YAML.readTree(text);
            return tree == null || tree.isMissingNode() || tree.isNull() ? Mappers.YAML.createObjectNode() : tree;
        } catch (JsonProcessingException e) {
            throw SikifansoException.failure(file + " at commit " + committed.commitId().substring(0, 7)
                    + " is not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""),
                    "fix it in the GitOps repo and commit, then lock again", e);
        }
    }

    private static ClusterFile.AgentEntry withoutName(ClusterFile.AgentEntry a) {
        return new ClusterFile.AgentEntry(null, emptyToNull(a.allow()), emptyToNull(a.egressFqdns()), a.cpuRequest(),
                a.cpuLimit(), a.memoryRequest(), a.memoryLimit(), a.pods(), a.podSecurity());
    }

    /** An empty list is not written, so it reads back as none: the same in the lock and in memory. */
    private static List<String> emptyToNull(List<String> list) {
        return list == null || list.isEmpty() ? null : list;
    }

    private record Images(List<LockFile.Image> list, String source) {
        boolean recorded() {
            return LockFile.IMAGES_FROM_PODS.equals(source);
        }
    }

    /** A running cluster's images from its pods; one that is not running has none to report, and says so. */
    private Images images(ClusterName cluster, Session session) {
        if (session.state() != ClusterState.RUNNING) {
            return new Images(List.of(), "not recorded: cluster " + cluster + " was " + session.state().label()
                    + ", no pods to ask");
        }
        try (KubernetesClient client = KubeClients.failingFast(kube.forCluster(cluster), API_TIMEOUT)) {
            return new Images(new ArrayList<>(PodImages.of(client)), LockFile.IMAGES_FROM_PODS);
        } catch (KubernetesClientException e) {
            throw new LiveCluster(sessions, kube).unreachable(cluster, e);
        }
    }

    static CustomApp customApp(LockFile.App a) {
        return new CustomApp(a.name(), a.repo(), a.chart(), a.version(), a.namespace());
    }

    static String yamlOf(JsonNode tree) {
        try {
            return Mappers.YAML.writeValueAsString(tree);
        } catch (IOException e) {
            throw new IllegalStateException("a YAML tree always serialises", e);
        }
    }
}

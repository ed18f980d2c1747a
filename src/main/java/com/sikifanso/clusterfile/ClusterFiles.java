package com.sikifanso.clusterfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.agents.AgentSandbox;
import com.sikifanso.agents.AgentService;
import com.sikifanso.agents.AgentSpec;
import com.sikifanso.catalog.AppService;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.cluster.ClusterRegistry;
import com.sikifanso.catalog.CatalogEntry;
import com.sikifanso.catalog.CustomApp;
import com.sikifanso.catalog.CustomApps;
import com.sikifanso.catalog.GpuScheduling;
import com.sikifanso.gitops.ApplicationSets;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.CommitId;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.ClusterRepos;
import com.sikifanso.gitops.GitOpsRepo;
import com.sikifanso.gitops.RepoChange;
import com.sikifanso.infra.Cni;
import com.sikifanso.infra.InfraConfigs;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Cluster files: read and checked, written with their schema named for editors, made from an existing cluster
 * ({@code cluster config}) and applied to a prepared GitOps repo (apps, custom apps, agents, infra overrides).
 */
public final class ClusterFiles {
    public static final long MAX_BYTES = 1024 * 1024;
    public static final String SCHEMA_RESOURCE = "/clusterfile/cluster-v1alpha1.schema.json";
    /** Where editors fetch the schema from (the same file as {@code cluster config --schema} prints). */
    public static final String SCHEMA_URL = "https://raw.githubusercontent.com/alicanalbayrak/sikifanso/main/"
            + "src/main/resources" + SCHEMA_RESOURCE;
    /** The repo's infra/ file of each key of {@code infra:}. */
    static final Map<String, String> INFRA_FILES = orderedInfraFiles();

    private final SessionStore sessions;
    private final ClusterRepos repos;
    private final AppService apps;
    private final AgentService agents;

    public ClusterFiles(SessionStore sessions, ClusterRepos repos, AppService apps, AgentService agents) {
        this.sessions = sessions;
        this.repos = repos;
        this.apps = apps;
        this.agents = agents;
    }

    private static Map<String, String> orderedInfraFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("platform", "platform.yaml");
        files.put("cilium", "cilium.yaml");
        files.put("argocd", "argocd.yaml");
        files.put("ciliumValues", "cilium-values.yaml");
        files.put("argocdValues", "argocd-values.yaml");
        return files;
    }

    /** A cluster file from disk, checked. */
    public static ClusterFile read(Path file) {
        return ClusterFileParser.parse(ClusterTemplates.read(file), file.toString());
    }

    /** The JSON Schema of the file, as published. */
    public static String schema() {
        try (InputStream in = ClusterFiles.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return new String(Objects.requireNonNull(in, SCHEMA_RESOURCE).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the schema is in the jar", e);
        }
    }

    /** The file as YAML, led by the comment that points editors (yaml-language-server) at the schema. */
    public static String yaml(ClusterFile file) {
        try {
            return "# yaml-language-server: $schema=" + SCHEMA_URL + "\n" + Mappers.YAML.writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cluster file always serialises", e);
        }
    }

    /** True when the file asks for something in the GitOps repo beyond the profiles. */
    public static boolean changesRepo(ClusterFile f) {
        return !isEmpty(f.apps()) || !isEmpty(f.customApps()) || !isEmpty(f.agents()) || f.infra() != null
                || f.cni() != Cni.cilium || f.nodesOrEmpty().gpus() != null;
    }

    /**
     * Writes the file's repo parts into the prepared repo of {@code cluster}: infra overrides in one commit, then
     * the apps, the custom apps and the agents, each as its own command would commit it.
     */
    public void apply(ClusterName name, ClusterFile file) {
        ClusterFile.Infra infra = withCni(file.infra(), file.cni());
        if (infra != null) {
            repos.mutate(name, List.of(), repo -> repo.apply(infraChange(infra)));
        }
        if (!isEmpty(file.apps())) {
            apps.enable(name, file.apps());
        }
        for (ClusterFile.CustomAppEntry app : nullToEmpty(file.customApps())) {
            apps.addWithValues(name, new CustomApp(app.name(), app.repo(), app.chart(), app.version(),
                    app.namespace()), app.values() == null ? null : yamlOf(app.values()));
        }
        if (file.nodesOrEmpty().gpus() != null) {
            useGpus(name, file.nodesOrEmpty().gpus());
        }
        for (ClusterFile.AgentEntry agent : nullToEmpty(file.agents())) {
            agents.create(name, agent.name(), agent.spec());
        }
    }

    /**
     * Nodes with GPUs: the device plugin enabled and the values of every app that can use them asking for them (one GPU
     * per pod with {@code all}, as many as each node has otherwise), each in its own commit. The values are written
     * whether the app is enabled or not, so an app enabled later asks for GPUs too.
     */
    private void useGpus(ClusterName cluster, String gpus) {
        apps.enable(cluster, List.of(GpuScheduling.DEVICE_PLUGIN));
        int perPod = gpus.equals("all") ? 1 : Integer.parseInt(gpus);
        for (String app : GpuScheduling.apps()) {
            String file = GpuScheduling.valuesFile(app);
            // A template without the app's values file has nothing to ask for GPUs.
            repos.mutate(cluster, List.of(ApplicationSets.CATALOG), repo -> repo.exists(file)
                    ? repo.apply(GpuScheduling.onGpus(app, repo.read(file), perPod))
                    : Optional.<CommitId>empty());
        }
    }

    /** The CNI is a platform setting in the repo (infra/platform.yaml cni), where agent create reads it. */
    private static ClusterFile.Infra withCni(ClusterFile.Infra infra, Cni cni) {
        if (cni == Cni.cilium) {
            return infra;
        }
        ObjectNode platform = infra == null || infra.platform() == null ? Mappers.YAML.createObjectNode()
                : ((ObjectNode) infra.platform()).deepCopy();
        platform.put("cni", cni.name());
        return infra == null ? new ClusterFile.Infra(platform, null, null, null, null)
                : new ClusterFile.Infra(platform, infra.cilium(), infra.argocd(), infra.ciliumValues(),
                        infra.argocdValues());
    }

    private static RepoChange infraChange(ClusterFile.Infra infra) {
        RepoChange change = new RepoChange("infra: overrides from the cluster file");
        JsonNode tree = Mappers.YAML.valueToTree(infra);
        INFRA_FILES.forEach((key, fileName) -> {
            if (tree.hasNonNull(key)) {
                change.write(InfraConfigs.DIR + "/" + fileName, yamlOf(tree.get(key)));
            }
        });
        return change;
    }

    /**
     * The file that re-creates {@code cluster}: its nodes as created, the catalog apps enabled now, its custom
     * apps with their values, its agents (what differs from the defaults) and its infra overrides. Host ports are
     * left out, so the copy gets free ones beside the original.
     */
    public ClusterFile describe(ClusterName cluster) {
        Session session = sessions.load(cluster);
        GitOpsRepo repo = repos.open(cluster);
        Path dir = repo.dir();
        Session.K3dConfig k3d = session.k3dConfig();
        ClusterFile.Nodes nodes = k3d == null ? null : new ClusterFile.Nodes(k3d.image(), k3d.servers(),
                k3d.agents(), k3d.gpus());
        ClusterFile.Registry registry = k3d == null ? null : registry(cluster, session.withoutSecrets().k3dConfig());
        List<String> enabled = Catalog.load(dir).entries().stream().filter(CatalogEntry::enabled)
                .map(CatalogEntry::name).toList();
        List<ClusterFile.CustomAppEntry> custom = CustomApps.load(dir).stream().map(a -> new ClusterFile
                .CustomAppEntry(a.name(), a.repoURL(), a.chart(), a.targetRevision(), a.namespace(),
                        values(dir.resolve(a.valuesFile())))).toList();
        List<ClusterFile.AgentEntry> sandboxes = agents.list(cluster).stream()
                .map(a -> agentEntry(a.name(), AgentSandbox.spec(a.values()))).toList();
        ClusterFile.Infra infra = infra(dir);
        Cni cni = infra == null || infra.platform() == null || !infra.platform().has("cni") ? Cni.cilium
                : Cni.valueOf(infra.platform().get("cni").asText());
        return new ClusterFile(ClusterFile.API_VERSION, ClusterFile.KIND,
                new ClusterFile.Metadata(cluster.value(), null), nodes,
                cni == Cni.cilium ? null : new ClusterFile.Network(cni), null, registry, null, enabled, custom,
                sandboxes, withoutCni(infra));
    }

    /**
     * The registry as created: a name the user gave is kept, k3d's default left out (the copy gets its own), and the
     * host port too, as the other host ports are.
     */
    private static ClusterFile.Registry registry(ClusterName cluster, Session.K3dConfig k3d) {
        Session.LocalRegistry made = k3d.registry();
        if (made == null) {
            return k3d.registryConfig() == null ? null : new ClusterFile.Registry(null, null, null, k3d.registryConfig());
        }
        String name = made.name().equals(ClusterRegistry.name(cluster.k3d())) ? null : made.name();
        return new ClusterFile.Registry(true, name, null, k3d.registryConfig());
    }

    /** The platform's cni is shown as network.cni, where a file says it. */
    private static ClusterFile.Infra withoutCni(ClusterFile.Infra infra) {
        if (infra == null || infra.platform() == null || !infra.platform().has("cni")) {
            return infra;
        }
        ObjectNode platform = ((ObjectNode) infra.platform()).deepCopy();
        platform.remove("cni");
        ClusterFile.Infra rest = new ClusterFile.Infra(platform.isEmpty() ? null : platform, infra.cilium(),
                infra.argocd(), infra.ciliumValues(), infra.argocdValues());
        return Mappers.YAML.valueToTree(rest).isEmpty() ? null : rest;
    }

    private static ClusterFile.AgentEntry agentEntry(String name, AgentSpec spec) {
        AgentSpec d = AgentSpec.DEFAULTS;
        return new ClusterFile.AgentEntry(name, spec.allow(), spec.egressFqdns(),
                differs(spec.cpuRequest(), d.cpuRequest()), differs(spec.cpuLimit(), d.cpuLimit()),
                differs(spec.memoryRequest(), d.memoryRequest()), differs(spec.memoryLimit(), d.memoryLimit()),
                differs(spec.pods(), d.pods()), differs(spec.podSecurity(), d.podSecurity()), spec.workload());
    }

    private static String differs(String value, String fallback) {
        return Objects.equals(value, fallback) ? null : value;
    }

    private static ClusterFile.Infra infra(Path dir) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        INFRA_FILES.forEach((key, fileName) -> {
            JsonNode values = values(dir.resolve(InfraConfigs.DIR).resolve(fileName));
            if (values != null) {
                found.put(key, values);
            }
        });
        return found.isEmpty() ? null : Mappers.YAML.convertValue(found, ClusterFile.Infra.class);
    }

    /** A YAML mapping file's content; null when it is absent or holds no settings (only comments). */
    private static JsonNode values(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode tree = Mappers.YAML.readTree(file.toFile());
            return tree != null && tree.isObject() && !tree.isEmpty() ? tree : null;
        } catch (IOException e) {
            throw SikifansoException.failure(file + " is not valid YAML: " + e.getMessage(),
                    "fix it and commit, then run cluster config again", e);
        }
    }

    private static String yamlOf(JsonNode tree) {
        try {
            return Mappers.YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a YAML tree always serialises", e);
        }
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? new ArrayList<>() : list;
    }
}

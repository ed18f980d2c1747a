package com.sikifanso.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.infra.InfraConfig;
import com.sikifanso.infra.InfraConfigs;
import com.sikifanso.infra.Platform;

/**
 * The Helm values Cilium and Argo CD are installed (and upgraded) with: the cluster's infra
 * settings with what only this cluster knows merged on top. The settings that make the platform
 * work at all are put back even when an override in {@code infra/} replaced the list holding them.
 */
public final class HelmValues {
    /** The port k3s's API server listens on inside the cluster network. */
    public static final int API_SERVER_PORT = 6443;
    /** Where every node has the cluster's GitOps repo (a bind mount) and Argo CD's repo-server reads it. */
    public static final String GITOPS_MOUNT = "/local-gitops";
    static final String GITOPS_VOLUME = "gitops";
    static final String PROGRESSIVE_SYNCS = "--enable-progressive-syncs";
    /** The key in argocd-secret that signs Argo CD's login tokens; argocd-server generates it when absent. */
    static final String SERVER_SECRET_KEY = "server.secretkey";
    static final String GIT_CONFIG_VOLUME = "sikifanso-git";
    static final String GIT_CONFIG_MAP = "sikifanso-repo-server-git";
    /** Where the repo-server finds the git configuration that trusts the repo. */
    public static final String GIT_CONFIG_FILE = "/etc/sikifanso-git/gitconfig";
    /**
     * The repo belongs to the user on the host, and git (2.35.2+) refuses a repo another user owns
     * ("detected dubious ownership", argo-cd issue 19727) unless safe.directory names it. git checks
     * the worktree and, for ls-remote and fetch (upload-pack), the .git directory: both are listed.
     */
    public static final String GIT_CONFIG = "[safe]\n\tdirectory = " + GITOPS_MOUNT + "\n\tdirectory = "
            + GITOPS_MOUNT + "/.git\n";

    private HelmValues() {
    }

    /**
     * Cilium replaces kube-proxy, so it must reach the API server by address: server-0's IP on the
     * cluster network (the Go original passed an empty host here).
     */
    public static ObjectNode cilium(InfraConfig infra, String apiServerAddress) {
        if (apiServerAddress == null || apiServerAddress.isBlank()) {
            throw new IllegalArgumentException("Cilium needs the API server's address on the cluster network");
        }
        Platform.NodePorts ports = infra.platform().nodePorts();
        ObjectNode o = object();
        o.put("k8sServiceHost", apiServerAddress);
        o.put("k8sServicePort", API_SERVER_PORT);
        o.putObject("ipam").put("mode", "kubernetes");
        ObjectNode ingress = o.putObject("ingressController").putObject("service");
        ingress.put("type", "NodePort");
        ingress.put("insecureNodePort", ports.http());
        ingress.put("secureNodePort", ports.https());
        o.putObject("hubble").putObject("ui").putObject("service").put("type", "NodePort")
                .put("nodePort", ports.hubbleUI());
        return (ObjectNode) InfraConfigs.deepMerge(base(infra.ciliumValues()), o);
    }

    /**
     * Argo CD: the insecure server on the UI NodePort, the repo-server reading the GitOps repo from
     * the node's {@value #GITOPS_MOUNT} (read-only), that repo registered, and progressive syncs for
     * the catalog's tiered RollingSync.
     */
    public static ObjectNode argocd(InfraConfig infra) {
        ObjectNode o = object();
        o.putObject("server").putObject("service").put("type", "NodePort")
                .put("nodePortHttp", infra.platform().nodePorts().argocdUI());
        ObjectNode values = (ObjectNode) InfraConfigs.deepMerge(base(infra.argocdValues()), o);
        refuseFixedSecretKey(values);
        ensureGitOpsMount(values.withObject("/repoServer"));
        ensureRepoTrusted(values);
        ensureArg(values.withObject("/server").withArray("extraArgs"), "--insecure");
        ensureArg(values.withObject("/applicationSet").withArray("extraArgs"), PROGRESSIVE_SYNCS);
        ObjectNode repo = values.withObject("/configs").withObject("/repositories").withObject("/local-gitops");
        repo.put("type", "git");
        repo.put("url", GITOPS_MOUNT);
        return values;
    }

    /**
     * Argo CD for an attached cluster: the same settings less what only a k3d node has (the repo's host mount and
     * its repository entry, the UI NodePort): the repo is read from its remote, the UI reached by port-forward.
     */
    public static ObjectNode argocdAttached(InfraConfig infra) {
        ObjectNode values = ((ObjectNode) base(infra.argocdValues())).deepCopy();
        refuseFixedSecretKey(values);
        ObjectNode repoServer = values.withObject("/repoServer");
        removeNamed(repoServer.withArray("volumes"), GITOPS_VOLUME);
        removeNamed(repoServer.withArray("volumeMounts"), GITOPS_VOLUME);
        values.withObject("/configs").withObject("/repositories").remove("local-gitops");
        values.withObject("/server").withObject("/service").put("type", "ClusterIP");
        // The chart keeps its CRDs on uninstall by default (argo-helm argo-cd 10.1.1 values.yaml crds.keep: true);
        // detach removes what attach installed, those CRDs included.
        values.withObject("/crds").put("keep", false);
        ensureArg(values.withObject("/applicationSet").withArray("extraArgs"), PROGRESSIVE_SYNCS);
        return values;
    }

    /** A key written in a values file is a key anyone who reads the file can forge admin tokens with. */
    private static void refuseFixedSecretKey(ObjectNode values) {
        if (values.at("/configs/secret/extra").has(SERVER_SECRET_KEY)) {
            throw SikifansoException.failure("the Argo CD values set configs.secret.extra." + SERVER_SECRET_KEY
                            + ", a fixed key that lets anyone who knows it forge Argo CD login tokens",
                    "remove it from infra/argocd-values.yaml in the cluster's GitOps repo and commit; Argo CD "
                            + "generates a random key of its own");
        }
    }

    private static void ensureGitOpsMount(ObjectNode repoServer) {
        ArrayNode volumes = repoServer.withArray("volumes");
        removeNamed(volumes, GITOPS_VOLUME);
        ObjectNode volume = volumes.addObject().put("name", GITOPS_VOLUME);
        volume.putObject("hostPath").put("path", GITOPS_MOUNT).put("type", "Directory");
        ArrayNode mounts = repoServer.withArray("volumeMounts");
        removeNamed(mounts, GITOPS_VOLUME);
        mounts.addObject().put("name", GITOPS_VOLUME).put("mountPath", GITOPS_MOUNT).put("readOnly", true);
    }

    /**
     * Argo CD runs git with HOME=/dev/null and sets GIT_CONFIG_COUNT/KEY/VALUE itself (argo-cd v3.4.5
     * util/git/client.go, runCmdOutput), so neither a ~/.gitconfig nor GIT_CONFIG_* of ours reaches
     * it; it leaves GIT_CONFIG_GLOBAL alone, which names a ConfigMap file with {@link #GIT_CONFIG}.
     * Keys checked in argo-helm's argo-cd chart: repoServer.env/volumes/volumeMounts, extraObjects.
     */
    private static void ensureRepoTrusted(ObjectNode values) {
        ObjectNode repoServer = values.withObject("/repoServer");
        String dir = GIT_CONFIG_FILE.substring(0, GIT_CONFIG_FILE.lastIndexOf('/'));
        ArrayNode volumes = repoServer.withArray("volumes");
        removeNamed(volumes, GIT_CONFIG_VOLUME);
        volumes.addObject().put("name", GIT_CONFIG_VOLUME).putObject("configMap").put("name", GIT_CONFIG_MAP);
        ArrayNode mounts = repoServer.withArray("volumeMounts");
        removeNamed(mounts, GIT_CONFIG_VOLUME);
        mounts.addObject().put("name", GIT_CONFIG_VOLUME).put("mountPath", dir).put("readOnly", true);
        ArrayNode env = repoServer.withArray("env");
        removeNamed(env, "GIT_CONFIG_GLOBAL");
        env.addObject().put("name", "GIT_CONFIG_GLOBAL").put("value", GIT_CONFIG_FILE);
        ArrayNode extra = values.withArray("extraObjects");
        for (int i = extra.size() - 1; i >= 0; i--) {
            if (GIT_CONFIG_MAP.equals(extra.get(i).path("metadata").path("name").asText())) {
                extra.remove(i);
            }
        }
        ObjectNode map = extra.addObject().put("apiVersion", "v1").put("kind", "ConfigMap");
        map.putObject("metadata").put("name", GIT_CONFIG_MAP);
        map.putObject("data").put(GIT_CONFIG_FILE.substring(dir.length() + 1), GIT_CONFIG);
    }

    private static void removeNamed(ArrayNode list, String name) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (name.equals(list.get(i).path("name").asText())) {
                list.remove(i);
            }
        }
    }

    private static void ensureArg(ArrayNode args, String arg) {
        for (JsonNode existing : args) {
            if (arg.equals(existing.asText())) {
                return;
            }
        }
        args.add(arg);
    }

    private static JsonNode base(JsonNode values) {
        return values == null || !values.isObject() ? object() : values;
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}

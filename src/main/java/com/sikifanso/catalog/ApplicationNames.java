package com.sikifanso.catalog;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Catalog apps, custom apps and agents all become Argo CD Applications in one namespace, so a
 * name may be used by only one of them.
 */
public final class ApplicationNames {
    public static final String AGENTS_DIR = "agents";

    /**
     * Argo CD Applications (and Helm releases) of the platform itself, from infra/cilium.yaml and
     * infra/argocd.yaml: an ApplicationSet-generated Application of the same name would take them
     * over, and with prune and the finalizer could delete Cilium or Argo CD.
     */
    public static final Set<String> PLATFORM_APPLICATIONS = Set.of("cilium", "argocd");
    /** The root ApplicationSets (bootstrap/root-*.yaml), which the tool refreshes by name. */
    public static final Set<String> ROOT_APPLICATION_SETS = Set.of("root", "catalog", "agents");
    /**
     * Namespaces Kubernetes, k3s and the platform own: Cilium and Hubble run in kube-system, the
     * Cilium chart's secrets namespace (tls/ingressController.secretsNamespace) is cilium-secrets,
     * Argo CD is in argocd.
     */
    public static final Set<String> PLATFORM_NAMESPACES = Set.of("kube-system", "kube-public", "kube-node-lease",
            "default", "argocd", "cilium-secrets");
    /** Agent sandboxes' namespaces are {@code agent-<name>}; an app put there would share an agent's sandbox. */
    public static final String AGENT_NAMESPACE_PREFIX = "agent-";

    private ApplicationNames() {
    }

    /** Refuses an app or agent name that the platform uses for its own Applications, releases or namespaces. */
    public static String requireNotReserved(String kind, String name) {
        String why = PLATFORM_APPLICATIONS.contains(name)
                ? "the platform's own Argo CD Application and Helm release \"" + name + "\" (an " + kind
                        + " of that name would take it over, and could delete it when removed)"
                : ROOT_APPLICATION_SETS.contains(name) ? "one of the platform's root ApplicationSets"
                : PLATFORM_NAMESPACES.contains(name) ? "a namespace that Kubernetes or the platform owns" : null;
        if (why != null) {
            throw SikifansoException.usage("the name \"" + name + "\" is reserved: it is " + why,
                    "pick another " + kind + " name; reserved: " + String.join(", ", reserved()));
        }
        return name;
    }

    /** Refuses a namespace for a custom app that Kubernetes, the platform or an agent sandbox owns. */
    public static String requireAppNamespace(String namespace) {
        if (PLATFORM_NAMESPACES.contains(namespace)) {
            throw SikifansoException.usage("the namespace \"" + namespace + "\" is reserved: Kubernetes or the "
                            + "platform owns it, and an app's resources there could replace or prune the platform's",
                    "install the app into a namespace of its own, e.g. ", Suggestion.of("app", "add")
                            .option("namespace", suggestedNamespace(namespace)).mention());
        }
        if (namespace.startsWith(AGENT_NAMESPACE_PREFIX)) {
            throw SikifansoException.usage("the namespace \"" + namespace + "\" is reserved: " + AGENT_NAMESPACE_PREFIX
                            + "* namespaces are agent sandboxes, whose network policies an app there would share",
                    "install the app into a namespace of its own; agents reach apps through ",
                    Suggestion.of("agent", "create").arg("name", "NAME").option("allow", "APP").mentionFlag());
        }
        return namespace;
    }

    private static String suggestedNamespace(String namespace) {
        return namespace.equals("default") ? "apps" : namespace + "-apps";
    }

    private static List<String> reserved() {
        Set<String> all = new TreeSet<>(PLATFORM_APPLICATIONS);
        all.addAll(ROOT_APPLICATION_SETS);
        all.addAll(PLATFORM_NAMESPACES);
        return List.copyOf(all);
    }

    /** Refuses {@code name} when a catalog app, custom app or agent already uses it. */
    public static void requireUnused(Path repoDir, Catalog catalog, String name) {
        if (catalog.contains(name)) {
            throw SikifansoException.failure("the name \"" + name + "\" is already used by a catalog app",
                    "Argo CD Application names are shared by catalog apps, custom apps and agents: pick another "
                            + "name, or enable the catalog app with: ", Suggestion.of("app", "enable").arg("names", name));
        }
        if (yamlNames(repoDir.resolve(CustomApp.COORDINATES_DIR)).contains(name)) {
            throw SikifansoException.failure("the name \"" + name + "\" is already used by a custom app",
                    "pick another name, or remove that app first with: ", Suggestion.of("app", "remove").arg("name", name));
        }
        if (yamlNames(repoDir.resolve(AGENTS_DIR)).contains(name)) {
            throw SikifansoException.failure("the name \"" + name + "\" is already used by an agent",
                    "Argo CD Application names are shared by apps and agents: pick another name");
        }
    }

    /** Base names of the {@code *.yaml} files directly in {@code dir}, sorted. */
    public static List<String> yamlNames(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw SikifansoException.failure("cannot list " + dir + ": " + e.getMessage(),
                    "check the GitOps repo's permissions", e);
        }
    }
}

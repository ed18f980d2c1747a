package com.sikifanso.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.ApplicationSets;
import com.sikifanso.gitops.GitCredentials;
import com.sikifanso.gitops.GitOpsRemote;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where Argo CD reads a cluster's GitOps repo: the host path mounted at {@value HelmValues#GITOPS_MOUNT}, or, once the
 * repo has a remote a cluster can reach, that remote. Then the root ApplicationSets' git generators and {@code $values}
 * sources name the remote's URL, and Argo CD logs in with a repository Secret (Argo CD v3.4.5,
 * docs/operator-manual/declarative-setup.md "Repositories": label {@value #SECRET_TYPE_LABEL}: repository, keys type,
 * url, username/password or sshPrivateKey) that the tool creates from the user's git credentials and never prints.
 */
public final class ArgoCdGitSource {
    public static final String REPOSITORY_SECRET = "sikifanso-gitops";
    public static final String SECRET_TYPE_LABEL = "argocd.argoproj.io/secret-type";

    /** The root ApplicationSets as they are to be applied, and the Secret that lets Argo CD read their repo. */
    public record Prepared(List<ObjectNode> rootSets, Optional<String> remote, Optional<Secret> secret) {
        @Override
        public String toString() {
            return remote.orElse(HelmValues.GITOPS_MOUNT + " (the repo on this machine)");
        }
    }

    private ArgoCdGitSource() {
    }

    /** The repo's remote when a cluster can reach it: not a file:// URL, which names a path on this machine. */
    public static Optional<String> reachableRemote(Path gitOps, Map<String, String> env) {
        if (!GitOpsRemote.isSet(gitOps)) {
            return Optional.empty();
        }
        return new GitOpsRemote(gitOps, env).url().filter(url -> !url.startsWith("file://"));
    }

    /**
     * Reads the repo's root ApplicationSets and, when it has a reachable remote, points them at it and gathers the
     * credentials; done before anything is installed, so a missing key fails first.
     */
    public static Prepared prepare(Path gitOps, Map<String, String> env) {
        List<ObjectNode> sets = RootApplicationSets.read(gitOps);
        Optional<String> remote = reachableRemote(gitOps, env);
        if (remote.isEmpty()) {
            return new Prepared(sets, remote, Optional.empty());
        }
        String url = remote.get();
        GitCredentials.Credentials credentials = new GitCredentials(gitOps, env).forUrl(url);
        return new Prepared(readingFrom(sets, url), remote, Optional.of(repositorySecret(url, credentials)));
    }

    /** Copies of {@code sets} with every repoURL that names the mounted repo naming {@code url} instead. */
    public static List<ObjectNode> readingFrom(List<ObjectNode> sets, String url) {
        return sets.stream().map(set -> {
            ObjectNode copy = set.deepCopy();
            replaceMountUrls(copy, url);
            return copy;
        }).toList();
    }

    private static void replaceMountUrls(JsonNode node, String url) {
        if (node instanceof ObjectNode o && HelmValues.GITOPS_MOUNT.equals(o.path("repoURL").asText(null))) {
            o.put("repoURL", url);
        }
        node.forEach(child -> replaceMountUrls(child, url));
    }

    /** Argo CD's repository Secret for {@code url}, with whichever credentials there are. */
    public static Secret repositorySecret(String url, GitCredentials.Credentials credentials) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("type", "git");
        data.put("url", url);
        if (credentials.sshPrivateKey() != null) {
            data.put("sshPrivateKey", credentials.sshPrivateKey());
        } else if (credentials.password() != null) {
            data.put("username", credentials.username());
            data.put("password", credentials.password());
        }
        Map<String, String> encoded = new LinkedHashMap<>();
        data.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        return new SecretBuilder().withNewMetadata().withName(REPOSITORY_SECRET).withNamespace(ApplicationSets.NAMESPACE)
                .addToLabels(SECRET_TYPE_LABEL, "repository")
                .addToLabels("app.kubernetes.io/managed-by", RootApplicationSets.FIELD_MANAGER).endMetadata()
                .withType("Opaque").withData(encoded).build();
    }

    /** Creates the repository Secret, or replaces its data when the remote or the credentials changed. */
    public static void putSecret(KubernetesClient kube, Secret wanted) {
        String namespace = wanted.getMetadata().getNamespace();
        try {
            Secret live = kube.secrets().inNamespace(namespace).withName(REPOSITORY_SECRET).get();
            if (live == null) {
                kube.secrets().inNamespace(namespace).resource(wanted).create();
            } else {
                live.setData(wanted.getData());
                live.getMetadata().setLabels(wanted.getMetadata().getLabels());
                kube.secrets().inNamespace(namespace).resource(live).update();
            }
        } catch (KubernetesClientException e) {
            throw SikifansoException.failure("cannot write Argo CD's repository Secret " + namespace + "/"
                    + REPOSITORY_SECRET + ": HTTP " + e.getCode(), "check that the namespace " + namespace
                    + " exists and you may write Secrets there, then run it again", e);
        }
    }

    /** Points a running Argo CD at what {@link #prepare} found: the Secret first, then the root ApplicationSets. */
    public static List<String> apply(KubernetesClient kube, Prepared prepared) {
        prepared.secret().ifPresent(secret -> putSecret(kube, secret));
        return RootApplicationSets.apply(kube, prepared.rootSets());
    }
}

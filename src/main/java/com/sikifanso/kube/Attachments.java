package com.sikifanso.kube;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.SikifansoHome;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The attachments of clusters sikifanso did not create, one file beside each such cluster's session. */
public final class Attachments {
    static final String FILE = "attachment.yaml";

    private final SikifansoHome home;

    public Attachments(SikifansoHome home) {
        this.home = home;
    }

    public Optional<Attachment> find(ClusterName cluster) {
        Path file = file(cluster);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Mappers.YAML.readValue(file.toFile(), Attachment.class));
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read " + file + ": " + e.getMessage(),
                    "restore it, or detach the cluster by hand and remove the file", e);
        }
    }

    public void save(ClusterName cluster, Attachment attachment) {
        try {
            LocalFiles.writeAtomically(file(cluster), Mappers.YAML.writeValueAsBytes(attachment), true);
        } catch (IOException e) {
            throw SikifansoException.failure("cannot write " + file(cluster) + ": " + e.getMessage(),
                    "check the permissions of " + home.clusterDir(cluster), e);
        }
    }

    public void remove(ClusterName cluster) {
        try {
            Files.deleteIfExists(file(cluster));
        } catch (IOException e) {
            throw SikifansoException.failure("cannot remove " + file(cluster) + ": " + e.getMessage(),
                    "remove it by hand", e);
        }
    }

    /**
     * Refuses {@code action} (e.g. "start") when {@code cluster} is attached: its nodes are its provider's machines,
     * not sikifanso's k3d containers in Docker, so Docker is never asked. {@code instead} says what to do there.
     */
    public void refuseNodeAction(ClusterName cluster, String action, Object... instead) {
        find(cluster).ifPresent(a -> {
            throw SikifansoException.failure(notOurNodes(cluster, a, action), com.sikifanso.core.Hint.of(instead));
        });
    }

    /** The problem both node refusals and the upgrade name: an attached cluster's nodes are not sikifanso's. */
    public static String notOurNodes(ClusterName cluster, Attachment a, String action) {
        String provider = a.facts() == null ? "its provider" : a.facts().provider();
        return "cluster \"" + cluster + "\" is attached to an existing cluster (context " + a.context() + ", "
                + provider + "): its nodes are not sikifanso's containers in Docker, so it cannot " + action
                + " them; nothing was changed";
    }

    private Path file(ClusterName cluster) {
        return home.clusterDir(cluster).resolve(FILE);
    }

    /** A client on exactly {@code context} of {@code kubeconfig}, never the file's current context. */
    public static KubernetesClient client(Path kubeconfig, String context) {
        String contents;
        try {
            contents = Files.readString(kubeconfig);
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read the kubeconfig " + kubeconfig + ": " + e.getMessage(),
                    "give the file with --kubeconfig FILE", e);
        }
        return new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(context, contents, kubeconfig.toString())).build();
    }

    /** Clients through an attached cluster's recorded kubeconfig and context, else through {@code local}. */
    public KubeClients or(KubeClients local) {
        return cluster -> find(cluster).map(a -> client(Path.of(a.kubeconfig()), a.context()))
                .orElseGet(() -> local.forCluster(cluster));
    }
}

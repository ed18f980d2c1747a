package com.sikifanso.platform;

import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.argocd.ArgoCdResources;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.Progress;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.ApplicationSets;
import com.sikifanso.gitops.ClusterRepos;
import com.sikifanso.gitops.RepoChange;
import com.sikifanso.infra.Cni;
import com.sikifanso.infra.InfraConfig;
import com.sikifanso.infra.InfraConfigs;
import com.sikifanso.kube.Attachment;
import com.sikifanso.kube.Attachments;
import com.sikifanso.kube.ClusterFacts;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cluster attach}: the platform installed into a cluster sikifanso did not create (EKS, GKE, AKS or any other),
 * through the user's own kubeconfig context. It installs Argo CD (unless one is there and the user says to use it),
 * the repository Secret and the root ApplicationSets reading the GitOps remote, and nothing of Cilium; the sandboxes
 * get plain NetworkPolicy where CiliumNetworkPolicy does not exist. What it installed is recorded, and {@code detach}
 * removes exactly that.
 */
public final class ClusterAttach {
    /** What attach is asked: the cluster's name here, and where its API is (no kubeconfig: the user's own). */
    public record Request(ClusterName cluster, Path kubeconfig, String context, boolean useExistingArgoCd) {
    }

    /** What attach found and did. */
    public record Attached(String cluster, String context, ClusterFacts facts, List<String> installed,
                           List<String> warnings) {
    }

    public record Detached(String cluster, String context, List<String> removed) {
    }

    private final SessionStore sessions;
    private final Attachments attachments;
    private final ClusterRepos repos;
    private final ChartInstaller charts;
    private final ClusterWaits waits;
    private final Map<String, String> gitEnv;
    private final Clock clock;
    private final Duration timeout;

    public ClusterAttach(SessionStore sessions, Attachments attachments, ClusterRepos repos, ChartInstaller charts,
                         ClusterWaits waits, Map<String, String> gitEnv, Clock clock, Duration timeout) {
        this.sessions = sessions;
        this.attachments = attachments;
        this.repos = repos;
        this.charts = charts;
        this.waits = waits;
        this.gitEnv = gitEnv;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * Checks everything it can before installing anything (the session, the remote and its credentials, the
     * context, Argo CD already there); a failure half-way removes what this attach had installed.
     */
    public Attached attach(Request asked, Progress progress) {
        Request request = asked.kubeconfig() != null ? asked : new Request(asked.cluster(),
                new com.sikifanso.kube.Kubeconfigs(gitEnv).file(), asked.context(), asked.useExistingArgoCd());
        ClusterName name = request.cluster();
        Session session = sessions.load(name);
        if (session.state() != ClusterState.NOT_CREATED || attachments.find(name).isPresent()) {
            throw SikifansoException.failure("cluster \"" + name + "\" already has a cluster (" + session.state()
                    + ")", "attach another name, or detach/delete this one first: ",
                    Suggestion.of("cluster", "detach").arg("cluster", name));
        }
        Path gitOps = Path.of(session.gitOpsPath());
        ArgoCdGitSource.Prepared source = ArgoCdGitSource.prepare(gitOps, gitEnv);
        if (source.remote().isEmpty()) {
            throw SikifansoException.usage("an attached cluster reads its GitOps repo from a git remote, and the repo"
                            + " of \"" + name + "\" has none a cluster can reach",
                    "give one: ", Suggestion.of("cluster", "attach").arg("cluster", name).option("context",
                            request.context()).cliOption("gitops-remote", "https://HOST/OWNER/REPO.git"));
        }
        String kubeconfig = KubeconfigContext.require(request.kubeconfig(), request.context());
        InfraConfig infra = new InfraConfigs().load(gitOps);
        String argocdNs = ApplicationSets.NAMESPACE;
        try (KubernetesClient kube = Attachments.client(request.kubeconfig(), request.context())) {
            ClusterFacts facts = detect(kube, request.context());
            progress.step("attaching to " + request.context() + ": " + facts.describe());
            boolean argocdThere = argoCdInstalled(kube, argocdNs);
            if (argocdThere && !request.useExistingArgoCd()) {
                throw SikifansoException.failure("Argo CD is already installed in " + request.context() + " (namespace "
                                + argocdNs + "); attach installs its own unless told to use it",
                        "to let sikifanso use that Argo CD: add ", Suggestion.of("cluster", "attach")
                                .cliFlag("use-existing-argocd").mention());
            }
            if (!argocdThere && request.useExistingArgoCd()) {
                throw SikifansoException.usage("--use-existing-argocd: there is no Argo CD in " + request.context()
                        + " (no Deployment argocd-server in namespace " + argocdNs + ")",
                        "leave the flag out, and attach installs Argo CD");
            }
            List<String> warnings = adaptRepo(name, gitOps, facts, progress);
            Attachment.Installed installed = install(kube, kubeconfig, infra, source, !argocdThere, progress);
            Optional<String> password = installed.argocdRelease() == null ? Optional.empty()
                    : waits.adminPassword(kube, argocdNs, Duration.ofMinutes(1), progress);
            attachments.save(name, new Attachment(request.kubeconfig().toAbsolutePath().toString(),
                    request.context(), Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), facts,
                    installed));
            sessions.save(new Session(name.value(), ClusterState.RUNNING, session.createdAt(), session.bootstrapURL(),
                    session.bootstrapVersion(), session.gitOpsPath(), new Session.Services(new Session.ArgoCd(null,
                    PlatformBootstrap.ADMIN_USER, password.orElse(null), installed.argocdRelease() == null ? null
                    : infra.argocd().targetRevision()), null), null, null));
            return new Attached(name.value(), request.context(), facts, installed.describe(), warnings);
        } catch (KubernetesClientException e) {
            throw SikifansoException.failure("cannot talk to the Kubernetes API of context " + request.context()
                    + ": HTTP " + e.getCode() + " " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    "check it answers: kubectl get nodes --context " + request.context(), e);
        }
    }

    /** Removes what attach installed, and nothing else; the repo and session stay (cluster delete removes them). */
    public Detached detach(ClusterName cluster, Progress progress) {
        ClusterName name = cluster;
        Attachment attachment = attachments.find(name).orElseThrow(() -> SikifansoException.failure("cluster \""
                + name + "\" is not attached to an existing cluster", Suggestion.of("cluster", "delete").arg("cluster", name),
                " removes a cluster sikifanso created"));
        List<String> removed;
        try (KubernetesClient kube = Attachments.client(Path.of(attachment.kubeconfig()), attachment.context())) {
            String kubeconfig = KubeconfigContext.require(Path.of(attachment.kubeconfig()), attachment.context());
            removed = remove(kube, kubeconfig, attachment.installed(), progress);
        } catch (KubernetesClientException e) {
            throw SikifansoException.failure("cannot talk to the Kubernetes API of context " + attachment.context()
                    + ": HTTP " + e.getCode() + "; nothing more was removed", "check it answers (kubectl get nodes"
                    + " --context " + attachment.context() + "), then run it again", e);
        }
        Session session = sessions.load(name);
        sessions.save(new Session(name.value(), ClusterState.NOT_CREATED, session.createdAt(), session.bootstrapURL(),
                session.bootstrapVersion(), session.gitOpsPath(), null, null, null));
        attachments.remove(name);
        return new Detached(name.value(), attachment.context(), removed);
    }

    private static ClusterFacts detect(KubernetesClient kube, String context) {
        ClusterFacts facts = ClusterFacts.detect(kube);
        if (facts.nodes() == 0) {
            throw SikifansoException.failure("context " + context + " shows a cluster without nodes",
                    "check the context: kubectl get nodes --context " + context);
        }
        return facts;
    }

    private static boolean argoCdInstalled(KubernetesClient kube, String namespace) {
        return kube.apps().deployments().inNamespace(namespace).withName("argocd-server").get() != null;
    }

    /**
     * The sandboxes get plain NetworkPolicy where CiliumNetworkPolicy does not exist (the repo's cni setting,
     * committed and pushed before Argo CD reads it); the catalog's claims name no class, so a default one is needed.
     */
    private List<String> adaptRepo(ClusterName name, Path gitOps, ClusterFacts facts, Progress progress) {
        List<String> warnings = new ArrayList<>();
        if (!facts.cilium()) {
            repos.mutate(name, List.of(), repo -> repo.apply(withPlainNetworkPolicy(gitOps, facts.cni())));
            warnings.add("CNI " + facts.cni() + ": agent sandboxes get plain NetworkPolicy, not CiliumNetworkPolicy ("
                    + Cni.FLANNEL_LIMITS + ")" + ("unknown".equals(facts.cni()) ? "; check that your CNI enforces "
                    + "NetworkPolicy at all" : ""));
        }
        if (facts.defaultStorageClass() == null) {
            warnings.add("no default storage class (classes: " + (facts.storageClasses().isEmpty() ? "none"
                    : String.join(", ", facts.storageClasses())) + "): the catalog's volumes stay Pending until one is"
                    + " marked default (kubectl annotate storageclass NAME " + "storageclass.kubernetes.io/"
                    + "is-default-class=true)");
        }
        warnings.forEach(w -> progress.note("warning: " + w));
        return warnings;
    }

    /** infra/platform.yaml with cni flannel: the sandbox chart's plain-NetworkPolicy mode, whatever the CNI is. */
    private static RepoChange withPlainNetworkPolicy(Path gitOps, String cni) {
        Path file = gitOps.resolve(InfraConfigs.DIR).resolve("platform.yaml");
        try {
            JsonNode read = Files.isRegularFile(file) ? Mappers.YAML.readTree(file.toFile()) : null;
            ObjectNode platform = read instanceof ObjectNode o ? o : Mappers.YAML.createObjectNode();
            if (Cni.flannel.name().equals(platform.path("cni").asText())) {
                return new RepoChange("infra: plain NetworkPolicy for sandboxes (CNI " + cni + ")");
            }
            platform.put("cni", Cni.flannel.name());
            return new RepoChange("infra: plain NetworkPolicy for sandboxes: the attached cluster's CNI is " + cni
                    + ", without CiliumNetworkPolicy").write(InfraConfigs.DIR + "/platform.yaml",
                    Mappers.YAML.writeValueAsString(platform));
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read " + file + ": " + e.getMessage(), "fix it and commit", e);
        }
    }

    /** Installs in order, recording each part as it is made; a failure removes the parts made so far. */
    private Attachment.Installed install(KubernetesClient kube, String kubeconfig, InfraConfig infra,
                                         ArgoCdGitSource.Prepared source, boolean installArgoCd, Progress progress) {
        String ns = ApplicationSets.NAMESPACE;
        Attachment.Installed done = new Attachment.Installed(ns, null, List.of(), null, false);
        try {
            if (installArgoCd) {
                progress.step("installing Argo CD (chart " + infra.argocd().chart() + " "
                        + infra.argocd().targetRevision() + ") with Helm");
                boolean created = kube.namespaces().withName(ns).get() == null;
                done = new Attachment.Installed(ns, infra.argocd().releaseName(), List.of(), null, created);
                charts.install(infra.argocd(), infra.argocd().targetRevision(), HelmValues.argocdAttached(infra),
                        kubeconfig, timeout);
                waits.deploymentsAvailable(kube, ns, PlatformBootstrap.ARGOCD_DEPLOYMENTS, timeout, progress);
            }
            source.secret().ifPresent(secret -> ArgoCdGitSource.putSecret(kube, secret));
            done = new Attachment.Installed(ns, done.argocdRelease(), List.of(),
                    source.secret().isPresent() ? ArgoCdGitSource.REPOSITORY_SECRET : null, done.namespaceCreated());
            List<String> sets = source.rootSets().stream().map(s -> s.at("/metadata/name").asText()).toList();
            done = new Attachment.Installed(ns, done.argocdRelease(), sets, done.repositorySecret(),
                    done.namespaceCreated());
            RootApplicationSets.apply(kube, source.rootSets());
            progress.step("Argo CD reads " + source);
            return done;
        } catch (RuntimeException e) {
            progress.note("attach failed; removing what it installed: " + String.join(", ", done.describe()));
            try {
                remove(kube, kubeconfig, done, progress);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** The root sets first (their Applications' finalizers need Argo CD running), then the Secret, then Argo CD. */
    private List<String> remove(KubernetesClient kube, String kubeconfig, Attachment.Installed installed,
                                Progress progress) {
        String ns = installed.argocdNamespace();
        List<String> removed = new ArrayList<>();
        for (String set : installed.applicationSets()) {
            kube.genericKubernetesResources(ArgoCdResources.APPLICATION_SET).inNamespace(ns).withName(set).delete();
            removed.add("ApplicationSet " + ns + "/" + set);
        }
        waits.applicationsGone(kube, ns, installed.applicationSets(), timeout, progress);
        if (installed.repositorySecret() != null) {
            kube.secrets().inNamespace(ns).withName(installed.repositorySecret()).delete();
            removed.add("Secret " + ns + "/" + installed.repositorySecret());
        }
        if (installed.argocdRelease() != null) {
            charts.uninstall(installed.argocdRelease(), ns, kubeconfig, timeout);
            removed.add("Argo CD (Helm release " + ns + "/" + installed.argocdRelease() + ")");
        }
        if (installed.namespaceCreated()) {
            kube.namespaces().withName(ns).delete();
            removed.add("Namespace " + ns);
        }
        removed.forEach(r -> progress.note("removed " + r));
        return removed;
    }
}

package com.sikifanso.platform;

import com.sikifanso.Services;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.ClusterName;
import com.sikifanso.gitops.ClusterRepos;
import com.sikifanso.gitops.GitServers;
import com.sikifanso.gitops.Reconciler;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.kube.Attachments;
import com.sikifanso.session.ClusterLocks;
import com.sikifanso.session.SikifansoHome;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster named {@value #NAME} attached, through sikifanso's own attach, to fabric8's mock API server shaped as EKS
 * (no real cloud cluster runs here), its GitOps repo published to a real git daemon on 127.0.0.1. The environment
 * points Docker at a socket nobody serves, and the kubeconfig has no {@code k3d-prod} context: anything that still
 * assumed a k3d cluster would fail. Close it to stop the daemon.
 */
public final class AttachedLab implements AutoCloseable {
    public static final String NAME = "prod";
    public static final String CONTEXT = CloudClusters.EKS;

    public final Path home;
    public final Path kubeconfig;
    public final Path bareRepo;
    public final String remote;
    public final Map<String, String> env;
    public final Services services;
    private final GitServers.Daemon daemon;

    public AttachedLab(Path tmp, KubernetesMockServer server, KubernetesClient client) throws Exception {
        Path servers = Files.createDirectories(tmp.resolve("servers"));
        bareRepo = GitServers.bare(servers.resolve(NAME + ".git"));
        daemon = new GitServers.Daemon(servers);
        remote = daemon.url(NAME + ".git");
        home = tmp.resolve("home");
        kubeconfig = Files.createDirectories(tmp.resolve("kube")).resolve("config");
        env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", tmp.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("KUBECONFIG", kubeconfig.toString());
        env.put("DOCKER_HOST", "unix://" + tmp.resolve("no-docker.sock"));
        env.put("SIKIFANSO_HOME", home.toString());
        CloudClusters cloud = new CloudClusters(client);
        cloud.eks();
        Files.writeString(kubeconfig, CloudClusters.kubeconfigWith(client.getMasterUrl().toString(), CONTEXT));
        for (String name : List.of("root", "catalog", "agents")) {
            server.expect().patch().withPath(ArgoCdRequests.SETS + name + "?fieldManager=sikifanso&force=true")
                    .andReturn(200, TestInfra.map("apiVersion", "argoproj.io/v1alpha1", "kind", "ApplicationSet",
                            "metadata", TestInfra.map("name", name, "namespace", "argocd"))).always();
        }
        SikifansoHome sikifansoHome = new SikifansoHome(home);
        services = new Services(BuildInfo.load(), sikifansoHome, Duration.ofSeconds(5), line -> { }, env);
        ClusterName name = ClusterName.of(NAME);
        services.clusters().prepare(name, new TemplateSource.Embedded(), null);
        services.remotes().setRemote(name, remote);
        ClusterRepos repos = new ClusterRepos(services.sessions(), new ClusterLocks(sikifansoHome,
                Duration.ofSeconds(5), line -> { }), Reconciler.NONE, line -> { }, false, env);
        RecordingCharts charts = new RecordingCharts().on("argocd", call -> cloud.argoCdRuns());
        new ClusterAttach(services.sessions(), new Attachments(sikifansoHome), repos, charts,
                new ClusterWaits(Clock.systemUTC(), Duration.ofMillis(50)), env, Clock.systemUTC(),
                Duration.ofSeconds(5)).attach(new ClusterAttach.Request(name, kubeconfig, CONTEXT, false),
                com.sikifanso.agui.RunProgress.toLines(line -> { }));
    }

    /** The commit the git server's main branch is at. */
    public String remoteHead() throws Exception {
        return GitServers.run(List.of("git", "-C", bareRepo.toString(), "rev-parse", "refs/heads/main"), null).strip();
    }

    @Override
    public void close() throws Exception {
        daemon.close();
    }
}

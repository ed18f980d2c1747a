package com.sikifanso.mcp;

import com.sikifanso.core.ClusterName;
import com.sikifanso.Services;
import com.sikifanso.agents.AgentSpec;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.Session;
import com.sikifanso.session.SikifansoHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A SIKIFANSO_HOME for an MCP server process to serve, prepared with the same services the CLI
 * uses, and the real {@code git} CLI to see its GitOps repo as a user would.
 */
final class McpHome {
    static final String CLUSTER = "lab";
    /** The Argo CD admin password written into the session; no tool output may contain it. */
    static final String ARGOCD_PASSWORD = "s3cret-Passw0rd";

    private final Path root;
    private final Services services;

    private McpHome(Path root) {
        this.root = root;
        this.services = new Services(BuildInfo.load(), new SikifansoHome(root), Duration.ofSeconds(10), msg -> {
        });
    }

    /** A home with cluster {@value #CLUSTER} prepared from the embedded template, nothing enabled. */
    static McpHome withCluster(Path root) {
        McpHome home = new McpHome(root);
        home.services.clusters().prepare(ClusterName.of(CLUSTER), new TemplateSource.Embedded(), null);
        return home;
    }

    McpHome withAgent(String name) {
        services.agents().create(ClusterName.of(CLUSTER), name, new AgentSpec(null, null, null, null, null, null, null, null));
        return this;
    }

    /** Records an Argo CD URL, user and password in the cluster's session, as a created cluster has them. */
    McpHome withArgoCdPassword() {
        Session s = services.sessions().load(ClusterName.of(CLUSTER));
        services.sessions().save(new Session(s.clusterName(), s.state(), s.createdAt(), s.bootstrapURL(),
                s.bootstrapVersion(), s.gitOpsPath(),
                new Session.Services(new Session.ArgoCd("http://localhost:30080", "admin", ARGOCD_PASSWORD,
                        "7.7.0"), new Session.Hubble("http://localhost:30081")),
                s.k3dConfig(), new Session.Ports(6550, 8080, 8443, 30080, 30081)));
        return this;
    }

    Path root() {
        return root;
    }

    Services services() {
        return services;
    }

    Path gitOps() {
        return root.resolve("clusters").resolve(CLUSTER).resolve("gitops");
    }

    int commitCount() {
        return Integer.parseInt(git("rev-list", "--count", "HEAD").strip());
    }

    /** {@code git status --porcelain}, untracked files included: empty when the repo is clean. */
    String status() {
        return git("status", "--porcelain", "--untracked-files=all");
    }

    String lastSubject() {
        return git("log", "-1", "--format=%s").strip();
    }

    boolean tracked(String path) {
        return !git("ls-files", "--", path).isBlank();
    }

    String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", gitOps().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("LC_ALL", "C");
        try {
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new AssertionError("git " + String.join(" ", args) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("cannot run git", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running git", e);
        }
    }
}

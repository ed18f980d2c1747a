package com.sikifanso.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.GitCli;
import com.sikifanso.Services;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.ops.ClusterOps;
import com.sikifanso.ops.Invocations;
import com.sikifanso.ops.Surface;
import com.sikifanso.session.SikifansoHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cluster create --gitops-remote URL}: the repo is published before any node exists, and a remote that
 * {@code gitops remote set} would refuse is refused with nothing left behind. Real git servers (bare repositories,
 * git http-backend behind Basic auth); {@code --gitops-only} keeps Docker out of it (the bootstrap's use of the remote
 * is ArgoCdReadsTheRemoteTest's).
 */
class ClusterCreateWithRemoteTest {
    @TempDir
    Path tmp;

    private Services services;
    private Path servers;

    @BeforeEach
    void home() throws Exception {
        servers = Files.createDirectories(tmp.resolve("servers"));
        services = services(Map.of());
    }

    private Services services(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HOME", tmp.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.remove("SIKIFANSO_GIT_TOKEN");
        env.putAll(extra);
        return new Services(BuildInfo.load(), new SikifansoHome(tmp.resolve("home")), Duration.ofSeconds(5),
                line -> { }, env);
    }

    private ClusterOps.ClusterCreated create(Services s, String name, String remote) {
        return s.invocations().invoke(ClusterOps.CLUSTER_CREATE, ClusterOps.ClusterCreateInput.builder(name)
                .profiles(List.of("agent-dev")).gitopsOnly(true).gitopsRemote(remote).build(),
                Invocations.Caller.program(Surface.cli, line -> { }));
    }

    private static String head(Path bare) throws Exception {
        return GitServers.run(List.of("git", "-C", bare.toString(), "rev-parse", "refs/heads/main"), null).strip();
    }

    @Test
    void theRepoIsOnTheRemoteFromTheFirstCommitProfileIncluded() throws Exception {
        Path bare = GitServers.bare(servers.resolve("lab.git"));
        GitServers.bare(servers.resolve("http.git"));

        create(services, "lab", "file://" + bare);

        GitCli local = new GitCli(tmp.resolve("home/clusters/lab/gitops"));
        assertThat(head(bare)).isEqualTo(local.head());
        assertThat(services.remotes().status(com.sikifanso.core.ClusterName.of("lab"), false).ahead()).isZero();
        assertThat(Files.readString(local.dir().resolve("catalog/litellm-proxy.yaml"))).contains("enabled: true");

        try (GitServers.Http http = new GitServers.Http(servers, "x-access-token", "tok-1")) {
            create(services(Map.of("SIKIFANSO_GIT_TOKEN", "tok-1")), "web", http.url("http.git"));
            assertThat(head(servers.resolve("http.git")))
                    .isEqualTo(new GitCli(tmp.resolve("home/clusters/web/gitops")).head());
        }
    }

    @Test
    void aRemoteRemoteSetWouldRefuseIsRefusedAndNoClusterIsLeft() throws Exception {
        assertThatThrownBy(() -> create(services, "lab", "github.com/me/lab"))
                .isInstanceOf(SikifansoException.class).hasMessageContaining("is not a git remote URL");
        assertThatThrownBy(() -> create(services, "lab", "https://me:hunter2@example.org/lab.git"))
                .isInstanceOf(SikifansoException.class).hasMessageContaining("holds a password")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        assertThat(tmp.resolve("home/clusters/lab")).doesNotExist();

        assertThatThrownBy(() -> create(services, "lab", "file://" + servers.resolve("missing.git")))
                .isInstanceOf(SikifansoException.class).hasMessageContaining("cannot reach");
        assertThat(tmp.resolve("home/clusters/lab")).as("the repo made for this create is gone again")
                .doesNotExist();

        Path foreign = GitServers.bare(servers.resolve("foreign.git"));
        Path clone = tmp.resolve("foreign-clone");
        GitServers.run(List.of("git", "clone", "--quiet", "file://" + foreign, clone.toString()), null);
        Files.writeString(clone.resolve("README.md"), "theirs\n");
        GitServers.run(List.of("git", "add", "-A"), clone);
        GitServers.run(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "r"),
                clone);
        GitServers.run(List.of("git", "push", "--quiet", "origin", "HEAD:main"), clone);
        assertThatThrownBy(() -> create(services, "lab", "file://" + foreign))
                .isInstanceOf(SikifansoException.class).hasMessageContaining("has a history of its own");
        assertThat(tmp.resolve("home/clusters/lab")).doesNotExist();
    }
}

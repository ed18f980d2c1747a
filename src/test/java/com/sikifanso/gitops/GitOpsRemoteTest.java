package com.sikifanso.gitops;

import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.GitCli;
import com.sikifanso.Services;
import com.sikifanso.TestHome;
import com.sikifanso.agents.AgentSpec;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.GitOpsRemotes.RemoteStatus;
import com.sikifanso.session.SikifansoHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster's GitOps repo published to real git servers on this machine (bare repositories by path, git daemon, and
 * git's smart HTTP server with Basic auth), through the real git program, as a user's push would go.
 */
class GitOpsRemoteTest {
    private static final ClusterName LAB = ClusterName.of(CLUSTER);
    private static final AgentSpec DEFAULTS = new AgentSpec(null, null, null, null, null, null, null, null);

    @TempDir
    Path tmp;

    private final List<String> notices = new CopyOnWriteArrayList<>();
    private Services services;
    private GitCli local;
    private Path servers;

    @BeforeEach
    void cluster() throws Exception {
        TestHome.withCluster(tmp.resolve("home"));
        services = services(Map.of());
        local = new GitCli(services.sessions().home().clusterDir(ClusterName.of(CLUSTER)).resolve("gitops"));
        servers = Files.createDirectories(tmp.resolve("servers"));
    }

    private Services services(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HOME", tmp.toString());            // no git settings of the machine's user
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.putAll(extra);
        return new Services(BuildInfo.load(), new SikifansoHome(tmp.resolve("home")), Duration.ofSeconds(5),
                notices::add, env);
    }

    private Path bare(String name) throws Exception {
        return GitServers.bare(servers.resolve(name));
    }

    private static String head(Path bare) throws Exception {
        return GitServers.run(List.of("git", "-C", bare.toString(), "rev-parse", "refs/heads/main"), null).strip();
    }

    /** Someone else's clone of the remote, committing {@code file} and pushing. */
    private void someoneElsePushes(String url, String file, String content) throws Exception {
        Path clone = tmp.resolve("else-" + System.nanoTime());
        GitServers.run(List.of("git", "clone", "--quiet", url, clone.toString()), null);
        Path f = clone.resolve(file);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
        GitServers.run(List.of("git", "add", "-A"), clone);
        GitServers.run(List.of("git", "commit", "--quiet", "-m", "their change to " + file), clone);
        GitServers.run(List.of("git", "push", "--quiet", "origin", "HEAD:main"), clone);
    }

    @Test
    void settingARemotePushesTheHistoryAndEveryLaterChangeFollowsIt() throws Exception {
        Path remote = bare("lab.git");

        RemoteStatus set = services.remotes().setRemote(LAB, "file://" + remote);

        assertThat(set.url()).isEqualTo("file://" + remote);
        assertThat(set.ahead()).isZero();
        assertThat(head(remote)).isEqualTo(local.head());

        services.agents().create(ClusterName.of(CLUSTER), "scout", DEFAULTS);

        assertThat(head(remote)).as("the agent's commit, pushed with the change").isEqualTo(local.head());
        assertThat(services.remotes().status(LAB, true)).isEqualTo(
                new RemoteStatus(CLUSTER, "file://" + remote, "main", 0, 0, null));
        assertThat(notices).noneMatch(n -> n.startsWith("warning"));
    }

    @Test
    void aDryRunPushesNothing() throws Exception {
        Path remote = bare("lab.git");
        services.remotes().setRemote(LAB, "file://" + remote);
        String pushed = head(remote);

        com.sikifanso.ops.Plan plan = services.invocations().plan(com.sikifanso.ops.AgentOps.CREATE,
                com.sikifanso.ops.ArgumentBinder.bind(com.sikifanso.ops.AgentOps.AgentSettings.class,
                        Map.of("cluster", CLUSTER, "name", "scout")),
                com.sikifanso.ops.Invocations.Caller.program(com.sikifanso.ops.Surface.cli, line -> { }));

        assertThat(plan.changesRepository()).isTrue();
        assertThat(head(remote)).as("the rehearsal's commit stayed in its scratch copy").isEqualTo(pushed);
        assertThat(local.head()).isEqualTo(pushed);
    }

    @Test
    void aChangeIsMadeOnTopOfWhatTheRemoteGotMeanwhile() throws Exception {
        Path remote = bare("lab.git");
        services.remotes().setRemote(LAB, "file://" + remote);
        someoneElsePushes("file://" + remote, "docs/NOTES.md", "kept by someone else\n");

        services.agents().create(ClusterName.of(CLUSTER), "scout", DEFAULTS);

        assertThat(local.subjects().get(0)).startsWith("agent: create scout");
        assertThat(local.subjects().get(1)).isEqualTo("their change to docs/NOTES.md");
        assertThat(head(remote)).isEqualTo(local.head());
    }

    @Test
    void anUnreachableRemoteKeepsTheCommitSaysHowToRetryAndThePushCatchesUpLater() throws Exception {
        Path remote = bare("lab.git");
        services.remotes().setRemote(LAB, "file://" + remote);
        String pushed = head(remote);
        Path away = Files.move(remote, servers.resolve("away.git"));

        services.agents().create(ClusterName.of(CLUSTER), "scout", DEFAULTS);

        assertThat(local.subjects().get(0)).startsWith("agent: create scout");
        // git's own reason (its first fatal: line), not the advice it prints after it; the retry is this cluster's.
        assertThat(notices).anyMatch(n -> n.startsWith("warning: cannot reach the GitOps remote ('" + remote
                + "' does not appear to be a git repository)") && n.contains("sikifanso cluster gitops push -c " + CLUSTER)
                && n.contains("sikifanso cluster gitops status -c " + CLUSTER));
        assertThat(notices).noneMatch(n -> n.contains("and the repository exists."));
        assertThat(services.remotes().status(LAB, false).ahead()).isEqualTo(1);
        assertThatThrownBy(() -> services.remotes().push(LAB))
                .isInstanceOf(SikifansoException.class).hasMessageContaining("cannot reach the GitOps remote");

        Files.move(away, remote);
        assertThat(head(remote)).isEqualTo(pushed);
        RemoteStatus after = services.remotes().push(LAB);

        assertThat(after.ahead()).isZero();
        assertThat(head(remote)).isEqualTo(local.head());
    }

    @Test
    void aConflictWithTheRemoteNamesTheFilesAndPushesNothing() throws Exception {
        Path remote = bare("lab.git");
        services.remotes().setRemote(LAB, "file://" + remote);
        Path away = Files.move(remote, servers.resolve("away.git"));
        services.agents().create(ClusterName.of(CLUSTER), "scout", DEFAULTS);     // committed here only
        Files.move(away, remote);
        String agentFile = local.files().stream().filter(f -> f.contains("scout")).findFirst().orElseThrow();
        someoneElsePushes("file://" + remote, agentFile, "theirs: a different scout\n");
        String theirs = head(remote);
        String ours = local.head();

        assertThatThrownBy(() -> services.remotes().push(LAB))
                .isInstanceOf(SikifansoException.class)
                .hasMessageContaining("changed the same files: " + agentFile)
                .hasMessageContaining("nothing was pushed")
                .satisfies(e -> assertThat(((SikifansoException) e).hint()).contains("pull --rebase origin main"));
        assertThat(head(remote)).isEqualTo(theirs);
        assertThat(local.head()).as("our commit kept as it was").isEqualTo(ours);
        assertThat(local.status()).as("the replay undone").isEmpty();
    }

    @Test
    void gitDaemonAndSmartHttpWithATokenFromTheEnvironment() throws Exception {
        bare("daemon.git");
        String daemonUrl;
        try (GitServers.Daemon daemon = new GitServers.Daemon(servers)) {
            daemonUrl = daemon.url("daemon.git");
            services.remotes().setRemote(LAB, daemonUrl);
            services.agents().create(ClusterName.of(CLUSTER), "scout", DEFAULTS);
            assertThat(head(servers.resolve("daemon.git"))).isEqualTo(local.head());
        }

        bare("http.git");
        try (GitServers.Http http = new GitServers.Http(servers, "x-access-token", "s3cret-token")) {
            Services withoutToken = services(Map.of());
            assertThatThrownBy(() -> withoutToken.remotes().setRemote(LAB, http.url("http.git")))
                    .isInstanceOf(SikifansoException.class)
                    .hasMessageContaining("cannot reach " + http.url("http.git"));
            assertThat(withoutToken.remotes().status(LAB, false).url()).as("the refused URL is not kept")
                    .isEqualTo(daemonUrl);

            Services withToken = services(Map.of("SIKIFANSO_GIT_TOKEN", "s3cret-token"));
            withToken.remotes().setRemote(LAB, http.url("http.git"));
            withToken.agents().create(ClusterName.of(CLUSTER), "planner", DEFAULTS);

            assertThat(head(servers.resolve("http.git"))).isEqualTo(local.head());
            assertThat(Files.readString(local.dir().resolve(".git/config"))).doesNotContain("s3cret-token");
        }
    }

    @Test
    void badUrlsAndForeignHistoriesAreRefusedAndChangeNothing() throws Exception {
        assertThatThrownBy(() -> services.remotes().setRemote(LAB, "github.com/me/lab"))
                .isInstanceOf(SikifansoException.class).hasMessageContaining("is not a git remote URL");
        assertThatThrownBy(() -> services.remotes().setRemote(LAB, "https://me:hunter2@example.org/lab.git"))
                .isInstanceOf(SikifansoException.class).hasMessageContaining("holds a password")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        assertThatThrownBy(() -> services.remotes().setRemote(LAB, "file://" + servers.resolve("missing.git")))
                .isInstanceOf(SikifansoException.class).hasMessageContaining("cannot reach");
        assertThat(services.remotes().status(LAB, false).url()).isNull();

        Path foreign = bare("foreign.git");
        someoneElsePushes("file://" + foreign, "README.md", "a repo of its own\n");
        assertThatThrownBy(() -> services.remotes().setRemote(LAB, "file://" + foreign))
                .isInstanceOf(SikifansoException.class).hasMessageContaining("has a history of its own");
        assertThat(services.remotes().status(LAB, false).url()).isNull();

        assertThatThrownBy(() -> services.remotes().push(LAB))
                .isInstanceOf(SikifansoException.class).hasMessageContaining("has no remote to push to");
    }
}

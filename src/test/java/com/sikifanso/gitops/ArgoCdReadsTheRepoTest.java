package com.sikifanso.gitops;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.TestHome;
import com.sikifanso.agents.AgentSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Argo CD's repo-server can read the GitOps repo as sikifanso leaves it: the real git, as another
 * uid with Argo CD's environment (see {@link ArgoCdRepoServerGit}), lists and fetches it after
 * each kind of change; and the same git fails on the repo as it was before (owner-only modes, no
 * safe.directory), so these tests would catch the fix going away.
 */
class ArgoCdReadsTheRepoTest {
    @TempDir
    Path tmp;

    private TestHome home;
    private ArgoCdRepoServerGit repoServer;

    @BeforeEach
    void setUp() throws IOException {
        ArgoCdRepoServerGit.require();
        home = TestHome.withCluster(tmp.resolve("home"));
        repoServer = new ArgoCdRepoServerGit(Files.createDirectories(tmp.resolve("argocd")));
    }

    private void assertRepoServerReads(Path repo) throws Exception {
        String head = new com.sikifanso.GitCli(repo).head();
        ArgoCdRepoServerGit.Result listed = repoServer.lsRemote(repo, true);
        assertThat(listed.exitCode()).as(listed.output()).isZero();
        assertThat(listed.output()).contains(head + "\tHEAD");
        ArgoCdRepoServerGit.Result fetched = repoServer.fetch(repo, true);
        assertThat(fetched.exitCode()).as(fetched.output()).isZero();
        assertThat(fetched.output().strip()).isEqualTo(head);
        assertSharedModes(repo);
    }

    private static void assertSharedModes(Path repo) throws IOException {
        try (Stream<Path> all = Files.walk(repo)) {
            for (Path p : all.toList()) {
                var perms = Files.getPosixFilePermissions(p);
                assertThat(perms).as(p.toString()).contains(PosixFilePermission.OTHERS_READ);
                if (Files.isDirectory(p)) {
                    assertThat(perms).as(p.toString()).contains(PosixFilePermission.OTHERS_EXECUTE);
                }
            }
        }
    }

    @Test
    void aNewRepoIsListedAndFetchedWithDirectories0755AndFiles0644() throws Exception {
        Path repo = home.gitOps();

        assertRepoServerReads(repo);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(repo))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(repo.resolve("bootstrap/root-app.yaml"))))
                .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.sessionFile("lab"))))
                .as("the session keeps secrets: still owner-only").isEqualTo("rw-------");
    }

    @Test
    void theRepoStaysReadableAfterAppEnableAgentCreateAndSnapshotRestore() throws Exception {
        var services = home.services();
        services.apps().enable(ClusterName.of("lab"), List.of("qdrant"));
        assertRepoServerReads(home.gitOps());

        services.agents().create(ClusterName.of("lab"), "researcher", AgentSpec.DEFAULTS);
        assertRepoServerReads(home.gitOps());

        services.snapshots().capture(ClusterName.of("lab"), "before", false);
        services.apps().disable(ClusterName.of("lab"), "qdrant", true);
        services.snapshots().restore("before", ClusterName.of("lab"));
        assertRepoServerReads(home.gitOps());

        services.snapshots().seedCluster("before", ClusterName.of("copy"));
        assertRepoServerReads(home.gitOps("copy"));
    }

    @Test
    void withoutTheFixTheSameGitFailsAndStartingTheClusterOpensTheRepoAgain() throws Exception {
        Path repo = home.gitOps();

        // Without the trusted-directory configuration: git's ownership check stops the repo-server.
        ArgoCdRepoServerGit.Result untrusted = repoServer.lsRemote(repo, false);
        assertThat(untrusted.exitCode()).isNotZero();
        assertThat(untrusted.output()).contains("detected dubious ownership");

        // Modes as sikifanso left them before (temp directory 0700, files 0600): not even readable.
        closeToOthers(repo);
        ArgoCdRepoServerGit.Result closed = repoServer.lsRemote(repo, true);
        assertThat(closed.exitCode()).isNotZero();
        assertThat(closed.output()).contains("does not appear to be a git repository");

        // What cluster create and cluster start run on an existing repo.
        assertThat(RepoPermissions.shareForReading(repo)).isPositive();
        assertRepoServerReads(repo);
        assertThat(RepoPermissions.shareForReading(repo)).as("nothing left to change").isZero();
    }

    static void closeToOthers(Path repo) throws IOException {
        try (Stream<Path> all = Files.walk(repo)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------"
                        : "rw-------"));
            }
        }
    }
}

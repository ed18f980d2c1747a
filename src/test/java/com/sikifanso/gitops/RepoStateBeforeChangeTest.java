package com.sikifanso.gitops;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.GitCli;
import com.sikifanso.RepoSnapshot;
import com.sikifanso.TestHome;
import com.sikifanso.catalog.AppService;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a change finds before it commits: a lock a killed git left, a change a killed sikifanso
 * left half-applied, the user's own edits, a detached HEAD or another branch.
 */
class RepoStateBeforeChangeTest {
    @TempDir
    Path tmp;

    private TestHome home;
    private AppService apps;
    private GitCli git;

    @BeforeEach
    void prepareCluster() {
        home = TestHome.withCluster(tmp);
        apps = home.services().apps();
        git = home.git();
    }

    @Test
    void aStaleIndexLockIsRemovedWithANoticeAndTheChangeGoesThrough() throws IOException {
        Path lock = Files.createFile(home.gitOps().resolve(".git/index.lock"));
        Path refLock = Files.createFile(home.gitOps().resolve(".git/refs/heads/main.lock"));

        apps.enable(ClusterName.of(CLUSTER), List.of("qdrant"));

        assertThat(lock).doesNotExist();
        assertThat(refLock).doesNotExist();
        assertThat(home.progress()).contains("removed " + lock + ", left by an interrupted git command",
                "removed " + refLock + ", left by an interrupted git command");
        assertThat(git.subjects().get(0)).isEqualTo("catalog: enable qdrant");
        assertThat(git.status()).isEmpty();
    }

    @Test
    void theUsersOwnEditsAreNeverSweptIntoAToolCommit() throws IOException {
        Path ollama = home.gitOps().resolve("catalog/ollama.yaml");
        Files.writeString(ollama, Files.readString(ollama) + "# my note\n");
        Files.writeString(home.gitOps().resolve("notes.txt"), "mine\n");
        RepoSnapshot before = RepoSnapshot.of(git);

        assertThatThrownBy(() -> apps.enable(ClusterName.of(CLUSTER), List.of("qdrant")))
                .isInstanceOf(SikifansoException.class)
                .hasMessage("the GitOps repo at " + home.gitOps() + " has uncommitted changes that this commit would "
                        + "sweep in: catalog/ollama.yaml (modified), notes.txt (untracked)")
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .contains("git -C " + home.gitOps() + " stash -u").contains("--include-local-changes");
        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
    }

    @Test
    void includeLocalChangesFoldsTheUsersEditsIntoTheCommit() throws IOException {
        Files.writeString(home.gitOps().resolve("notes.txt"), "mine\n");
        TestHome including = TestHome.at(tmp, true);

        including.services().apps().enable(ClusterName.of(CLUSTER), List.of("qdrant"));

        assertThat(git.subjects().get(0)).isEqualTo("catalog: enable qdrant");
        assertThat(git.filesInHead()).containsExactlyInAnyOrder("catalog/qdrant.yaml", "notes.txt");
        assertThat(git.status()).isEmpty();
    }

    @Test
    void aDetachedHeadIsRefusedWithTheFix() {
        git.run("checkout", "-q", "--detach", "HEAD");
        RepoSnapshot before = RepoSnapshot.of(git);

        assertThatThrownBy(() -> apps.enable(ClusterName.of(CLUSTER), List.of("qdrant")))
                .hasMessage("the GitOps repo at " + home.gitOps() + " has a detached HEAD; a commit there would be "
                        + "lost at the next checkout")
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .isEqualTo("go back to its branch first: git -C " + home.gitOps() + " switch main");
        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
    }

    @Test
    void anotherBranchIsRefusedWithTheFix() {
        git.run("checkout", "-q", "-b", "experiment");
        RepoSnapshot before = RepoSnapshot.of(git);

        assertThatThrownBy(() -> apps.enable(ClusterName.of(CLUSTER), List.of("qdrant")))
                .hasMessageContaining("is on branch \"experiment\", not \"main\"")
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .startsWith("switch back: git -C " + home.gitOps() + " switch main");
        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
    }

    @Test
    void aChangeKilledBeforeItsCommitIsRolledBackByTheNextRead() throws Exception {
        RepoSnapshot before = RepoSnapshot.of(git);
        Path qdrant = home.gitOps().resolve("catalog/qdrant.yaml");
        halfApply(Map.of("catalog/qdrant.yaml", Files.readString(qdrant).replace("enabled: false", "enabled: true"),
                "agents/ghost.yaml", "name: ghost\n"));
        assertThat(git.status()).isNotEmpty();

        assertThat(apps.list(ClusterName.of(CLUSTER), false).stream().filter(a -> a.enabled()).toList()).isEmpty();

        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
        assertThat(home.progress()).anyMatch(m -> m.startsWith("rolled back the interrupted change \"test change\""));
    }

    @Test
    void aChangeKilledAfterItsCommitIsCompletedByTheNextChange() throws Exception {
        Path qdrant = home.gitOps().resolve("catalog/qdrant.yaml");
        String enabled = Files.readString(qdrant).replace("enabled: false", "enabled: true");
        halfApply(Map.of("catalog/qdrant.yaml", enabled));
        git.run("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "test change",
                "catalog/qdrant.yaml");
        // The kill came before the working tree and index were settled: put HEAD's file back out of step.
        git.run("reset", "-q", "HEAD~1", "--", "catalog/qdrant.yaml");
        Files.writeString(qdrant, "half-written");

        apps.enable(ClusterName.of(CLUSTER), List.of("ollama"));

        assertThat(git.status()).isEmpty();
        assertThat(Files.readString(qdrant)).isEqualTo(enabled);
        assertThat(git.subjects().subList(0, 2)).containsExactly("catalog: enable ollama", "test change");
        assertThat(home.progress()).anyMatch(m -> m.startsWith("completed the interrupted change \"test change\""));
    }

    /** What a process killed after journalling and writing, before committing, leaves behind. */
    private void halfApply(Map<String, String> files) throws IOException {
        try (Git jgit = Git.open(home.gitOps().toFile())) {
            new ChangeJournal(home.gitOps()).begin(jgit, "test change", files.keySet());
        }
        for (var file : files.entrySet()) {
            Path path = home.gitOps().resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        git.run("add", "-A");
        Files.writeString(home.gitOps().resolve("catalog/.qdrant.yaml.123.tmp"), "partial");
    }
}

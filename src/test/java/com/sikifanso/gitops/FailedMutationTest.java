package com.sikifanso.gitops;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.GitCli;
import com.sikifanso.RepoSnapshot;
import com.sikifanso.TestHome;
import com.sikifanso.catalog.AppService;
import com.sikifanso.catalog.CustomApp;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mutation whose commit fails leaves the working tree and the history as they were. Tests run
 * as root, where file modes do not stop writes, so the failures are made with a pre-commit hook
 * that refuses (JGit runs it after the files are written and staged, just before the commit) and
 * with a path that cannot be written because a directory stands there.
 */
public class FailedMutationTest {
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

    private static CustomApp podinfo() {
        return new CustomApp("podinfo", "https://stefanprodan.github.io/podinfo", "podinfo", "6.10.1", "podinfo");
    }

    /** A pre-commit hook that refuses every commit, until the returned file is deleted. */
    public static Path refuseCommits(Path repo) throws IOException {
        Path hook = repo.resolve(".git/hooks/pre-commit");
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\necho 'refused by the test hook' >&2\nexit 1\n");
        hook.toFile().setExecutable(true);
        return hook;
    }

    @Test
    void anEnableWhoseCommitFailsLeavesTheRepoAsItWas() throws IOException {
        RepoSnapshot before = RepoSnapshot.of(git);
        Path lock = refuseCommits(home.gitOps());

        assertThatThrownBy(() -> apps.enable(ClusterName.of(CLUSTER), List.of("langfuse")))
                .isInstanceOf(SikifansoException.class)
                .hasMessageStartingWith("could not commit \"catalog: enable langfuse (auto-enabled dependencies: "
                        + "cnpg-operator, prometheus-stack, postgresql, valkey)\" to " + home.gitOps())
                .extracting(e -> ((SikifansoException) e).hint()).asString()
                .startsWith("the repo was left as it was");

        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
        Files.delete(lock);
        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
        apps.enable(ClusterName.of(CLUSTER), List.of("langfuse"));
        assertThat(git.subjects()).hasSize(2);
    }

    @Test
    void aCommitThatFailsPutsTheFilesAndTheIndexBack() throws IOException {
        RepoSnapshot before = RepoSnapshot.of(git);
        refuseCommits(home.gitOps());

        assertThatThrownBy(() -> apps.enable(ClusterName.of(CLUSTER), List.of("qdrant")))
                .isInstanceOf(SikifansoException.class)
                .hasMessageStartingWith("could not commit \"catalog: enable qdrant\"");

        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
        assertThat(git.run("diff", "--cached", "--name-only")).isEmpty();
    }

    @Test
    void aRemoveThatCannotCommitLeavesNoUncommittedDeletions() throws IOException {
        apps.add(ClusterName.of(CLUSTER), podinfo(), null);
        RepoSnapshot before = RepoSnapshot.of(git);
        refuseCommits(home.gitOps());

        assertThatThrownBy(() -> apps.remove(ClusterName.of(CLUSTER), "podinfo"))
                .hasMessageStartingWith("could not commit \"app: remove podinfo\"");

        assertThat(home.gitOps().resolve("apps/coordinates/podinfo.yaml")).isRegularFile();
        assertThat(home.gitOps().resolve("apps/values/podinfo.yaml")).isRegularFile();
        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
    }

    @Test
    void anAddWhoseValuesFileCannotBeWrittenLeavesNoHalfWrittenApp() throws IOException {
        // An empty directory where the values file goes: git does not see it, but no file can be written there.
        Files.createDirectory(home.gitOps().resolve("apps/values/podinfo.yaml"));
        RepoSnapshot before = RepoSnapshot.of(git);

        assertThatThrownBy(() -> apps.add(ClusterName.of(CLUSTER), podinfo(), null))
                .isInstanceOf(SikifansoException.class)
                .hasMessageStartingWith("could not commit \"app: add podinfo (podinfo 6.10.1 from "
                        + "https://stefanprodan.github.io/podinfo)\" to " + home.gitOps());

        assertThat(home.gitOps().resolve("apps/coordinates/podinfo.yaml")).doesNotExist();
        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
        assertThat(git.status()).isEmpty();
    }

    @Test
    void aCatalogFileWithoutAnEnabledLineIsRefusedWithoutTouchingTheOthers() throws IOException {
        Path qdrant = home.gitOps().resolve("catalog/qdrant.yaml");
        Files.writeString(qdrant, Files.readString(qdrant).replace("enabled: false\n", ""));
        git.commitAll("hand edit: drop enabled from qdrant");
        RepoSnapshot before = RepoSnapshot.of(git);

        assertThatThrownBy(() -> apps.enable(ClusterName.of(CLUSTER), List.of("ollama", "qdrant")))
                .hasMessage("catalog/qdrant.yaml has no top-level \"enabled: true|false\" line");

        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
    }
}

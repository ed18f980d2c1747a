package com.sikifanso.snapshot;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.GitCli;
import com.sikifanso.RepoSnapshot;
import com.sikifanso.agents.AgentSpec;
import com.sikifanso.agui.AguiEvent;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalEntry;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotServiceTest {
    private static final AgentSpec DEFAULTS = new AgentSpec(null, null, null, null, null, null, null, null);

    @TempDir
    Path root;

    private SnapshotFixture f;

    @BeforeEach
    void prepare() {
        f = new SnapshotFixture(root);
    }

    @Test
    void restoringIntoTheSameClusterIsOneCommitThatBringsBackTheSnapshotsFilesAndKeepsHistory() throws Exception {
        f.home.services().apps().enable(ClusterName.of(CLUSTER), List.of("qdrant"));
        f.home.services().agents().create(ClusterName.of(CLUSTER), "bob", DEFAULTS);
        GitCli git = f.git(CLUSTER);
        Map<String, String> captured = f.tree(CLUSTER);
        f.snapshots.capture(ClusterName.of(CLUSTER), "before", false);
        f.home.services().apps().enable(ClusterName.of(CLUSTER), List.of("langfuse"));
        f.home.services().agents().delete(ClusterName.of(CLUSTER), "bob");
        git.run("rm", "-q", "catalog/valkey.yaml");
        Files.createDirectories(f.home.gitOps().resolve("extra/deep"));
        writeString(f.home.gitOps().resolve("extra/deep/notes.yaml"), "hand: made\n");
        git.commitAll("hand edit");
        List<String> historyBefore = git.log("%H");
        f.refreshed.clear();

        SnapshotService.Restored restored = f.snapshots.restore("before", null);

        assertThat(restored.cluster()).isEqualTo(CLUSTER);
        assertThat(restored.commit()).isEqualTo(git.head());
        assertThat(git.subjects().get(0)).isEqualTo("restore snapshot before");
        assertThat(git.log("%H").subList(1, historyBefore.size() + 1)).isEqualTo(historyBefore);
        assertThat(git.log("%an <%ae>").get(0)).isEqualTo("sikifanso <sikifanso@local>");
        assertThat(f.tree(CLUSTER)).isEqualTo(captured);
        assertThat(f.home.gitOps().resolve("extra")).doesNotExist();
        assertThat(git.status()).isEmpty();
        assertThat(f.refreshed).containsExactlyInAnyOrder("lab/root", "lab/catalog", "lab/agents");
    }

    @Test
    void aRestoreThatCannotCommitLeavesTheRepoAsItWas() throws Exception {
        f.home.services().agents().create(ClusterName.of(CLUSTER), "bob", DEFAULTS);
        f.snapshots.capture(ClusterName.of(CLUSTER), "with-bob", false);
        f.home.services().agents().delete(ClusterName.of(CLUSTER), "bob");
        f.home.services().apps().enable(ClusterName.of(CLUSTER), List.of("qdrant"));
        GitCli git = f.git(CLUSTER);
        git.run("rm", "-q", "-r", "apps");
        git.commitAll("no custom apps");
        RepoSnapshot before = RepoSnapshot.of(git);
        Path hook = com.sikifanso.gitops.FailedMutationTest.refuseCommits(f.home.gitOps());

        assertThatThrownBy(() -> f.snapshots.restore("with-bob", null))
                .hasMessageStartingWith("could not commit \"restore snapshot with-bob\" to " + f.home.gitOps());

        Files.delete(hook);
        assertThat(RepoSnapshot.of(git)).isEqualTo(before);
        assertThat(f.refreshed).isEmpty();
    }

    @Test
    void aClusterWhoseRepoIsGoneGetsTheSnapshotsRepoBack() throws Exception {
        f.home.services().apps().enable(ClusterName.of(CLUSTER), List.of("qdrant"));
        List<String> history = f.git(CLUSTER).log("%H");
        Map<String, String> tree = f.tree(CLUSTER);
        f.snapshots.capture(ClusterName.of(CLUSTER), "safe", false);
        com.sikifanso.core.LocalFiles.deleteRecursively(f.home.gitOps());

        SnapshotService.Restored restored = f.snapshots.restore("safe", null);

        assertThat(restored.recreated()).isTrue();
        assertThat(restored.commit()).isNull();
        assertThat(f.git(CLUSTER).log("%H")).isEqualTo(history);
        assertThat(f.tree(CLUSTER)).isEqualTo(tree);
        assertThat(f.refreshed).containsExactlyInAnyOrder("lab/root", "lab/catalog", "lab/agents");
        assertThat(f.home.clusterDir(CLUSTER)).isDirectoryNotContaining(p -> p.getFileName().toString()
                .startsWith("."));
    }

    @Test
    void restoringWhatTheRepoAlreadyHoldsMakesNoCommit() {
        f.home.services().apps().enable(ClusterName.of(CLUSTER), List.of("qdrant"));
        f.snapshots.capture(ClusterName.of(CLUSTER), "same", false);
        String head = f.git(CLUSTER).head();

        SnapshotService.Restored restored = f.snapshots.restore("same", null);

        assertThat(restored.commit()).isNull();
        assertThat(f.git(CLUSTER).head()).isEqualTo(head);
        assertThat(f.refreshed).isEmpty();
    }

    @Test
    void restoreIntoAnotherClusterWithMinusC() {
        f.home.services().apps().enable(ClusterName.of(CLUSTER), List.of("qdrant"));
        f.snapshots.capture(ClusterName.of(CLUSTER), "with-qdrant", false);
        f.home.prepare("other");

        SnapshotService.Restored restored = f.snapshots.restore("with-qdrant", ClusterName.of("other"));

        assertThat(restored.cluster()).isEqualTo("other");
        assertThat(f.tree("other")).isEqualTo(f.tree(CLUSTER));
        assertThat(f.git("other").subjects()).hasSize(2).first().isEqualTo("restore snapshot with-qdrant");
    }

    @Test
    void aNewClusterFromASnapshotHasItsHistoryAndAFreshSession() throws Exception {
        f.home.services().apps().enable(ClusterName.of(CLUSTER), List.of("qdrant"));
        withArgoCdPassword(CLUSTER, "hunter2");
        f.snapshots.capture(ClusterName.of(CLUSTER), "base", true);

        SnapshotService.Seeded seeded = f.snapshots.seedCluster("base", ClusterName.of("lab2"));

        assertThat(seeded.commit()).isNull();
        assertThat(f.git("lab2").log("%H")).isEqualTo(f.git(CLUSTER).log("%H"));
        assertThat(f.tree("lab2")).isEqualTo(f.tree(CLUSTER));
        assertThat(f.git("lab2").status()).isEmpty();
        Session session = f.home.services().sessions().load(ClusterName.of("lab2"));
        assertThat(session.state()).isEqualTo(ClusterState.NOT_CREATED);
        assertThat(session.gitOpsPath()).isEqualTo(f.home.gitOps("lab2").toString());
        assertThat(session.services()).as("the old cluster's URLs and password").isNull();
        assertThat(session.ports()).isNull();
        assertThat(session.bootstrapURL()).isEqualTo(Session.EMBEDDED_BOOTSTRAP);
        assertThat(f.home.gitOps("lab2").resolve(".git/config")).content().doesNotContain("hooksPath");
        assertThat(root.resolve("clusters")).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("."));
        // The new cluster's repo works with the normal machinery.
        f.home.services().apps().enable(ClusterName.of("lab2"), List.of("valkey"));
        assertThat(f.git("lab2").subjects()).hasSize(3);
    }

    @Test
    void aNewClusterFromASnapshotTakesTheSnapshotsClusterNameByDefault() {
        f.snapshots.capture(ClusterName.of(CLUSTER), "base", false);
        String head = f.git(CLUSTER).head();
        f.home.services().sessions().delete(ClusterName.of(CLUSTER));

        SnapshotService.Seeded seeded = f.snapshots.seedCluster("base", null);

        assertThat(seeded.session().clusterName()).isEqualTo(CLUSTER);
        assertThat(seeded.head()).isEqualTo(head);
        assertThat(f.git(CLUSTER).head()).isEqualTo(head);
    }

    @Test
    void uncommittedEditsInTheSnapshotBecomeOneCommitInANamedNewCluster() {
        writeString(f.home.gitOps().resolve("catalog/values/qdrant.yaml"), "replicaCount: 3\n");
        Map<String, String> dirty = f.tree(CLUSTER);
        f.snapshots.capture(ClusterName.of(CLUSTER), "dirty", false);

        SnapshotService.Seeded seeded = f.snapshots.seedCluster("dirty", ClusterName.of("lab2"));

        assertThat(seeded.commit()).isEqualTo(f.git("lab2").head());
        assertThat(f.git("lab2").subjects()).hasSize(2).first().isEqualTo("restore snapshot dirty");
        assertThat(f.git("lab2").filesInHead()).containsExactly("catalog/values/qdrant.yaml");
        assertThat(f.tree("lab2")).isEqualTo(dirty);
        assertThat(f.git("lab2").status()).isEmpty();
    }

    @Test
    void aNewClusterFromASnapshotNeverReplacesAnExistingOne() {
        f.snapshots.capture(ClusterName.of(CLUSTER), "base", false);
        f.home.prepare("other");
        Map<String, Long> before = f.everything();

        assertThatThrownBy(() -> f.snapshots.seedCluster("base", ClusterName.of("other")))
                .hasMessage("cluster \"other\" is already prepared (state not-created)");
        assertThat(f.everything()).isEqualTo(before);
    }

    @Test
    void secretsAreLeftOutByDefault() throws Exception {
        withArgoCdPassword(CLUSTER, "hunter2");

        SnapshotService.Captured captured = f.snapshots.capture(ClusterName.of(CLUSTER), "plain", false);

        Map<String, byte[]> entries = SnapshotFixture.entries(f.archive("plain"));
        String session = new String(entries.get("session.yaml"), StandardCharsets.UTF_8);
        assertThat(session).contains("username: admin").doesNotContain("hunter2").doesNotContain("password");
        assertThat(captured.snapshot().includesSecrets()).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f.archive("plain"))))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void secretsAreKeptWhenAskedAndTheArchiveIsOwnerOnly() throws Exception {
        withArgoCdPassword(CLUSTER, "hunter2");

        f.snapshots.capture(ClusterName.of(CLUSTER), "full", true);

        Map<String, byte[]> entries = SnapshotFixture.entries(f.archive("full"));
        assertThat(new String(entries.get("session.yaml"), StandardCharsets.UTF_8)).contains("password: hunter2");
        assertThat(new String(entries.get("snapshot.yaml"), StandardCharsets.UTF_8)).contains("includesSecrets: true");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f.archive("full"))))
                .isEqualTo("rw-------");
        assertThat(f.snapshotsDir()).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void theActivityJournalTravelsOnlyWhenAskedAndANewClusterKeepsItsHistory() {
        Path clusterDir = f.home.services().sessions().home().clusterDir(ClusterName.of(CLUSTER));
        ActivityJournal journal = new ActivityJournal(clusterDir, JournalOptions.DEFAULTS);
        journal.append("run-1", new AguiEvent.RunStarted("lab", "run-1", null, null, null, 1L));
        journal.append("run-1", new AguiEvent.RunFinished("lab", "run-1", null, null, null, 2L));
        List<JournalEntry> before = journal.readSince(0L);

        f.snapshots.capture(ClusterName.of(CLUSTER), "config-only", false, false);
        assertThat(SnapshotFixture.names(SnapshotFixture.entries(f.archive("config-only"))))
                .doesNotContain("activity.jsonl");

        f.snapshots.capture(ClusterName.of(CLUSTER), "with-activity", false, true);
        assertThat(SnapshotFixture.names(SnapshotFixture.entries(f.archive("with-activity"))))
                .contains("activity.jsonl");

        f.snapshots.seedCluster("with-activity", ClusterName.of("lab2"));
        ActivityJournal copied = new ActivityJournal(f.home.services().sessions().home().clusterDir(ClusterName.of("lab2")),
                JournalOptions.DEFAULTS);
        assertThat(copied.readSince(0L)).as("the new cluster's journal is the old one's history").isEqualTo(before);
        assertThat(copied.append("run-2", new AguiEvent.RunStarted("lab2", "run-2", null, null, null, 3L)).sequence())
                .as("and goes on after it").isEqualTo(before.getLast().sequence() + 1);

        f.snapshots.seedCluster("config-only", ClusterName.of("lab3"));
        assertThat(new ActivityJournal(f.home.services().sessions().home().clusterDir(ClusterName.of("lab3")), JournalOptions.DEFAULTS)
                .readSince(0L)).isEmpty();
    }

    @Test
    void theArchiveHoldsMetadataSessionAndTheRepoWithItsHistory() {
        f.home.services().apps().enable(ClusterName.of(CLUSTER), List.of("qdrant"));

        SnapshotService.Captured captured = f.snapshots.capture(ClusterName.of(CLUSTER), "full", false);

        Map<String, byte[]> entries = SnapshotFixture.entries(f.archive("full"));
        assertThat(SnapshotFixture.names(entries)).startsWith("snapshot.yaml", "session.yaml", "gitops/")
                .contains("gitops/.git/HEAD", "gitops/catalog/qdrant.yaml", "gitops/bootstrap/root-app.yaml");
        SnapshotMeta meta = readMeta(entries.get("snapshot.yaml"));
        assertThat(meta).isEqualTo(new SnapshotMeta(1, "full", CLUSTER, SnapshotFixture.T0, "9.9.9-test",
                f.git(CLUSTER).head(), false));
        assertThat(captured.snapshot().gitHead()).isEqualTo(f.git(CLUSTER).head());
        assertThat(captured.skipped()).isEmpty();
    }

    @Test
    void symbolicLinksInTheRepoAreLeftOutAndReported() throws Exception {
        Files.createSymbolicLink(f.home.gitOps().resolve("link.yaml"), Path.of("/etc/hostname"));

        SnapshotService.Captured captured = f.snapshots.capture(ClusterName.of(CLUSTER), "links", false);

        assertThat(captured.skipped()).containsExactly("gitops/link.yaml");
        assertThat(SnapshotFixture.entries(f.archive("links"))).doesNotContainKey("gitops/link.yaml");
    }

    @Test
    void theDefaultNameIsTheClusterAndTheTime() {
        SnapshotService.Captured captured = f.snapshots.capture(ClusterName.of(CLUSTER), null, false);

        assertThat(captured.snapshot().name()).isEqualTo("lab-20261125-101112");
        assertThat(f.archive("lab-20261125-101112")).isRegularFile();
    }

    @Test
    void theDefaultNameOfALongClusterNameIsStillALabel() {
        String longName = "a".repeat(50) + "-b";
        f.home.prepare(longName);

        String name = f.snapshots.capture(ClusterName.of(longName), null, false).snapshot().name();

        assertThat(name).hasSize(63).isEqualTo("a".repeat(47) + "-20261125-101112");
    }

    @Test
    void anInvalidNameIsRefusedBeforeAnythingIsWritten() {
        Map<String, Long> before = f.everything();

        assertThatThrownBy(() -> f.snapshots.capture(ClusterName.of(CLUSTER), "Before_Upgrade", false))
                .isInstanceOf(SikifansoException.class)
                .hasMessageStartingWith("invalid snapshot name \"Before_Upgrade\": a name must be a DNS-1123 label")
                .satisfies(e -> assertThat(((SikifansoException) e).exitCode()).isEqualTo(2));
        assertThatThrownBy(() -> f.snapshots.restore("../../etc", null))
                .hasMessageStartingWith("invalid snapshot name \"../../etc\"");
        assertThat(f.everything()).isEqualTo(before);
    }

    @Test
    void capturingAClusterThatDoesNotExistWritesNothing() {
        Map<String, Long> before = f.everything();

        assertThatThrownBy(() -> f.snapshots.capture(ClusterName.of("nowhere"), "x", false))
                .hasMessageStartingWith("no cluster named \"nowhere\"");
        assertThat(f.everything()).isEqualTo(before);
    }

    @Test
    void anExistingSnapshotIsNeverOverwritten() throws Exception {
        f.snapshots.capture(ClusterName.of(CLUSTER), "keep", false);
        byte[] original = Files.readAllBytes(f.archive("keep"));
        f.home.services().apps().enable(ClusterName.of(CLUSTER), List.of("qdrant"));

        assertThatThrownBy(() -> f.snapshots.capture(ClusterName.of(CLUSTER), "keep", false))
                .hasMessage("a snapshot named \"keep\" already exists (" + f.archive("keep") + ")");
        assertThat(Files.readAllBytes(f.archive("keep"))).isEqualTo(original);
    }

    @Test
    void listShowsNewestFirstAndSkipsWhatIsNotASnapshot() throws Exception {
        f.snapshots.capture(ClusterName.of(CLUSTER), "first", false);
        f.advance(Duration.ofHours(2));
        f.snapshots.capture(ClusterName.of(CLUSTER), "third", false);
        f.advance(Duration.ofHours(-1));
        f.snapshots.capture(ClusterName.of(CLUSTER), "second", false);
        Files.writeString(f.snapshotsDir().resolve("junk.tar.gz"), "not gzip");
        Files.writeString(f.snapshotsDir().resolve("notes.txt"), "hello");

        List<Snapshot> list = f.snapshots.list();

        assertThat(list).extracting(Snapshot::name).containsExactly("third", "second", "first");
        assertThat(list.get(0).createdAt()).isEqualTo(SnapshotFixture.T0.plus(Duration.ofHours(2)));
        assertThat(list).allSatisfy(s -> assertThat(s.cluster()).isEqualTo(CLUSTER));
        assertThat(f.notices).singleElement().asString().contains("junk.tar.gz").contains("truncated or corrupt");
    }

    @Test
    void listWithoutSnapshotsIsEmpty() {
        assertThat(f.snapshots.list()).isEmpty();
        assertThat(f.snapshotsDir()).doesNotExist();
    }

    @Test
    void deleteRemovesTheArchiveAndASecondDeleteSaysItIsGone() {
        f.snapshots.capture(ClusterName.of(CLUSTER), "old", false);

        f.snapshots.delete("old");

        assertThat(f.archive("old")).doesNotExist();
        assertThat(f.snapshots.list()).isEmpty();
        assertThatThrownBy(() -> f.snapshots.delete("old"))
                .hasMessage("no snapshot named \"old\" in " + f.snapshotsDir())
                .satisfies(e -> assertThat(((SikifansoException) e).hint())
                        .isEqualTo("there are no snapshots; capture one with: sikifanso snapshot capture"));
    }

    @Test
    void restoringAMissingSnapshotNamesTheOnesThatExist() {
        f.snapshots.capture(ClusterName.of(CLUSTER), "one", false);
        f.snapshots.capture(ClusterName.of(CLUSTER), "two", false);

        assertThatThrownBy(() -> f.snapshots.restore("three", null))
                .hasMessage("no snapshot named \"three\" in " + f.snapshotsDir())
                .satisfies(e -> assertThat(((SikifansoException) e).hint()).isEqualTo("snapshots: one, two"));
    }

    @Test
    void restoringIntoAClusterThatDoesNotExistPointsAtFromSnapshot() {
        f.snapshots.capture(ClusterName.of(CLUSTER), "base", false);

        assertThatThrownBy(() -> f.snapshots.restore("base", ClusterName.of("nowhere")))
                .hasMessage("cannot restore snapshot \"base\": there is no cluster named \"nowhere\"")
                .satisfies(e -> assertThat(((SikifansoException) e).hint())
                        .isEqualTo("create it from the snapshot instead: sikifanso cluster create --from-snapshot "
                                + "base nowhere"));
        assertThat(root.resolve("clusters/nowhere")).doesNotExist();
    }

    private void withArgoCdPassword(String cluster, String password) {
        Session s = f.home.services().sessions().load(ClusterName.of(cluster));
        f.home.services().sessions().save(new Session(s.clusterName(), s.state(), s.createdAt(), s.bootstrapURL(),
                s.bootstrapVersion(), s.gitOpsPath(), new Session.Services(new Session.ArgoCd("http://localhost:30080",
                "admin", password, "10.2.1"), new Session.Hubble("http://localhost:30081")), s.k3dConfig(),
                new Session.Ports(6443, 8080, 8443, 30080, 30081)));
    }

    private static SnapshotMeta readMeta(byte[] yaml) {
        try {
            return Mappers.YAML.readValue(yaml, SnapshotMeta.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void writeString(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

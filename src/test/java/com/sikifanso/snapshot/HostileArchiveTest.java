package com.sikifanso.snapshot;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sikifanso.RepoSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.StandardOpenOption;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Archives built by hand to attack restore: each is refused with a message naming what is wrong,
 * and neither a restore into the existing cluster nor a new cluster from it writes anything.
 */
class HostileArchiveTest {
    private static final String META = "formatVersion: 1\nname: evil\ncluster: lab\ncreatedAt: 2026-11-25T10:11:12Z\n"
            + "toolVersion: 0.1.0\ngitHead: 0123456789abcdef0123456789abcdef01234567\nincludesSecrets: false\n";
    private static final String SESSION = "clusterName: lab\nstate: running\ngitOpsPath: /somewhere/else\n";

    @TempDir
    Path root;

    private SnapshotFixture f;

    @BeforeEach
    void prepare() {
        f = new SnapshotFixture(root);
    }

    /** One hand-made archive and the words its refusal must contain. */
    record Hostile(String description, Consumer<Tar> entries, String message) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Hostile> hostileArchives() {
        return Stream.of(
                new Hostile("traversal out of gitops/", t -> t.valid().file("gitops/../../evil.sh", "boom"),
                        "entry \"gitops/../../evil.sh\" escapes the snapshot's directory (../)"),
                new Hostile("traversal at the top", t -> t.valid().file("../evil.sh", "boom"),
                        "entry \"../evil.sh\" escapes the snapshot's directory (../)"),
                new Hostile("absolute path", t -> t.valid().absolute("/tmp/evil.sh"),
                        "entry \"/tmp/evil.sh\" has an absolute path"),
                new Hostile("symbolic link", t -> t.valid().link("gitops/catalog/x.yaml", TarConstants.LF_SYMLINK,
                        "/etc/passwd"), "entry \"gitops/catalog/x.yaml\" is a symbolic link (to /etc/passwd)"),
                new Hostile("hard link", t -> t.valid().link("gitops/catalog/x.yaml", TarConstants.LF_LINK,
                        "/etc/passwd"), "entry \"gitops/catalog/x.yaml\" is a hard link (to /etc/passwd)"),
                new Hostile("character device", t -> t.valid().link("gitops/null", TarConstants.LF_CHR, ""),
                        "entry \"gitops/null\" is a device file"),
                new Hostile("block device", t -> t.valid().link("gitops/sda", TarConstants.LF_BLK, ""),
                        "entry \"gitops/sda\" is a device file"),
                new Hostile("named pipe", t -> t.valid().link("gitops/pipe", TarConstants.LF_FIFO, ""),
                        "entry \"gitops/pipe\" is a named pipe"),
                new Hostile("nested .git", t -> t.valid().file("gitops/charts/x/.git/config", "[core]"),
                        "entry \"gitops/charts/x/.git/config\" is inside a nested .git directory"),
                new Hostile("entry outside the layout", t -> t.valid().file("install.sh", "boom"),
                        "entry \"install.sh\" is not part of a snapshot"),
                new Hostile("the same file twice", t -> t.valid().file("gitops/a.yaml", "1").file("gitops/a.yaml", "2"),
                        "entry \"gitops/a.yaml\" appears twice"),
                new Hostile("a file where a directory must be", t -> t.valid().file("gitops/a", "1")
                        .file("gitops/a/b.yaml", "2"), "entry \"gitops/a/b.yaml\" is inside \"gitops/a\", which is a file"),
                new Hostile("no snapshot.yaml", t -> t.file("session.yaml", SESSION).dir("gitops/")
                        .file("gitops/.git/HEAD", "ref: refs/heads/main\n"), "it has no snapshot.yaml"),
                new Hostile("no session.yaml", t -> t.file("snapshot.yaml", META).dir("gitops/")
                        .file("gitops/.git/HEAD", "ref: refs/heads/main\n"), "it has no session.yaml"),
                new Hostile("no git history", t -> t.file("snapshot.yaml", META).file("session.yaml", SESSION)
                        .dir("gitops/"), "it has no git history"),
                new Hostile("unknown format version", t -> t.file("snapshot.yaml", META.replace("formatVersion: 1",
                        "formatVersion: 2")).rest(), "it has format version 2, and this sikifanso reads only version 1"),
                new Hostile("snapshot name not a label", t -> t.file("snapshot.yaml", META.replace("name: evil",
                        "name: Evil_One")).rest(), "names the snapshot \"Evil_One\", which is not a DNS-1123 label"),
                new Hostile("cluster name escaping", t -> t.file("snapshot.yaml", META.replace("cluster: lab",
                        "cluster: ../../x")).rest(), "names the cluster \"../../x\", which is not a DNS-1123 label"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileArchives")
    void isRefusedWithNothingWritten(Hostile hostile) {
        Tar tar = new Tar();
        hostile.entries().accept(tar);
        write("evil", tar.gzip());

        assertRefusedLeavingEverythingAsItWas("evil", hostile.message());
    }

    @Test
    void aTruncatedArchiveIsRefused() throws IOException {
        f.snapshots.capture(ClusterName.of(CLUSTER), "whole", false);
        byte[] bytes = Files.readAllBytes(f.archive("whole"));
        write("half", Arrays.copyOf(bytes, bytes.length / 2));
        write("no-trailer", Arrays.copyOf(bytes, bytes.length - 4));
        write("head", Arrays.copyOf(bytes, 1000));

        assertRefusedLeavingEverythingAsItWas("head", "the archive is truncated or corrupt (it ends early)");
        assertRefusedLeavingEverythingAsItWas("half", "the archive is truncated or corrupt");
        assertRefusedLeavingEverythingAsItWas("no-trailer", "the archive is truncated or corrupt");
    }

    @Test
    void aCorruptArchiveIsRefused() throws IOException {
        f.snapshots.capture(ClusterName.of(CLUSTER), "whole", false);
        byte[] bytes = Files.readAllBytes(f.archive("whole"));
        for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) {
            bytes[i] ^= 0x5a;
        }
        write("flipped", bytes);
        write("not-gzip", "just text\n".getBytes(StandardCharsets.UTF_8));

        assertRefusedLeavingEverythingAsItWas("flipped", "the archive is truncated or corrupt");
        assertRefusedLeavingEverythingAsItWas("not-gzip", "the archive is truncated or corrupt");
    }

    @Test
    void hooksAndConfigOfTheArchivedRepoAreNotRestored() throws IOException {
        Path hooks = f.home.gitOps().resolve(".git/hooks");
        Files.createDirectories(hooks);
        Files.writeString(hooks.resolve("pre-commit"), "#!/bin/sh\ntouch " + root.resolve("pwned") + "\n");
        hooks.resolve("pre-commit").toFile().setExecutable(true);
        Files.writeString(f.home.gitOps().resolve(".git/config"), "[core]\n\thooksPath = " + hooks + "\n"
                + "\tfsmonitor = touch " + root.resolve("pwned") + "\n", StandardOpenOption.APPEND);
        Files.writeString(f.home.gitOps().resolve("catalog/values/qdrant.yaml"), "replicaCount: 2\n");
        f.snapshots.capture(ClusterName.of(CLUSTER), "hooked", false);

        f.snapshots.seedCluster("hooked", ClusterName.of("lab2"));

        assertThat(f.home.gitOps("lab2").resolve(".git/hooks")).doesNotExist();
        assertThat(f.home.gitOps("lab2").resolve(".git/config")).content()
                .doesNotContain("hooksPath").doesNotContain("fsmonitor");
        assertThat(f.git("lab2").subjects()).first().isEqualTo("restore snapshot hooked");
        assertThat(root.resolve("pwned")).doesNotExist();
    }

    private void assertRefusedLeavingEverythingAsItWas(String name, String message) {
        RepoSnapshot repo = RepoSnapshot.of(f.git(CLUSTER));
        Map<String, Long> everything = f.everything();

        assertThatThrownBy(() -> f.snapshots.restore(name, null))
                .as("restore into the existing cluster")
                .hasMessageContaining("refusing snapshot \"" + name + "\"")
                .hasMessageContaining(message)
                .hasMessageNotContaining("(null)")
                .hasMessageEndingWith("nothing was written");
        assertThatThrownBy(() -> f.snapshots.seedCluster(name, ClusterName.of("fresh")))
                .as("a new cluster from it")
                .hasMessageContaining(message);
        assertThat(RepoSnapshot.of(f.git(CLUSTER))).isEqualTo(repo);
        assertThat(f.everything()).isEqualTo(everything);
        assertThat(root.resolve("clusters/fresh")).doesNotExist();
        assertThat(f.refreshed).isEmpty();
    }

    private void write(String name, byte[] bytes) {
        try {
            Files.createDirectories(f.snapshotsDir());
            Files.write(f.archive(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tar.gz built entry by entry with commons-compress, as an attacker would. */
    static final class Tar {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final TarArchiveOutputStream tar;

        Tar() {
            try {
                tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes));
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A well-formed snapshot to hide the bad entry in. */
        Tar valid() {
            return file("snapshot.yaml", META).rest();
        }

        Tar rest() {
            return file("session.yaml", SESSION).dir("gitops/").file("gitops/.git/HEAD", "ref: refs/heads/main\n")
                    .file("gitops/catalog/qdrant.yaml", "name: qdrant\n");
        }

        Tar file(String name, String content) {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setSize(data.length);
            return put(e, data);
        }

        Tar absolute(String name) {
            TarArchiveEntry e = new TarArchiveEntry(name, true);
            e.setSize(4);
            return put(e, "boom".getBytes(StandardCharsets.UTF_8));
        }

        Tar dir(String name) {
            return put(new TarArchiveEntry(name), new byte[0]);
        }

        Tar link(String name, byte type, String target) {
            TarArchiveEntry e = new TarArchiveEntry(name, type);
            e.setLinkName(target);
            return put(e, new byte[0]);
        }

        private Tar put(TarArchiveEntry e, byte[] data) {
            try {
                tar.putArchiveEntry(e);
                tar.write(data);
                tar.closeArchiveEntry();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return this;
        }

        byte[] gzip() {
            try {
                tar.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }

}

package com.sikifanso.snapshot;

import com.sikifanso.core.ClusterName;
import static com.sikifanso.TestHome.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The apps' generated credentials travel in a snapshot only with --include-secrets. */
class SnapshotCredentialsTest {
    @TempDir
    Path root;

    private SnapshotFixture f;
    private String password;

    @BeforeEach
    void clusterWithValkey() {
        f = new SnapshotFixture(root);
        // The cluster is not created, so enabling generates the values without a cluster to write to.
        f.home.services().apps().enable(ClusterName.of(CLUSTER), List.of("valkey"));
        password = valkeyPassword(CLUSTER);
    }

    private String valkeyPassword(String cluster) {
        return f.home.services().credentials().show(ClusterName.of(cluster), "valkey").secrets().getFirst().values().get("password");
    }

    private static boolean anyEntryContains(Map<String, byte[]> entries, String value) {
        return entries.values().stream().anyMatch(b -> new String(b, StandardCharsets.ISO_8859_1).contains(value));
    }

    @Test
    void credentialsAreLeftOutUnlessAskedFor() {
        f.snapshots.capture(ClusterName.of(CLUSTER), "plain", false);
        f.snapshots.capture(ClusterName.of(CLUSTER), "full", true);

        Map<String, byte[]> plain = SnapshotFixture.entries(f.archive("plain"));
        assertThat(password).matches("[A-Za-z0-9]{32}");
        assertThat(plain).doesNotContainKey("credentials.yaml");
        assertThat(anyEntryContains(plain, password)).isFalse();
        Map<String, byte[]> full = SnapshotFixture.entries(f.archive("full"));
        assertThat(new String(full.get("credentials.yaml"), StandardCharsets.UTF_8)).contains(password);
    }

    @Test
    void aNewClusterFromASnapshotWithCredentialsKeepsThem() throws Exception {
        f.snapshots.capture(ClusterName.of(CLUSTER), "full", true);

        f.snapshots.seedCluster("full", ClusterName.of("lab2"));

        Path store = root.resolve("clusters/lab2/credentials.yaml");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");
        assertThat(valkeyPassword("lab2")).isEqualTo(password);
    }

    @Test
    void aNewClusterFromASnapshotWithoutCredentialsGeneratesItsOwn() {
        f.snapshots.capture(ClusterName.of(CLUSTER), "plain", false);

        f.snapshots.seedCluster("plain", ClusterName.of("lab2"));
        assertThat(root.resolve("clusters/lab2/credentials.yaml")).doesNotExist();
        // What cluster create runs for the apps the snapshot had enabled.
        f.home.services().apps().provisionCredentials(ClusterName.of("lab2"));

        assertThat(valkeyPassword("lab2")).matches("[A-Za-z0-9]{32}").isNotEqualTo(password);
    }
}

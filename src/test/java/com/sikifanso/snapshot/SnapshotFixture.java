package com.sikifanso.snapshot;

import com.sikifanso.GitCli;
import com.sikifanso.RepoSnapshot;
import com.sikifanso.TestHome;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.gitops.ClusterRepos;
import com.sikifanso.gitops.Reconciler;
import com.sikifanso.session.ClusterLocks;
import com.sikifanso.session.SessionStore;
import com.sikifanso.session.SikifansoHome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A SIKIFANSO_HOME with cluster {@value TestHome#CLUSTER} prepared, and a snapshot service over it
 * with a clock the test moves and a reconciler that records which ApplicationSets were refreshed.
 */
final class SnapshotFixture {
    static final Instant T0 = Instant.parse("2026-11-25T10:11:12Z");

    final TestHome home;
    final SnapshotService snapshots;
    final List<String> refreshed = new CopyOnWriteArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();
    private final MovableClock clock = new MovableClock(T0);

    SnapshotFixture(Path root) {
        home = TestHome.withCluster(root);
        SessionStore sessions = home.services().sessions();
        SikifansoHome sikifansoHome = new SikifansoHome(root);
        ClusterLocks locks = new ClusterLocks(sikifansoHome, Duration.ofSeconds(5), msg -> { });
        Reconciler recorder = (cluster, set) -> refreshed.add(cluster + "/" + set);
        snapshots = new SnapshotService(sessions, locks, new ClusterRepos(sessions, locks, recorder),
                new com.sikifanso.credentials.CredentialStore(sikifansoHome), new BuildInfo("9.9.9-test", "abc1234"), clock, notices::add);
    }

    void advance(Duration d) {
        clock.now = clock.now.plus(d);
    }

    Path snapshotsDir() {
        return home.root().resolve("snapshots");
    }

    Path archive(String name) {
        return snapshotsDir().resolve(name + ".tar.gz");
    }

    GitCli git(String cluster) {
        return home.git(cluster);
    }

    /** The working tree of a cluster's repo, file by file (content hashes), .git left out. */
    Map<String, String> tree(String cluster) {
        return RepoSnapshot.of(git(cluster)).tree();
    }

    /** Every file under the home with its size: equal listings mean nothing was written anywhere. */
    Map<String, Long> everything() {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(home.root())) {
            paths.filter(p -> !p.startsWith(home.root().resolve("locks"))).forEach(p -> files.put(
                    home.root().relativize(p).toString(), Files.isDirectory(p) ? -1L : size(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Entry name to content (directories map to an empty array), read with commons-compress. */
    static Map<String, byte[]> entries(Path archive) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = new GzipCompressorInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                tar.transferTo(bytes);
                entries.put(e.getName(), bytes.toByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    static List<String> names(Map<String, byte[]> entries) {
        return new ArrayList<>(entries.keySet());
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package com.sikifanso.snapshot;

import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.CommitId;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.sikifanso.catalog.SyncTargets;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.Names;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.credentials.CredentialStore;
import com.sikifanso.gitops.ApplicationSets;
import com.sikifanso.gitops.ClusterRepos;
import com.sikifanso.gitops.GitOpsRepo;
import com.sikifanso.gitops.PendingSync;
import com.sikifanso.gitops.RepoChange;
import com.sikifanso.gitops.RepoPermissions;
import com.sikifanso.session.ClusterLocks;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Snapshots of a cluster under {@code snapshots/<name>.tar.gz}: its GitOps repo with history and
 * its session (secrets only on request). Restoring replaces a repo's content in one commit; a
 * snapshot can also seed a new cluster. Archives are verified whole before anything is written.
 */
public final class SnapshotService {
    static final String SUFFIX = ".tar.gz";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final SessionStore sessions;
    private final ClusterLocks locks;
    private final ClusterRepos repos;
    private final CredentialStore credentials;
    private final BuildInfo build;
    private final Clock clock;
    private final Consumer<String> notices;

    public SnapshotService(SessionStore sessions, ClusterLocks locks, ClusterRepos repos, CredentialStore credentials,
                           BuildInfo build, Clock clock, Consumer<String> notices) {
        this.sessions = sessions;
        this.locks = locks;
        this.repos = repos;
        this.credentials = credentials;
        this.build = build;
        this.clock = clock;
        this.notices = notices;
    }

    /** What a capture wrote, and the repo paths it left out (symbolic links, special files). */
    public record Captured(Snapshot snapshot, List<String> skipped) {
    }

    /**
     * What a restore did; {@code commit} is null when the repo already held the snapshot's content.
     * {@code recreated}: the cluster's repo was missing and was rebuilt from the snapshot's history.
     * {@code pendingSync}: the Applications that must then converge (what went away first); empty without a commit.
     */
    public record Restored(String snapshot, String cluster, String commit, int files, boolean recreated,
                           @JsonIgnore Optional<PendingSync> pendingSync) implements PendingSync.Carrier {
    }

    /** The cluster {@code cluster create --from-snapshot} prepared; {@code commit} as for {@link Restored}. */
    public record Seeded(String snapshot, Session session, String head, String commit) {
    }

    public Captured capture(ClusterName clusterName, String name, boolean includeSecrets) {
        return capture(clusterName, name, includeSecrets, false);
    }

    /** @param includeActivity also carry the cluster's activity journal (redacted as it is stored) */
    public Captured capture(ClusterName cluster, String name, boolean includeSecrets, boolean includeActivity) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        String snapshot = name != null ? Names.requireLabel("snapshot", name) : defaultName(cluster, now);
        Path file = file(snapshot);
        refuseTaken(snapshot, file);
        GitOpsRepo repo = repos.open(cluster);
        Path tmp = null;
        try {
            Files.createDirectories(dir());
            tmp = Files.createTempFile(dir(), "." + snapshot + ".", ".tmp");
            SnapshotMeta meta;
            List<String> skipped;
            try (ClusterLocks.Held held = locks.acquire(cluster)) {
                Session session = sessions.load(cluster);
                meta = new SnapshotMeta(SnapshotMeta.FORMAT_VERSION, snapshot, cluster.value(), now, build.version(),
                        repo.head(), includeSecrets);
                // The apps' generated credentials travel only with the other secrets, on request.
                byte[] carried = includeSecrets && Files.exists(credentials.file(cluster))
                        ? CredentialStore.serialise(credentials.load(cluster)) : null;
                byte[] activity = includeActivity
                        ? new ActivityJournal(sessions.home().clusterDir(cluster), JournalOptions.DEFAULTS).export()
                        : null;
                skipped = SnapshotArchive.write(tmp, meta, includeSecrets ? session : session.withoutSecrets(),
                        carried, activity, repo.dir());
            }
            setMode(tmp, includeSecrets ? "rw-------" : "rw-r--r--");
            publish(snapshot, tmp, file);
            return new Captured(Snapshot.of(snapshot, meta, file, Files.size(file)), skipped);
        } catch (IOException e) {
            throw SikifansoException.failure("cannot write snapshot " + file + ": " + e.getMessage(),
                    "check that " + dir() + " is writable and the disk has room", e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Every readable snapshot, newest first; unreadable archives are reported as notices and left out. */
    public List<Snapshot> list() {
        List<Snapshot> snapshots = new ArrayList<>();
        for (String name : names()) {
            Path file = file(name);
            try {
                snapshots.add(Snapshot.of(name, SnapshotArchive.peekMeta(name, file), file, Files.size(file)));
            } catch (SikifansoException | IOException e) {
                notices.accept("warning: skipping " + file + ": " + e.getMessage());
            }
        }
        snapshots.sort(Comparator.comparing(Snapshot::createdAt).reversed().thenComparing(Snapshot::name));
        return snapshots;
    }

    /** Names of the archives under snapshots/, sorted, without reading them (for completion and hints). */
    public List<String> names() {
        if (!Files.isDirectory(dir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(SUFFIX))
                    .map(f -> f.substring(0, f.length() - SUFFIX.length()))
                    .filter(Names::isLabel)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw SikifansoException.failure("cannot list " + dir() + ": " + e.getMessage(), "check its permissions",
                    e);
        }
    }

    /** The snapshot's metadata after verifying the whole archive. */
    public SnapshotMeta inspect(String name) {
        return SnapshotArchive.verify(name, existing(name)).meta();
    }

    /**
     * Replaces the content of {@code cluster}'s GitOps repo (default: the snapshot's cluster) with the
     * snapshot's in one commit; the repo's own history continues. A repo that is gone is recreated
     * from the snapshot's history. The session is left alone: it describes the cluster, not the repo.
     */
    public Restored restore(String name, ClusterName cluster) {
        Path file = existing(name);
        SnapshotArchive.Verified verified = SnapshotArchive.verify(name, file);
        ClusterName target = cluster != null ? cluster : ClusterName.of(verified.meta().cluster());
        if (!sessions.exists(target)) {
            throw SikifansoException.failure("cannot restore snapshot \"" + name + "\": there is no cluster named \""
                            + target + "\"",
                    "create it from the snapshot instead: ", Suggestion.of("cluster", "create")
                            .option("fromSnapshot", name).arg("name", target));
        }
        Map<String, byte[]> tree = SnapshotArchive.workingTree(name, file);
        RepoChange change = replacement(name, tree);
        List<String> all = List.of(ApplicationSets.CUSTOM_APPS, ApplicationSets.CATALOG, ApplicationSets.AGENTS);
        try (ClusterLocks.Held held = locks.acquire(target)) {
            Path gitops = Path.of(sessions.load(target).gitOpsPath());
            boolean recreated = !Files.isDirectory(gitops.resolve(".git"));
            Map<String, String> before = SyncTargets.applications(gitops);
            if (recreated) {
                recreateRepo(name, file, target, gitops);
            }
            Optional<CommitId> commit = repos.mutate(target, all, repo -> repo.apply(change));
            if (recreated && commit.isEmpty()) {
                repos.refresh(target, all);
            }
            Optional<PendingSync> pending = commit.map(c -> new PendingSync(target, c,
                    SyncTargets.repoChange(before, SyncTargets.applications(gitops))));
            return new Restored(name, target.value(), commit.map(CommitId::value).orElse(null), tree.size(), recreated, pending);
        }
    }

    /** A cluster whose GitOps repo is gone gets the snapshot's, history and all, where its session says. */
    private void recreateRepo(String name, Path file, ClusterName cluster, Path gitops) {
        try (var left = Files.exists(gitops) ? Files.list(gitops) : Stream.<Path>empty()) {
            if (left.findAny().isPresent()) {
                throw SikifansoException.failure("the GitOps repo of cluster \"" + cluster + "\" is missing, and "
                        + gitops + " holds other files", "move " + gitops + " away, then restore again");
            }
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read " + gitops + ": " + e.getMessage(), "check its permissions",
                    e);
        }
        Path staging = null;
        try {
            Files.createDirectories(gitops.getParent());
            staging = Files.createTempDirectory(gitops.getParent(), ".gitops.from-snapshot-");
            buildRepo(name, file, staging);
            Files.deleteIfExists(gitops);
            Files.move(staging, gitops, StandardCopyOption.ATOMIC_MOVE);
            staging = null;
            notices.accept("recreated the GitOps repo of " + cluster + " from snapshot " + name);
        } catch (IOException e) {
            throw SikifansoException.failure("cannot recreate " + gitops + ": " + e.getMessage(),
                    "check that " + gitops.getParent() + " is writable", e);
        } finally {
            deleteTree(staging);
        }
    }

    /** The snapshot's history at {@code dir}, checked out, then its files in at most one commit. */
    private static Optional<CommitId> buildRepo(String name, Path file, Path dir) throws IOException {
        GitOpsRepo repo = new GitOpsRepo(dir);
        SnapshotArchive.extractHistory(name, file, dir.resolve(".git"));
        repo.checkOutHead();
        Optional<CommitId> commit = repo.apply(replacement(name, SnapshotArchive.workingTree(name, file)));
        // Also when apply had nothing to commit: the staging directory itself is 0700.
        RepoPermissions.shareForReading(dir);
        return commit;
    }

    /**
     * Prepares a new cluster (state not-created) from a snapshot: its session with the new name and
     * without the old cluster's ports and services, and its GitOps repo with the snapshot's history.
     * A commit is made only when the snapshot's files differ from its HEAD (uncommitted edits).
     */
    public Seeded seedCluster(String name, ClusterName cluster) {
        Path file = existing(name);
        SnapshotArchive.Verified verified = SnapshotArchive.verify(name, file);
        ClusterName target = cluster != null ? cluster : ClusterName.of(verified.meta().cluster());
        try (ClusterLocks.Held held = locks.acquire(target)) {
            Path clusterDir = sessions.home().clusterDir(target);
            if (sessions.exists(target) && sessions.load(target).state() == ClusterState.NOT_CREATED) {
                throw SikifansoException.failure("cluster \"" + target + "\" is already prepared (state not-created)",
                        "create its nodes from its GitOps repo with: ", Suggestion.of("cluster", "create")
                                .arg("name", target), ", or delete it first: ", Suggestion.of("cluster", "delete")
                                .arg("cluster", target));
            }
            if (sessions.exists(target) || Files.exists(clusterDir)) {
                throw SikifansoException.failure("cluster \"" + target + "\" already exists",
                        "restore the snapshot into it with: ", Suggestion.of("snapshot", "restore").arg("name", name)
                                .cluster(target), ", or name a new cluster: ", Suggestion.of("cluster", "create")
                                .option("fromSnapshot", name).arg("name", "NEW-NAME"));
            }
            return seed(name, file, verified, target, clusterDir);
        }
    }

    private Seeded seed(String name, Path file, SnapshotArchive.Verified verified, ClusterName target, Path clusterDir) {
        Path staging = null;
        boolean moved = false;
        try {
            Files.createDirectories(sessions.home().clustersDir());
            staging = Files.createTempDirectory(sessions.home().clustersDir(), "." + target + ".from-snapshot-");
            Optional<CommitId> commit = buildRepo(name, file, staging.resolve("gitops"));
            // A carried journal becomes the new cluster's history; readers skip any line that is not one of ours.
            Optional<byte[]> activity = SnapshotArchive.activity(name, file);
            if (activity.isPresent()) {
                Files.write(staging.resolve(ArchiveEntries.ACTIVITY), activity.get());
            }
            Files.move(staging, clusterDir, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            Session old = verified.session();
            Session session = new Session(target.value(), ClusterState.NOT_CREATED,
                    Instant.now(clock).truncatedTo(ChronoUnit.SECONDS), old.bootstrapURL(), old.bootstrapVersion(),
                    sessions.home().gitOpsDir(target).toString(), null, old.k3dConfig(), null);
            sessions.save(session);
            // Carried credentials are reused; otherwise the new cluster generates its own when it is created.
            SnapshotArchive.credentials(name, file).ifPresent(bytes -> credentials.install(target, bytes));
            GitOpsRepo repo = new GitOpsRepo(sessions.home().gitOpsDir(target));
            notices.accept("prepared cluster " + target + " from snapshot " + name + " (GitOps history kept, HEAD "
                    + CommitId.shortOf(repo.head()) + ")");
            return new Seeded(name, session, repo.head(), commit.map(CommitId::value).orElse(null));
        } catch (IOException e) {
            throw SikifansoException.failure("cannot prepare cluster \"" + target + "\" from snapshot \"" + name
                    + "\": " + e.getMessage(), "check that " + sessions.home().clustersDir() + " is writable", e);
        } finally {
            if (!moved) {
                deleteTree(staging);
            } else if (!sessions.exists(target)) {
                deleteTree(clusterDir);
            }
        }
    }

    public void delete(String name) {
        Path file = existing(name);
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw SikifansoException.failure("cannot delete " + file + ": " + e.getMessage(),
                    "check the permissions of " + dir(), e);
        }
    }

    private static RepoChange replacement(String name, Map<String, byte[]> tree) {
        RepoChange change = new RepoChange("restore snapshot " + name).deleteEverythingElse();
        tree.forEach(change::write);
        return change;
    }

    private Path existing(String name) {
        Names.requireLabel("snapshot", name);
        Path file = file(name);
        if (!Files.isRegularFile(file)) {
            List<String> known = names();
            throw SikifansoException.failure("no snapshot named \"" + name + "\" in " + dir(),
                    known.isEmpty() ? Hint.of("there are no snapshots; capture one with: ",
                            Suggestion.of("snapshot", "capture")) : "snapshots: " + String.join(", ", known));
        }
        return file;
    }

    private void refuseTaken(String name, Path file) {
        if (Files.exists(file)) {
            throw SikifansoException.failure("a snapshot named \"" + name + "\" already exists (" + file + ")",
                    "pick another name with ", Suggestion.of("snapshot", "capture").option("name", name).mentionFlag(),
                    ", or delete it first: ", Suggestion.of("snapshot", "delete").arg("name", name));
        }
    }

    /** Links the finished archive into place, which fails rather than replacing one captured meanwhile. */
    private void publish(String name, Path tmp, Path file) throws IOException {
        try {
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException e) {
            refuseTaken(name, file);
            throw e;
        } catch (UnsupportedOperationException | IOException e) {
            // No hard links here (some network file systems): a plain move, which also never replaces.
            Files.move(tmp, file);
        }
    }

    /** {@code <cluster>-<yyyyMMdd-HHmmss>}, the cluster part shortened so the name stays a label. */
    private String defaultName(ClusterName name, Instant now) {
        String stamp = STAMP.format(now.atZone(clock.getZone()));
        String cluster = name.value();
        String prefix = cluster.substring(0, Math.min(cluster.length(), Names.MAX_LABEL - stamp.length() - 1));
        return prefix.replaceAll("-+$", "") + "-" + stamp;
    }

    private Path dir() {
        return sessions.home().snapshotsDir();
    }

    private Path file(String name) {
        return dir().resolve(name + SUFFIX);
    }

    private static void setMode(Path file, String mode) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the user profile's ACLs protect it instead.
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A leftover ".name.*.tmp" is ignored by list and names.
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (dir != null) {
            try {
                LocalFiles.deleteRecursively(dir);
            } catch (IOException ignored) {
                // The failure being reported is the one that matters.
            }
        }
    }
}

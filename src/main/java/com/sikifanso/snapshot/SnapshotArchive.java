package com.sikifanso.snapshot;

import static com.sikifanso.snapshot.ArchiveEntries.ACTIVITY;
import static com.sikifanso.snapshot.ArchiveEntries.CREDENTIALS;
import static com.sikifanso.snapshot.ArchiveEntries.GITOPS;
import static com.sikifanso.snapshot.ArchiveEntries.GIT_DIR;
import static com.sikifanso.snapshot.ArchiveEntries.META;
import static com.sikifanso.snapshot.ArchiveEntries.SESSION;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.Names;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.Session;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;

/**
 * A snapshot's tar.gz: {@code snapshot.yaml}, {@code session.yaml} and {@code gitops/} with its
 * {@code .git}. Reading is in passes over the file: {@link #verify} reads every byte and checks
 * every entry before any caller writes anything; the extracting passes check each entry again, so
 * an archive swapped in between is refused too.
 */
final class SnapshotArchive {
    /** Working-tree files are held in memory for the restore commit; a GitOps repo is far smaller. */
    static final long MAX_WORKING_TREE_BYTES = 256L * 1024 * 1024;
    /** Above what a journal keeps at most (five files of 8 MiB by default). */
    static final int MAX_ACTIVITY_BYTES = 64 * 1024 * 1024;
    /** What an archive may unpack to, so a small hostile file cannot fill the disk. */
    static final long MAX_TOTAL_BYTES = 4L * 1024 * 1024 * 1024;
    private static final int MAX_YAML_BYTES = 1024 * 1024;
    /** Parts of .git that run programs or reach outside the repo: a restored repo gets its own. */
    private static final List<String> GIT_SKIPPED = List.of(GIT_DIR + "/hooks", GIT_DIR + "/config",
            GIT_DIR + "/objects/info/alternates", GIT_DIR + "/objects/info/http-alternates");

    private SnapshotArchive() {
    }

    /** What {@link #verify} found: the parsed metadata and session, both checked. */
    record Verified(SnapshotMeta meta, Session session) {
    }

    // ---- writing

    /**
     * Writes the archive to {@code target} with the cluster's generated credentials, if given;
     * returns the GitOps paths skipped (links, special files).
     */
    static List<String> write(Path target, SnapshotMeta meta, Session session, byte[] credentials, byte[] activity,
                              Path gitops) throws IOException {
        List<String> skipped = new ArrayList<>();
        try (OutputStream file = Files.newOutputStream(target);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(
                     new GzipCompressorOutputStream(new BufferedOutputStream(file)))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            long now = meta.createdAt().toEpochMilli();
            putBytes(tar, META, Mappers.YAML.writeValueAsBytes(meta), now);
            putBytes(tar, SESSION, Mappers.YAML.writeValueAsBytes(session), now);
            if (credentials != null) {
                putBytes(tar, CREDENTIALS, credentials, now);
            }
            if (activity != null) {
                putBytes(tar, ACTIVITY, activity, now);
            }
            putTree(tar, gitops, gitops, skipped);
            tar.finish();
        }
        return skipped;
    }

    private static void putBytes(TarArchiveOutputStream tar, String name, byte[] bytes, long mtime) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        entry.setMode(0100600);
        entry.setModTime(mtime);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    /** Depth first in name order, so two captures of one repo list their entries alike. */
    private static void putTree(TarArchiveOutputStream tar, Path root, Path dir, List<String> skipped)
            throws IOException {
        String rel = root.relativize(dir).toString().replace('\\', '/');
        TarArchiveEntry dirEntry = new TarArchiveEntry(GITOPS + (rel.isEmpty() ? "" : "/" + rel) + "/");
        dirEntry.setMode(040000 | mode(dir, 0755));
        tar.putArchiveEntry(dirEntry);
        tar.closeArchiveEntry();
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted().toList();
        }
        for (Path child : children) {
            BasicFileAttributes attrs = Files.readAttributes(child, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            String name = GITOPS + "/" + root.relativize(child).toString().replace('\\', '/');
            if (attrs.isDirectory()) {
                putTree(tar, root, child, skipped);
            } else if (attrs.isRegularFile()) {
                TarArchiveEntry entry = new TarArchiveEntry(name);
                entry.setSize(attrs.size());
                entry.setMode(0100000 | mode(child, 0644));
                // Whole seconds: a finer time costs every entry a PAX header.
                entry.setModTime(FileTime.from(attrs.lastModifiedTime().to(TimeUnit.SECONDS), TimeUnit.SECONDS));
                tar.putArchiveEntry(entry);
                Files.copy(child, tar);
                tar.closeArchiveEntry();
            } else {
                skipped.add(name);
            }
        }
    }

    private static int mode(Path path, int fallback) {
        try {
            int mode = 0;
            for (PosixFilePermission p : Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)) {
                mode |= 1 << (8 - p.ordinal());
            }
            return mode;
        } catch (UnsupportedOperationException | IOException e) {
            return fallback;
        }
    }

    // ---- reading

    @FunctionalInterface
    private interface EntryVisitor {
        /** Returns false to stop reading (only for the metadata peek, which verifies nothing else). */
        boolean visit(String path, TarArchiveEntry entry, InputStream content) throws IOException;
    }

    /**
     * Reads every entry, checked, and then the rest of the gzip stream, so a truncated or corrupt
     * file fails here (gzip checks its CRC and length only at the end).
     */
    private static ArchiveEntries read(String snapshot, Path archive, EntryVisitor visitor) {
        ArchiveEntries entries = new ArchiveEntries(snapshot);
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
             GzipCompressorInputStream gzip = GzipCompressorInputStream.builder().setInputStream(file)
                     .setDecompressConcatenated(true).get();
             TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String path;
                try {
                    path = entries.check(entry);
                } catch (SikifansoException refused) {
                    // Damaged data can decompress into a nonsense entry: say so rather than blame the entry.
                    gzip.transferTo(OutputStream.nullOutputStream());
                    throw refused;
                }
                if (!visitor.visit(path, entry, tar)) {
                    return entries;
                }
            }
            gzip.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | IllegalArgumentException e) {
            throw ArchiveEntries.refusal(snapshot, "the archive is truncated or corrupt ("
                    + com.sikifanso.core.Throwables.rootMessage(e) + ")");
        }
        return entries;
    }

    /** Checks the whole archive and returns its metadata and session; writes nothing. */
    static Verified verify(String snapshot, Path archive) {
        byte[][] yaml = new byte[2][];
        long[] workingTree = {0};
        long[] total = {0};
        ArchiveEntries entries = read(snapshot, archive, (path, entry, content) -> {
            total[0] += entry.getSize();
            if (total[0] > MAX_TOTAL_BYTES) {
                throw ArchiveEntries.refusal(snapshot, "it unpacks to more than "
                        + MAX_TOTAL_BYTES / (1024 * 1024 * 1024) + " GiB");
            }
            if (path.equals(META)) {
                yaml[0] = readSmall(snapshot, path, content);
            } else if (path.equals(SESSION)) {
                yaml[1] = readSmall(snapshot, path, content);
            } else if (isWorkingTreeFile(path, entry)) {
                workingTree[0] += entry.getSize();
                if (workingTree[0] > MAX_WORKING_TREE_BYTES) {
                    throw ArchiveEntries.refusal(snapshot, "its GitOps files are larger than "
                            + MAX_WORKING_TREE_BYTES / (1024 * 1024) + " MiB");
                }
            }
            return true;
        });
        if (yaml[0] == null) {
            throw ArchiveEntries.refusal(snapshot, "it has no " + META + ", so it is not a sikifanso snapshot");
        }
        SnapshotMeta meta = checkMeta(snapshot, yaml[0]);
        if (yaml[1] == null) {
            throw ArchiveEntries.refusal(snapshot, "it has no " + SESSION);
        }
        Session session = checkSession(snapshot, meta, yaml[1]);
        if (!entries.hasFile(GIT_DIR + "/HEAD")) {
            throw ArchiveEntries.refusal(snapshot, "it has no git history (" + GIT_DIR + "/HEAD is missing)");
        }
        return new Verified(meta, session);
    }

    /** The metadata alone, for listing: stops after the first entry that holds it. */
    static SnapshotMeta peekMeta(String snapshot, Path archive) {
        byte[] yaml = readOne(snapshot, archive, META).orElseThrow(() -> ArchiveEntries.refusal(snapshot,
                "it has no " + META + ", so it is not a sikifanso snapshot"));
        return checkMeta(snapshot, yaml);
    }

    /** One small top-level entry, reading no further than it. */
    private static java.util.Optional<byte[]> readOne(String snapshot, Path archive, String name) {
        byte[][] found = new byte[1][];
        read(snapshot, archive, (path, entry, content) -> {
            if (path.equals(name)) {
                found[0] = readSmall(snapshot, path, content);
                return false;
            }
            return true;
        });
        return java.util.Optional.ofNullable(found[0]);
    }

    /** The generated app credentials the snapshot carries, if it was taken with --include-secrets. */
    static java.util.Optional<byte[]> credentials(String snapshot, Path archive) {
        return readOne(snapshot, archive, CREDENTIALS);
    }

    /** The activity journal the snapshot carries, if it was taken with --include-activity. */
    static java.util.Optional<byte[]> activity(String snapshot, Path archive) {
        byte[][] found = new byte[1][];
        read(snapshot, archive, (path, entry, content) -> {
            if (path.equals(ACTIVITY)) {
                // A journal is bounded by its rotation size, not by the YAML entries' small limit.
                found[0] = content.readNBytes(MAX_ACTIVITY_BYTES + 1);
                if (found[0].length > MAX_ACTIVITY_BYTES) {
                    throw ArchiveEntries.refusal(snapshot, ACTIVITY + " is larger than "
                            + MAX_ACTIVITY_BYTES / (1024 * 1024) + " MiB");
                }
                return false;
            }
            return true;
        });
        return java.util.Optional.ofNullable(found[0]);
    }

    /** The GitOps working tree (everything under gitops/ but .git), by repo-relative path. */
    static Map<String, byte[]> workingTree(String snapshot, Path archive) {
        Map<String, byte[]> tree = new LinkedHashMap<>();
        read(snapshot, archive, (path, entry, content) -> {
            if (isWorkingTreeFile(path, entry)) {
                tree.put(path.substring(GITOPS.length() + 1), content.readAllBytes());
            }
            return true;
        });
        return tree;
    }

    /**
     * Writes the snapshot's {@code .git} into {@code gitDir} (which must not exist), without hooks,
     * alternates or config; the config is rebuilt from the snapshot's format settings only.
     */
    static void extractHistory(String snapshot, Path archive, Path gitDir) throws IOException {
        Files.createDirectories(gitDir);
        byte[][] config = new byte[1][];
        read(snapshot, archive, (path, entry, content) -> {
            if (!path.equals(GIT_DIR) && !path.startsWith(GIT_DIR + "/")) {
                return true;
            }
            if (path.equals(GIT_DIR + "/config") && !entry.isDirectory()) {
                config[0] = readSmall(snapshot, path, content);
                return true;
            }
            if (GIT_SKIPPED.stream().anyMatch(s -> path.equals(s) || path.startsWith(s + "/"))) {
                return true;
            }
            Path target = gitDir.resolve(path.substring(GIT_DIR.length()).replaceFirst("^/", "")).normalize();
            if (!target.startsWith(gitDir)) {
                throw ArchiveEntries.refusal(snapshot, "entry \"" + path + "\" escapes the snapshot's directory");
            }
            try {
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(content, target);
                }
            } catch (IOException e) {
                throw SikifansoException.failure("cannot write " + target + ": " + e.getMessage(),
                        "check that " + gitDir.getParent() + " is writable", e);
            }
            return true;
        });
        Files.writeString(gitDir.resolve("config"), gitConfig(config[0]));
    }

    /** A fresh repository config that keeps only what the object store needs to be read. */
    private static String gitConfig(byte[] archived) {
        Config fresh = new Config();
        fresh.setInt("core", null, "repositoryformatversion", 0);
        fresh.setBoolean("core", null, "filemode", true);
        fresh.setBoolean("core", null, "bare", false);
        fresh.setBoolean("core", null, "logallrefupdates", true);
        if (archived != null) {
            Config old = new Config();
            try {
                old.fromText(new String(archived, java.nio.charset.StandardCharsets.UTF_8));
                fresh.setInt("core", null, "repositoryformatversion",
                        old.getInt("core", null, "repositoryformatversion", 0));
                for (String name : old.getNames("extensions")) {
                    fresh.setString("extensions", null, name, old.getString("extensions", null, name));
                }
            } catch (ConfigInvalidException e) {
                // An unreadable config only loses settings a default repository does not need.
            }
        }
        return fresh.toText();
    }

    private static boolean isWorkingTreeFile(String path, TarArchiveEntry entry) {
        return !entry.isDirectory() && path.startsWith(GITOPS + "/") && !path.equals(GIT_DIR)
                && !path.startsWith(GIT_DIR + "/");
    }

    private static byte[] readSmall(String snapshot, String path, InputStream content) throws IOException {
        byte[] bytes = content.readNBytes(MAX_YAML_BYTES + 1);
        if (bytes.length > MAX_YAML_BYTES) {
            throw ArchiveEntries.refusal(snapshot, path + " is larger than 1 MiB");
        }
        return bytes;
    }

    private static SnapshotMeta checkMeta(String snapshot, byte[] yaml) {
        SnapshotMeta meta;
        try {
            meta = Mappers.YAML.readValue(yaml, SnapshotMeta.class);
        } catch (IOException e) {
            throw ArchiveEntries.refusal(snapshot, META + " is not valid: " + firstLine(e));
        }
        if (meta == null || meta.formatVersion() == null) {
            throw ArchiveEntries.refusal(snapshot, META + " has no formatVersion");
        }
        if (meta.formatVersion() != SnapshotMeta.FORMAT_VERSION) {
            throw SikifansoException.failure("refusing snapshot \"" + snapshot + "\": it has format version "
                            + meta.formatVersion() + ", and this sikifanso reads only version "
                            + SnapshotMeta.FORMAT_VERSION + "; nothing was written",
                    "restore it with the sikifanso that captured it (" + meta.toolVersion() + ")");
        }
        if (!Names.isLabel(meta.name())) {
            throw ArchiveEntries.refusal(snapshot, META + " names the snapshot \"" + meta.name()
                    + "\", which is not a DNS-1123 label (" + Names.RULE + ")");
        }
        if (!Names.isLabel(meta.cluster())) {
            throw ArchiveEntries.refusal(snapshot, META + " names the cluster \"" + meta.cluster()
                    + "\", which is not a DNS-1123 label (" + Names.RULE + ")");
        }
        if (meta.createdAt() == null) {
            throw ArchiveEntries.refusal(snapshot, META + " has no createdAt");
        }
        return meta;
    }

    private static Session checkSession(String snapshot, SnapshotMeta meta, byte[] yaml) {
        Session session;
        try {
            session = Mappers.YAML.readValue(yaml, Session.class);
        } catch (IOException e) {
            throw ArchiveEntries.refusal(snapshot, SESSION + " is not valid: " + firstLine(e));
        }
        if (session == null || !meta.cluster().equals(session.clusterName())) {
            throw ArchiveEntries.refusal(snapshot, SESSION + " does not belong to cluster \"" + meta.cluster()
                    + "\" named in " + META);
        }
        return session;
    }

    private static String firstLine(IOException e) {
        String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return detail == null ? e.toString() : detail.lines().findFirst().orElse(detail);
    }
}

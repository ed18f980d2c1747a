package com.sikifanso.snapshot;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.SikifansoException;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The rules every entry of a snapshot archive must meet before anything is extracted: a plain
 * relative path inside the snapshot's layout, and a regular file or a directory. One instance
 * checks one pass over one archive, so it also sees duplicates and files standing where a
 * directory must be.
 */
final class ArchiveEntries {
    static final String META = "snapshot.yaml";
    static final String SESSION = "session.yaml";
    /** The cluster's generated app credentials; only in snapshots taken with --include-secrets. */
    static final String CREDENTIALS = "credentials.yaml";
    /** The cluster's activity journal, only when the capture asked for it ({@code --include-activity}). */
    static final String ACTIVITY = "activity.jsonl";
    static final String GITOPS = "gitops";
    static final String GIT_DIR = GITOPS + "/.git";

    private final String snapshot;
    private final Set<String> files = new HashSet<>();
    private final Set<String> dirs = new HashSet<>();

    ArchiveEntries(String snapshot) {
        this.snapshot = snapshot;
    }

    /** Checks one entry and returns its path without a trailing '/'. */
    String check(TarArchiveEntry entry) {
        String raw = entry.getName();
        String path = checkName(raw);
        checkType(raw, entry);
        if (entry.isDirectory()) {
            if (files.contains(path)) {
                throw refused(raw, "is a directory, but the archive also has a file of that name");
            }
            addParents(raw, path);
            dirs.add(path);
        } else {
            if (files.contains(path)) {
                throw refused(raw, "appears twice");
            }
            if (dirs.contains(path)) {
                throw refused(raw, "is a file, but the archive also has a directory of that name");
            }
            addParents(raw, path);
            files.add(path);
        }
        return path;
    }

    boolean hasFile(String path) {
        return files.contains(path);
    }

    private String checkName(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw refused("", "has an empty name");
        }
        if (raw.startsWith("/") || raw.matches("^[A-Za-z]:.*")) {
            throw refused(raw, "has an absolute path");
        }
        if (raw.contains("\\")) {
            throw refused(raw, "contains '\\' (only '/' separates directories in a snapshot)");
        }
        String path = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
        String[] parts = path.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals("..")) {
                throw refused(raw, "escapes the snapshot's directory (../)");
            }
            if (parts[i].isEmpty() || parts[i].equals(".")) {
                throw refused(raw, "is not a plain relative path");
            }
            // Only gitops/.git holds history; another .git would smuggle a repository into the working tree.
            if (parts[i].equals(".git") && i != 1) {
                throw refused(raw, "is inside a nested .git directory");
            }
        }
        boolean inGitOps = parts[0].equals(GITOPS);
        if (!inGitOps && !path.equals(META) && !path.equals(SESSION) && !path.equals(CREDENTIALS)
                && !path.equals(ACTIVITY)) {
            throw refused(raw, "is not part of a snapshot (expected only snapshot.yaml, session.yaml, "
                    + "credentials.yaml, activity.jsonl and gitops/)");
        }
        return path;
    }

    private void checkType(String raw, TarArchiveEntry entry) {
        if (entry.isSymbolicLink()) {
            throw refused(raw, "is a symbolic link (to " + entry.getLinkName() + ")");
        }
        if (entry.isLink()) {
            throw refused(raw, "is a hard link (to " + entry.getLinkName() + ")");
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice()) {
            throw refused(raw, "is a device file");
        }
        if (entry.isFIFO()) {
            throw refused(raw, "is a named pipe");
        }
        if (entry.isSparse()) {
            throw refused(raw, "is a sparse file");
        }
        byte flag = entry.getLinkFlag();
        boolean regular = flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM;
        if (!entry.isDirectory() && !regular) {
            throw refused(raw, "has an unsupported type ('" + (char) flag + "')");
        }
        String path = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
        if ((path.equals(META) || path.equals(SESSION) || path.equals(ACTIVITY)) && entry.isDirectory()) {
            throw refused(raw, "must be a file");
        }
        if (path.equals(GITOPS) && !entry.isDirectory()) {
            throw refused(raw, "must be a directory");
        }
    }

    private void addParents(String raw, String path) {
        for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
            String parent = path.substring(0, i);
            if (files.contains(parent)) {
                throw refused(raw, "is inside \"" + parent + "\", which is a file");
            }
            dirs.add(parent);
        }
    }

    SikifansoException refused(String entry, String why) {
        return refusal(snapshot, "entry \"" + entry + "\" " + why);
    }

    /** Every refusal says that nothing was written, and where a trustworthy archive comes from. */
    static SikifansoException refusal(String snapshot, String detail) {
        return SikifansoException.failure("refusing snapshot \"" + snapshot + "\": " + detail
                        + "; nothing was written",
                "use an archive made by ", Suggestion.of("snapshot", "capture"), " and not altered since (see: ",
                Suggestion.of("snapshot", "list"), ")");
    }
}

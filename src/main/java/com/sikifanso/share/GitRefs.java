package com.sikifanso.share;

import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Throwables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A file of a git repository at a branch, tag or commit, read from a bare clone made in a temporary directory and
 * removed afterwards, so nothing is left on this machine; the clone uses the user's git credentials
 * ({@link com.sikifanso.gitops.BareClones}).
 */
final class GitRefs {
    private GitRefs() {
    }

    /** @param env HOME (the user's git config and credential helpers), PATH, the token variable */
    static byte[] read(ShareRef.Git ref, java.util.Map<String, String> env) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sikifanso-git-ref");
            try (Git git = com.sikifanso.gitops.BareClones.cloneBare(ref.url(), dir, env)) {
                return fileAt(git.getRepository(), ref);
            }
        } catch (GitAPIException | org.eclipse.jgit.errors.TransportException | IllegalArgumentException e) {
            throw SikifansoException.failure("cannot read " + ref.text() + ": git cannot fetch " + ref.url() + " ("
                    + Throwables.rootMessage(e) + ")", "check the repository's URL and that it is reachable;"
                    + " nothing was changed", e);
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read " + ref.text() + ": " + e.getMessage(),
                    "check the repository; nothing was changed", e);
        } finally {
            if (dir != null) {
                try {
                    LocalFiles.deleteRecursively(dir);
                } catch (IOException ignored) {
                    // A temp directory left behind is harmless.
                }
            }
        }
    }

    private static byte[] fileAt(Repository repo, ShareRef.Git ref) throws IOException {
        ObjectId id = repo.resolve(ref.ref() + "^{commit}");
        if (id == null) {
            throw SikifansoException.failure(ref.text() + ": " + ref.url() + " has no branch, tag or commit \""
                    + ref.ref() + "\"", "check the part after @ (git ls-remote " + ref.url() + ")");
        }
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(id);
            try (TreeWalk file = TreeWalk.forPath(repo, ref.path(), commit.getTree())) {
                if (file == null || file.isSubtree()) {
                    throw SikifansoException.failure(ref.text() + ": there is no file " + ref.path() + " at "
                            + ref.ref(), "check the path after // (relative to the repository's root)");
                }
                var loader = repo.open(file.getObjectId(0));
                if (loader.getSize() > SharedDocuments.MAX_BYTES) {
                    throw SikifansoException.failure(ref.text() + " is larger than 1 MiB", "check the path");
                }
                return loader.getBytes();
            }
        }
    }
}

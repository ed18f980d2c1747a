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
 * ({@link com.sikifanso.gitops.GitClones}).
 */
final class GitRefs {
    private GitRefs() {
    }

    /** @param env HOME (the user's git config and credential helpers), PATH, the token variable */
    static byte[] read(ShareRef.Git ref, java.util.Map<String, String> env) {
        return inClone(ref, env, repo -> fileAt(repo, ref));
    }

    /**
     * The files under the directory {@code ref.path()} ({@code .} for the repository's root) at the commit the ref
     * names, by their path below it, with that commit's id: the pin of a catalog source.
     */
    static FetchedFiles readDirectory(ShareRef.Git ref, java.util.Map<String, String> env) {
        return inClone(ref, env, repo -> directoryAt(repo, ref));
    }

    private interface RepoReader<T> {
        T read(Repository repo) throws IOException;
    }

    private static <T> T inClone(ShareRef.Git ref, java.util.Map<String, String> env, RepoReader<T> reader) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sikifanso-git-ref");
            try (Git git = com.sikifanso.gitops.GitClones.bare(ref.url(), dir, env)) {
                return reader.read(git.getRepository());
            }
        } catch (GitAPIException | org.eclipse.jgit.errors.TransportException | IllegalArgumentException e) {
            throw SikifansoException.failure("cannot read " + ref.text() + ": git cannot fetch " + ref.url() + " ("
                    + Throwables.rootMessage(e) + ")", "check the repository's URL and that it is reachable;"
                    + " nothing was changed", e);
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read " + ref.text() + ": " + e.getMessage(),
                    "check the repository; nothing was changed", e);
        } finally {
            LocalFiles.deleteQuietly(dir);
        }
    }

    private static RevCommit commitOf(Repository repo, RevWalk walk, ShareRef.Git ref) throws IOException {
        ObjectId id = repo.resolve(ref.ref() + "^{commit}");
        if (id == null) {
            throw SikifansoException.failure(ref.text() + ": " + ref.url() + " has no branch, tag or commit \""
                    + ref.ref() + "\"", "check the part after @ (git ls-remote " + ref.url() + ")");
        }
        return walk.parseCommit(id);
    }

    private static FetchedFiles directoryAt(Repository repo, ShareRef.Git ref) throws IOException {
        try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
            RevCommit commit = commitOf(repo, walk, ref);
            boolean root = ref.path().equals(".");
            String prefix = root ? "" : ref.path().replaceAll("/+$", "") + "/";
            if (!root) {
                try (TreeWalk dir = TreeWalk.forPath(repo, prefix.substring(0, prefix.length() - 1),
                        commit.getTree())) {
                    if (dir == null || !dir.isSubtree()) {
                        throw SikifansoException.failure(ref.text() + ": there is no directory " + ref.path()
                                + " at " + ref.ref(), "check the path after // (a directory relative to the"
                                + " repository's root; . for the root)");
                    }
                }
            }
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            FetchedFiles.Builder files = new FetchedFiles.Builder(ref.text(), commit.getName());
            while (tree.next()) {
                if (tree.getPathString().startsWith(prefix)) {
                    String path = tree.getPathString();
                    try {
                        files.add(path.substring(prefix.length()),
                                repo.open(tree.getObjectId(0)).getBytes(SharedDocuments.MAX_BYTES));
                    } catch (org.eclipse.jgit.errors.LargeObjectException e) {
                        throw SikifansoException.failure(ref.text() + ": " + path + " is larger than 1 MiB, which no"
                                + " catalog file is", "remove it from the catalog's directory");
                    }
                }
            }
            return files.build();
        }
    }

    private static byte[] fileAt(Repository repo, ShareRef.Git ref) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = commitOf(repo, walk, ref);
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

package com.sikifanso.gitops;

import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Files of a GitOps repo as one commit holds them (what Argo CD deploys), not as the working tree has them: an
 * uncommitted edit is not what runs.
 */
public final class CommittedFiles implements AutoCloseable {
    private final Repository repository;
    private final RevCommit commit;

    private CommittedFiles(Repository repository, RevCommit commit) {
        this.repository = repository;
        this.commit = commit;
    }

    /** The files at HEAD of {@code repo}. */
    public static CommittedFiles atHead(GitOpsRepo repo) {
        try {
            Repository repository = new FileRepositoryBuilder().setGitDir(repo.dir().resolve(".git").toFile())
                    .setMustExist(true).build();
            try (RevWalk walk = new RevWalk(repository)) {
                return new CommittedFiles(repository, walk.parseCommit(repository.resolve("HEAD")));
            }
        } catch (IOException | RuntimeException e) {
            throw SikifansoException.failure("cannot read HEAD of the GitOps repo at " + repo.dir() + ": "
                    + e.getMessage(), "check that it is a git repository with a commit", e);
        }
    }

    public String commitId() {
        return commit.getName();
    }

    /** The file's text in the commit; empty when the commit has no such file. */
    public Optional<String> read(String path) {
        try (ObjectReader reader = repository.newObjectReader();
             TreeWalk walk = TreeWalk.forPath(reader, path, commit.getTree())) {
            return walk == null ? Optional.empty()
                    : Optional.of(new String(reader.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read " + path + " at commit " + commit.getName() + ": "
                    + e.getMessage(), "check the GitOps repo (git fsck)", e);
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}

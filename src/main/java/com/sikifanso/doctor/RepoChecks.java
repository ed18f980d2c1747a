package com.sikifanso.doctor;

import com.sikifanso.core.Suggestion;
import com.sikifanso.core.Hint;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Throwables;
import com.sikifanso.gitops.RepoRecovery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.sikifanso.gitops.ChangePreconditions;
import com.sikifanso.gitops.GitOpsRepo;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;

/** The GitOps repo itself: a git repository whose working tree is committed, as Argo CD sees only commits. */
final class RepoChecks {
    static final String ROW = "GitOps repo";
    private static final int LISTED = 5;

    private RepoChecks() {
    }

    static CheckResult check(ClusterName cluster, Path dir) {
        Hint recreate = RepoRecovery.hint(cluster);
        if (!Files.isDirectory(dir)) {
            return CheckResult.fail(ROW, "missing", dir + " does not exist", recreate);
        }
        if (!Files.isDirectory(dir.resolve(".git"))) {
            return CheckResult.fail(ROW, "not a git repository", dir + " has no .git directory", recreate);
        }
        try (Git git = Git.open(dir.toFile())) {
            if (git.getRepository().resolve("HEAD") == null) {
                return CheckResult.fail(ROW, "no commits", dir + " has no commit on HEAD", recreate);
            }
            List<Path> locks = ChangePreconditions.staleLocks(dir);
            if (!locks.isEmpty()) {
                return CheckResult.fail(ROW, "locked by " + locks.get(0).getFileName(),
                        locks.get(0) + " is there: every commit fails while it is, and a git command killed "
                                + "mid-write leaves it behind",
                        "if no git command is running on the repo, the next sikifanso change removes it; or: rm "
                                + String.join(" ", locks.stream().map(Path::toString).toList()));
            }
            if (new GitOpsRepo(dir).hasInterruptedChange()) {
                return CheckResult.warn(ROW, "interrupted change", "a sikifanso change was interrupted before it "
                        + "committed", Hint.of("the next sikifanso command on the cluster finishes or undoes it, e.g.: ",
                        Suggestion.of("app", "list").cluster(cluster)));
            }
            Status status = git.status().call();
            if (status.isClean()) {
                return CheckResult.pass(ROW, "clean at " + git.getRepository().resolve("HEAD").abbreviate(7).name()
                        + " (" + dir + ")");
            }
            List<String> changes = ChangePreconditions.changes(status);
            return CheckResult.fail(ROW, changes.size() + " uncommitted change" + (changes.size() == 1 ? "" : "s"),
                    "Argo CD reads committed HEAD only, so these edits are invisible to it: "
                            + String.join(", ", changes.subList(0, Math.min(LISTED, changes.size())))
                            + (changes.size() > LISTED ? " and " + (changes.size() - LISTED) + " more" : ""),
                    "commit them (git -C " + dir + " add -A && git -C " + dir + " commit -m \"...\") or discard "
                            + "them (git -C " + dir + " stash -u)");
        } catch (IOException | GitAPIException | RuntimeException e) {
            return CheckResult.fail(ROW, "unreadable", "cannot read the repository at " + dir + ": "
                    + Throwables.rootMessage(e), recreate);
        }
    }
}

package com.sikifanso.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;

/** The GitOps repo itself: a git repository whose working tree is committed, as Argo CD sees only commits. */
final class RepoChecks {
    static final String ROW = "GitOps repo";
    private static final int LISTED = 5;

    private RepoChecks() {
    }

    static CheckResult check(String cluster, Path dir) {
        String recreate = "restore it from a snapshot (sikifanso snapshot list; sikifanso snapshot restore NAME -c "
                + cluster + "), or recreate the cluster: sikifanso cluster delete " + cluster
                + " && sikifanso cluster create " + cluster;
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
            Status status = git.status().call();
            if (status.isClean()) {
                return CheckResult.pass(ROW, "clean at " + git.getRepository().resolve("HEAD").abbreviate(7).name()
                        + " (" + dir + ")");
            }
            List<String> changes = changes(status);
            return CheckResult.fail(ROW, changes.size() + " uncommitted change" + (changes.size() == 1 ? "" : "s"),
                    "Argo CD reads committed HEAD only, so these edits are invisible to it: "
                            + String.join(", ", changes.subList(0, Math.min(LISTED, changes.size())))
                            + (changes.size() > LISTED ? " and " + (changes.size() - LISTED) + " more" : ""),
                    "commit them (git -C " + dir + " add -A && git -C " + dir + " commit -m \"...\") or discard "
                            + "them (git -C " + dir + " stash -u)");
        } catch (IOException | GitAPIException | RuntimeException e) {
            return CheckResult.fail(ROW, "unreadable", "cannot read the repository at " + dir + ": "
                    + CheckRunner.rootMessage(e), recreate);
        }
    }

    private static List<String> changes(Status s) {
        List<String> all = new ArrayList<>();
        new TreeSet<>(s.getModified()).forEach(f -> all.add(f + " (modified)"));
        new TreeSet<>(s.getChanged()).forEach(f -> all.add(f + " (staged)"));
        new TreeSet<>(s.getAdded()).forEach(f -> all.add(f + " (added)"));
        new TreeSet<>(s.getMissing()).forEach(f -> all.add(f + " (deleted)"));
        new TreeSet<>(s.getRemoved()).forEach(f -> all.add(f + " (removed)"));
        new TreeSet<>(s.getUntracked()).forEach(f -> all.add(f + " (untracked)"));
        new TreeSet<>(s.getConflicting()).forEach(f -> all.add(f + " (conflict)"));
        return all;
    }
}

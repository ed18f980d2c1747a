package com.sikifanso.gitops;

import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/**
 * What must hold before the tool commits, checked while the cluster lock is held: no lock file left
 * by a killed git writer, no half-applied change of ours, the branch Argo CD follows, and no edits of
 * the user's own that the commit would sweep in unannounced.
 */
public final class ChangePreconditions {
    static final String BRANCH = "main";
    private static final int LISTED = 10;

    private ChangePreconditions() {
    }

    /** Lock files a killed git writer leaves; while the cluster lock is ours no sikifanso process writes them. */
    public static List<Path> staleLocks(Path dir) {
        Path git = dir.resolve(".git");
        List<Path> locks = new ArrayList<>();
        for (String name : List.of("index.lock", "HEAD.lock", "packed-refs.lock")) {
            if (Files.exists(git.resolve(name))) {
                locks.add(git.resolve(name));
            }
        }
        Path refs = git.resolve("refs");
        if (Files.isDirectory(refs)) {
            try (Stream<Path> files = Files.walk(refs)) {
                files.filter(p -> p.getFileName().toString().endsWith(".lock")).forEach(locks::add);
            } catch (IOException | RuntimeException e) {
                // An unreadable refs directory fails the commit itself, with its own message.
            }
        }
        return locks;
    }

    static void removeStaleLocks(Path dir, Consumer<String> notices) {
        for (Path lock : staleLocks(dir)) {
            try {
                Files.deleteIfExists(lock);
                notices.accept("removed " + lock + ", left by an interrupted git command");
            } catch (IOException e) {
                throw SikifansoException.failure("cannot remove the stale lock " + lock + ": " + e.getMessage(),
                        "remove it by hand (no git command may be running on " + dir + "): rm " + lock, e);
            }
        }
    }

    static void requireDefaultBranch(Git git, Path dir) throws IOException {
        Ref head = git.getRepository().exactRef(Constants.HEAD);
        if (head == null || !head.isSymbolic()) {
            throw SikifansoException.failure("the GitOps repo at " + dir + " has a detached HEAD; a commit there "
                            + "would be lost at the next checkout",
                    "go back to its branch first: git -C " + dir + " switch " + BRANCH);
        }
        String branch = Repository.shortenRefName(head.getTarget().getName());
        if (!branch.equals(BRANCH)) {
            throw SikifansoException.failure("the GitOps repo at " + dir + " is on branch \"" + branch
                            + "\", not \"" + BRANCH + "\", the branch sikifanso commits to",
                    "switch back: git -C " + dir + " switch " + BRANCH + " (merge your branch into it first if "
                            + "Argo CD should see it)");
        }
    }

    /** Refuses when the working tree or index holds changes that are not the tool's. */
    static void requireNoLocalChanges(Git git, Path dir) throws GitAPIException {
        Status status = git.status().call();
        if (status.isClean()) {
            return;
        }
        List<String> changes = changes(status);
        throw SikifansoException.failure("the GitOps repo at " + dir + " has uncommitted changes that this commit "
                        + "would sweep in: " + String.join(", ", changes.subList(0, Math.min(LISTED, changes.size())))
                        + (changes.size() > LISTED ? " and " + (changes.size() - LISTED) + " more" : ""),
                "commit them (git -C " + dir + " add -A && git -C " + dir + " commit -m \"...\"), set them aside "
                        + "(git -C " + dir + " stash -u), or fold them into this change with --include-local-changes");
    }

    public static List<String> changes(Status s) {
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

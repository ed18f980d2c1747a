package com.sikifanso.gitops;

import com.sikifanso.core.CommitId;
import com.sikifanso.core.Suggestion;
import com.sikifanso.core.Throwables;
import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.SikifansoException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.EmptyCommitException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A cluster's GitOps repository. Reads are plain file reads (read-only commands never load
 * JGit); every change is applied as one commit, or not at all.
 */
public final class GitOpsRepo {
    public static final String AUTHOR_NAME = "sikifanso";
    public static final String AUTHOR_EMAIL = "sikifanso@local";

    private final Path dir;
    private final boolean includeLocalChanges;

    public GitOpsRepo(Path dir) {
        this(dir, false);
    }

    private GitOpsRepo(Path dir, boolean includeLocalChanges) {
        this.dir = dir;
        this.includeLocalChanges = includeLocalChanges;
    }

    public Path dir() {
        return dir;
    }

    public Path resolve(String relativePath) {
        return dir.resolve(relativePath);
    }

    public boolean exists(String relativePath) {
        return Files.exists(resolve(relativePath));
    }

    public String read(String relativePath) {
        try {
            return Files.readString(resolve(relativePath));
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read " + resolve(relativePath) + ": " + e.getMessage(),
                    "check the GitOps repo at " + dir, e);
        }
    }

    /** The commit HEAD points at, read from .git without loading JGit. */
    public String head() {
        try {
            Path git = dir.resolve(".git");
            String ref = Files.readString(git.resolve("HEAD")).strip();
            if (!ref.startsWith("ref: ")) {
                return ref;
            }
            Path loose = git.resolve(ref.substring(5));
            if (Files.exists(loose)) {
                return Files.readString(loose).strip();
            }
            Path packed = git.resolve("packed-refs");
            if (Files.exists(packed)) {
                for (String line : Files.readAllLines(packed)) {
                    if (line.endsWith(" " + ref.substring(5))) {
                        return line.substring(0, line.indexOf(' '));
                    }
                }
            }
            return "";
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read HEAD of the GitOps repo at " + dir + ": " + e.getMessage(),
                    "check that it is a git repository", e);
        }
    }

    /**
     * Writes the change's files and commits them. A change whose files already hold that content
     * makes no commit and returns empty. The change is journalled first ({@link ChangeJournal}), so
     * a failure here, or a kill, leaves the files and the index as they were, or as committed.
     */
    public Optional<CommitId> apply(RepoChange change) {
        Map<String, Optional<byte[]>> effective = effectiveChanges(change);
        // A tree replacement still commits when the files match but HEAD does not (uncommitted edits).
        if (effective.isEmpty() && !change.replacesTree() && !includeLocalChanges) {
            return Optional.empty();
        }
        ChangeJournal journal = new ChangeJournal(dir);
        Optional<CommitId> made;
        try (Git git = open()) {
            try {
                journal.begin(git, change.message(), effective.keySet());
                for (var entry : effective.entrySet()) {
                    Path file = resolve(entry.getKey());
                    if (entry.getValue().isPresent()) {
                        LocalFiles.writeAtomically(file, entry.getValue().get(), false);
                    } else {
                        Files.delete(file);
                        if (change.replacesTree()) {
                            pruneEmptyParents(dir, file);
                        }
                    }
                }
                String message = CommitTrailers.onto(change.message());
                made = change.replacesTree() || includeLocalChanges
                        ? commitTree(git, message) : Optional.of(new CommitId(commit(git, message, effective)));
                journal.finish();
            } catch (IOException | GitAPIException | RuntimeException e) {
                rollBack(git, journal, e);
                throw SikifansoException.failure("could not commit \"" + change.message() + "\" to " + dir + ": "
                        + Throwables.rootMessage(e), "the repo was left as it was; check its permissions and that "
                        + "git status shows no lock (.git/index.lock)", e);
            }
        }
        // New directories and git objects follow the user's umask; Argo CD must still read them.
        RepoPermissions.shareForReading(dir);
        return made;
    }

    private static void rollBack(Git git, ChangeJournal journal, Exception failure) {
        if (!journal.pending()) {
            return;
        }
        try {
            journal.recover(git);
        } catch (IOException | GitAPIException | RuntimeException e) {
            // The journal stays; the next change under the cluster lock retries the recovery.
            failure.addSuppressed(e);
        }
    }

    /**
     * Readies the repo for a change; call with the cluster lock held. Removes lock files a killed git
     * left, finishes or undoes a change a killed sikifanso left, and refuses a detached HEAD, another
     * branch and (unless they are to be included) the user's own uncommitted edits.
     */
    public void prepareForChange(Consumer<String> notices) {
        ChangePreconditions.removeStaleLocks(dir, notices);
        try (Git git = open()) {
            recoverInterruptedChange(git, notices);
            ChangePreconditions.requireDefaultBranch(git, dir);
            if (!includeLocalChanges) {
                ChangePreconditions.requireNoLocalChanges(git, dir);
            }
        } catch (IOException | GitAPIException e) {
            throw SikifansoException.failure("cannot read the GitOps repo at " + dir + ": " + Throwables.rootMessage(e),
                    "check it with: git -C " + dir + " status", e);
        }
    }

    /** Whether a killed sikifanso left a change half-applied (a cheap file check, no JGit). */
    public boolean hasInterruptedChange() {
        return new ChangeJournal(dir).pending();
    }

    /** Finishes or undoes a change a killed sikifanso left; call with the cluster lock held. */
    public void recoverInterruptedChange(Consumer<String> notices) {
        if (!hasInterruptedChange()) {
            return;
        }
        ChangePreconditions.removeStaleLocks(dir, notices);
        try (Git git = open()) {
            recoverInterruptedChange(git, notices);
        } catch (IOException | GitAPIException e) {
            throw SikifansoException.failure("cannot recover the interrupted change in " + dir + ": "
                    + Throwables.rootMessage(e), "check it with: git -C " + dir + " status", e);
        }
    }

    private void recoverInterruptedChange(Git git, Consumer<String> notices) throws IOException, GitAPIException {
        ChangeJournal journal = new ChangeJournal(dir);
        if (journal.pending()) {
            var outcome = journal.recover(git);
            notices.accept((outcome.getKey() == ChangeJournal.Outcome.COMPLETED ? "completed" : "rolled back")
                    + " the interrupted change \"" + outcome.getValue() + "\" in " + dir);
        }
    }

    /** The same repo, whose changes also commit whatever else the working tree holds (--include-local-changes). */
    public GitOpsRepo includingLocalChanges(boolean include) {
        return new GitOpsRepo(dir, include);
    }

    private Map<String, Optional<byte[]>> effectiveChanges(RepoChange change) {
        Map<String, Optional<byte[]>> effective = new LinkedHashMap<>();
        if (change.replacesTree()) {
            // Deletions first, so a file may take the place of a directory that is going away.
            for (String path : workingTreeFiles()) {
                if (!change.files().containsKey(path)) {
                    effective.put(path, Optional.empty());
                }
            }
        }
        for (var entry : change.files().entrySet()) {
            Path file = resolve(entry.getKey());
            boolean present = Files.exists(file);
            if (entry.getValue().isEmpty()) {
                if (present) {
                    effective.put(entry.getKey(), entry.getValue());
                }
            } else if (!present || !Arrays.equals(readBytes(file), entry.getValue().get())) {
                effective.put(entry.getKey(), entry.getValue());
            }
        }
        return effective;
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** Every file in the working tree outside {@code .git}, as repo-relative paths with '/'. */
    private List<String> workingTreeFiles() {
        Path git = dir.resolve(".git");
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> !p.startsWith(git))
                    .filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw SikifansoException.failure("cannot list the files of the GitOps repo at " + dir + ": "
                    + e.getMessage(), "check its permissions", e);
        }
    }

    /** Deletes the directories above {@code file} that it leaves empty, up to the repo's root. */
    static void pruneEmptyParents(Path dir, Path file) throws IOException {
        for (Path d = file.getParent(); d != null && !d.equals(dir) && d.startsWith(dir); d = d.getParent()) {
            try (Stream<Path> left = Files.list(d)) {
                if (left.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(d);
        }
    }

    /** Stages the whole working tree (additions and deletions); no commit when it equals HEAD. */
    private static Optional<CommitId> commitTree(Git git, String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        try {
            return Optional.of(new CommitId(git.commit().setMessage(message).setAuthor(author()).setCommitter(author())
                    .setSign(false).setAllowEmpty(false).call().getName()));
        } catch (EmptyCommitException e) {
            return Optional.empty();
        }
    }

    /**
     * Puts the working tree and index back to HEAD, as {@code git reset --hard} does; for a repo
     * whose history was copied in without its files.
     */
    public void checkOutHead() {
        try (Git git = open()) {
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(Constants.HEAD).call();
        } catch (GitAPIException | RuntimeException e) {
            throw SikifansoException.failure("cannot check out HEAD of the GitOps repo at " + dir + ": "
                    + Throwables.rootMessage(e), "its git history may be damaged; check it with: git -C " + dir + " fsck", e);
        }
    }

    private static String commit(Git git, String message, Map<String, Optional<byte[]>> files)
            throws GitAPIException {
        List<String> deleted = new ArrayList<>();
        var add = git.add();
        boolean anyAdded = false;
        for (var entry : files.entrySet()) {
            if (entry.getValue().isPresent()) {
                add.addFilepattern(entry.getKey());
                anyAdded = true;
            } else {
                deleted.add(entry.getKey());
            }
        }
        if (anyAdded) {
            add.call();
        }
        if (!deleted.isEmpty()) {
            var rm = git.rm().setCached(true);
            deleted.forEach(rm::addFilepattern);
            rm.call();
        }
        var commit = git.commit().setMessage(message).setAuthor(author()).setCommitter(author()).setSign(false);
        files.keySet().forEach(commit::setOnly);
        RevCommit made = commit.call();
        return made.getName();
    }

    private Git open() {
        try {
            return Git.open(dir.toFile());
        } catch (IOException e) {
            throw SikifansoException.failure("cannot open the GitOps repo at " + dir + ": " + e.getMessage(),
                    "it must be a git repository; recreate it with: ", Suggestion.of("cluster", "delete"),
                    ", then cluster create", e);
        }
    }

    /** JGit wraps the useful message ("Cannot lock index") in generic ones; report the innermost. */
    static PersonIdent author() {
        return new PersonIdent(AUTHOR_NAME, AUTHOR_EMAIL);
    }
}

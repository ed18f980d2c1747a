package com.sikifanso.gitops;

import com.sikifanso.core.LocalFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The intent of one change, written to {@code .git/sikifanso-change} before the working tree is
 * touched and removed once the commit is made: HEAD before, and each path's content before (a blob
 * id, or "-" for absent). A process killed in between leaves it behind; the next run under the
 * cluster lock then finishes the change (HEAD moved: the files become HEAD's) or undoes it (HEAD
 * did not move: the files get their old content back), and puts those paths in the index as at HEAD.
 */
final class ChangeJournal {
    static final String FILE = "sikifanso-change";
    private static final String ABSENT = "-";

    private final Path dir;
    private final Path file;

    ChangeJournal(Path repoDir) {
        this.dir = repoDir;
        this.file = repoDir.resolve(".git").resolve(FILE);
    }

    boolean pending() {
        return Files.exists(file);
    }

    /** Records HEAD and the current content of {@code paths}; the old contents go into the object store. */
    void begin(Git git, String message, Iterable<String> paths) throws IOException {
        Repository repository = git.getRepository();
        StringBuilder text = new StringBuilder();
        text.append(head(repository)).append('\n').append(message.replace('\n', ' ')).append('\n');
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            for (String path : paths) {
                Path current = dir.resolve(path);
                String blob = Files.isRegularFile(current)
                        ? inserter.insert(Constants.OBJ_BLOB, Files.readAllBytes(current)).name() : ABSENT;
                text.append(blob).append(' ').append(path).append('\n');
            }
            inserter.flush();
        }
        LocalFiles.writeAtomically(file, text.toString().getBytes(StandardCharsets.UTF_8), false);
    }

    void finish() throws IOException {
        Files.deleteIfExists(file);
    }

    /** What a recovery did, for the notice. */
    enum Outcome { COMPLETED, ROLLED_BACK }

    /** Finishes or undoes the recorded change; returns what it did and the change's message. */
    Map.Entry<Outcome, String> recover(Git git) throws IOException, GitAPIException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Repository repository = git.getRepository();
        String before = lines.isEmpty() ? "" : lines.get(0);
        String message = lines.size() > 1 ? lines.get(1) : "";
        boolean committed = !before.equals(head(repository));
        Map<String, Optional<byte[]>> contents = new LinkedHashMap<>();
        for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
            int space = line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String path = line.substring(space + 1);
            contents.put(path, committed ? atHead(repository, path) : blob(repository, line.substring(0, space)));
        }
        restore(git, contents);
        finish();
        return Map.entry(committed ? Outcome.COMPLETED : Outcome.ROLLED_BACK, message);
    }

    /** Writes each path's content (or deletes it), then resets those index entries to HEAD. */
    private void restore(Git git, Map<String, Optional<byte[]>> contents) throws IOException, GitAPIException {
        for (var entry : contents.entrySet()) {
            Path target = dir.resolve(entry.getKey());
            removeTempFiles(target);
            if (entry.getValue().isPresent()) {
                if (Files.isDirectory(target)) {
                    LocalFiles.deleteRecursively(target);
                }
                LocalFiles.writeAtomically(target, entry.getValue().get(), false);
            } else if (Files.isRegularFile(target) || Files.isSymbolicLink(target)) {
                Files.delete(target);
                GitOpsRepo.pruneEmptyParents(dir, target);
            }
        }
        if (!contents.isEmpty() && git.getRepository().resolve(Constants.HEAD) != null) {
            var reset = git.reset();
            contents.keySet().forEach(reset::addPath);
            reset.call();
        }
    }

    /** {@code LocalFiles.writeAtomically} names its temp files {@code .NAME.*.tmp}; a kill can leave one. */
    private static void removeTempFiles(Path target) throws IOException {
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(parent, "." + target.getFileName() + ".*.tmp")) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static String head(Repository repository) throws IOException {
        ObjectId head = repository.resolve(Constants.HEAD);
        return head == null ? "" : head.name();
    }

    private static Optional<byte[]> blob(Repository repository, String id) throws IOException {
        return id.equals(ABSENT) ? Optional.empty()
                : Optional.of(repository.open(ObjectId.fromString(id), Constants.OBJ_BLOB).getBytes());
    }

    private static Optional<byte[]> atHead(Repository repository, String path) throws IOException {
        ObjectId head = repository.resolve(Constants.HEAD);
        if (head == null) {
            return Optional.empty();
        }
        RevCommit commit = repository.parseCommit(head);
        try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
            return walk == null ? Optional.empty()
                    : Optional.of(repository.open(walk.getObjectId(0), Constants.OBJ_BLOB).getBytes());
        }
    }
}

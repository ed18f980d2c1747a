package com.sikifanso.ops;

import com.sikifanso.Services;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.core.Throwables;
import com.sikifanso.kube.Redactor;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import com.sikifanso.session.SikifansoHome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * A dry run of an operation whose change is a GitOps commit: its own handler runs, unchanged, against a throwaway
 * copy of the cluster, and the plan is the diff between the copy's HEAD before and after.
 *
 * <p>The copy is a temporary SIKIFANSO_HOME holding a byte copy of the cluster's GitOps repo (its {@code .git},
 * branch and any uncommitted edits, so the handler refuses what the real call would refuse) and the cluster's
 * session pointing at it, marked stopped; the handler gets a {@link Services} built on that home whose kubeconfig and
 * Docker socket do not exist. So the handler takes the real code path — the same validation, the same messages, the
 * same commit — while nothing it can reach is the user's: the refresh of Argo CD and the creation of Secrets are
 * skipped for a stopped cluster, any other API call fails, the wait is never run ({@link Invocations#plan} does not
 * wait), and the copy is deleted afterwards. Copying a repo of a few hundred KiB costs a few milliseconds; a second
 * implementation of each operation's change, which a "what would you write" mode would be, costs far more.
 */
final class Rehearsal {
    private final Services live;

    Rehearsal(Services live) {
        this.live = live;
    }

    /** The commit subjects and diff {@code operation} would make on {@code cluster}, and its result there. */
    record Rehearsed(Object output, List<String> subjects, List<String> files, String diff) {
    }

    <I extends Record, O extends Record> Rehearsed rehearse(Operation<I, O> operation, I input, ClusterName cluster) {
        Session session = live.sessions().load(cluster);
        Path scratch = createScratch();
        try {
            SikifansoHome home = new SikifansoHome(scratch.resolve("home"));
            Path repo = home.gitOpsDir(cluster);
            copyTree(Path.of(session.gitOpsPath()), repo);
            // Entries of catalog sources are enabled from this machine's copies, so the rehearsal sees them too.
            Path sources = live.catalogSources().directory();
            if (Files.isDirectory(sources)) {
                copyTree(sources, home.root().resolve(com.sikifanso.share.CatalogSources.DIR));
            }
            // The rehearsal's commit must never be pushed where the cluster's repo is published.
            com.sikifanso.gitops.GitOpsRemote.detach(repo);
            new SessionStore(home).save(new Session(session.clusterName(), ClusterState.STOPPED, session.createdAt(),
                    session.bootstrapURL(), session.bootstrapVersion(), repo.toString(), session.services(),
                    session.k3dConfig(), session.ports()));
            Services copy = new Services(live.build(), home, Duration.ofSeconds(10), line -> { },
                    Map.of("KUBECONFIG", scratch.resolve("no-kubeconfig").toString(), "HOME", scratch.toString(),
                            "DOCKER_HOST", "unix://" + scratch.resolve("no-docker.sock")),
                    live.includesLocalChanges());
            ObjectId before = head(repo);
            O output = operation.call(input, new OperationContext(copy, line -> { }, WaitPolicy.PROGRAM));
            return compare(repo, before, output);
        } finally {
            deleteTree(scratch);
        }
    }

    private static Rehearsed compare(Path repo, ObjectId before, Object output) {
        try (Git git = Git.open(repo.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            ObjectId after = git.getRepository().resolve("HEAD");
            List<String> subjects = new ArrayList<>();
            if (after == null || after.equals(before)) {
                return new Rehearsed(output, subjects, List.of(), "");
            }
            for (RevCommit c : git.log().addRange(before, after).call()) {
                subjects.add(0, c.getShortMessage());
            }
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            List<String> files = new ArrayList<>();
            try (DiffFormatter diff = new DiffFormatter(text)) {
                diff.setRepository(git.getRepository());
                for (DiffEntry entry : diff.scan(walk.parseCommit(before).getTree(), walk.parseCommit(after).getTree())) {
                    files.add(entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath()
                            : entry.getNewPath());
                    diff.format(entry);
                }
            }
            // Masked as app diff masks what it shows: values that look like credentials never leave.
            return new Rehearsed(output, subjects, files, Redactor.mask(text.toString(StandardCharsets.UTF_8)));
        } catch (IOException | org.eclipse.jgit.api.errors.GitAPIException e) {
            throw SikifansoException.failure("cannot compute the plan's diff: " + Throwables.rootMessage(e),
                    "run the operation without a dry run, or check the GitOps repo with git status", e);
        }
    }

    private static ObjectId head(Path repo) {
        try (Git git = Git.open(repo.toFile())) {
            return git.getRepository().resolve("HEAD");
        } catch (IOException e) {
            throw SikifansoException.failure("cannot read HEAD of the GitOps repo copied from " + repo + ": "
                    + e.getMessage(), "check the repo with: git status", e);
        }
    }

    private static Path createScratch() {
        try {
            return Files.createTempDirectory("sikifanso-plan-");
        } catch (IOException e) {
            throw SikifansoException.failure("cannot make a scratch directory for the plan: " + e.getMessage(),
                    "check that the temporary directory (java.io.tmpdir) is writable", e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw SikifansoException.failure("cannot copy the GitOps repo " + from + " for the plan: "
                    + Throwables.rootMessage(e), "check that it is readable: ls -la " + from, e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // A scratch copy left in the temporary directory harms nothing; the plan stands.
        }
    }
}

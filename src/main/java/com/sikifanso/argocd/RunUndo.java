package com.sikifanso.argocd;

import com.sikifanso.core.CommitId;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.catalog.CustomApp;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.ApplicationSets;
import com.sikifanso.gitops.ClusterRepos;
import com.sikifanso.gitops.CommitTrailers;
import com.sikifanso.gitops.GitOpsRepo;
import com.sikifanso.gitops.PendingSync;
import com.sikifanso.gitops.RepoChange;
import com.sikifanso.gitops.SyncTarget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.NoHeadException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Undoes one run's commits (those whose {@code Sikifanso-Run} trailer names it) in one new commit: every file the run
 * touched goes back to what it held before the run first touched it. Refused when a commit made after the run
 * changed one of those files (reverting would throw that change away), when the run made no commit, and when it was
 * undone already. The new commit carries {@code Sikifanso-Undoes: RUN}, and, like every commit made through an
 * operation, its own run id, so an undo can be undone in turn.
 */
public final class RunUndo {
    /** The surface whose runs are undone when no run is named: the AI operator's. */
    public static final String AI_SURFACE = "ai";

    private final ClusterRepos repos;

    public RunUndo(ClusterRepos repos) {
        this.repos = repos;
    }

    /** One commit of the run, as {@code git log --oneline} shows it. */
    public record Reverted(String commit, String subject) {
    }

    /**
     * What the undo did: {@code commit} is the new commit; {@code pendingSync}: the run's apps synced to it, or gone
     * when the run had brought them in.
     */
    public record Undone(String run, List<Reverted> reverted, String commit, List<String> files,
                         @JsonIgnore Optional<PendingSync> pendingSync) implements PendingSync.Carrier {
    }

    /** Undoes {@code run}, or the newest run of the AI operator on {@code cluster} that made commits not undone yet. */
    public Undone undo(ClusterName cluster, Optional<String> run) {
        return repos.mutate(cluster, List.of(ApplicationSets.CATALOG, ApplicationSets.CUSTOM_APPS,
                ApplicationSets.AGENTS), repo -> {
            try (Git git = Git.open(repo.dir().toFile())) {
                List<RevCommit> history = history(git);
                String target = run.map(String::strip).orElseGet(() -> newestAiRun(cluster, history));
                List<RevCommit> commits = commitsOf(cluster, target, history);
                Map<String, byte[]> before = restoredContents(git, history, commits);
                RepoChange change = new RepoChange("undo run " + target + " (" + commits.size()
                        + (commits.size() == 1 ? " commit: " : " commits: ")
                        + String.join("; ", commits.reversed().stream().map(RevCommit::getShortMessage).toList())
                        + ")");
                before.forEach((path, bytes) -> {
                    if (bytes != null) {
                        change.write(path, bytes);
                    } else {
                        change.delete(path);
                    }
                });
                CommitId made = CommitTrailers.during(Map.of(CommitTrailers.UNDOES, target),
                        () -> repo.apply(change)).orElseThrow(() -> SikifansoException.failure("run " + target
                                + "'s changes are already gone from the repo of cluster \"" + cluster + "\"",
                        "nothing to undo; see the history with: git -C " + repo.dir() + " log"));
                List<String> files = List.copyOf(before.keySet());
                return new Undone(target, commits.stream().map(c -> new Reverted(c.abbreviate(7).name(),
                        c.getShortMessage())).toList(), made.value(), files,
                        Optional.of(new PendingSync(cluster, made, targets(repo, files))));
            } catch (IOException | GitAPIException e) {
                throw AppHistory.gitFailure(repo, e);
            }
        });
    }

    /** The apps whose files the undo wrote: synced to it where still deployed, gone where not. */
    public static List<SyncTarget> targets(GitOpsRepo repo, List<String> files) {
        Set<String> apps = new LinkedHashSet<>();
        for (String file : files) {
            appOf(file).ifPresent(apps::add);
        }
        List<SyncTarget> targets = new ArrayList<>();
        for (String app : apps) {
            SyncTarget.Kind kind = AppHistory.deployed(repo, app) ? SyncTarget.Kind.SYNC : SyncTarget.Kind.DISAPPEAR;
            targets.add(new SyncTarget(kind, List.of(new SyncTarget.App(app, AppHistory.tier(repo, app)))));
        }
        return targets;
    }

    private static Optional<String> appOf(String file) {
        for (String dir : List.of(Catalog.DIR + "/values/", Catalog.DIR + "/", CustomApp.COORDINATES_DIR + "/",
                CustomApp.VALUES_DIR + "/", "agents/values/", "agents/")) {
            if (file.startsWith(dir) && file.endsWith(".yaml") && file.indexOf('/', dir.length()) < 0) {
                return Optional.of(file.substring(dir.length(), file.length() - ".yaml".length()));
            }
        }
        return Optional.empty();
    }

    /** Every commit from HEAD back, newest first. */
    private static List<RevCommit> history(Git git) throws GitAPIException {
        List<RevCommit> all = new ArrayList<>();
        try {
            git.log().call().forEach(all::add);
        } catch (NoHeadException e) {
            return List.of();
        }
        return all;
    }

    private static String newestAiRun(ClusterName cluster, List<RevCommit> history) {
        Set<String> undone = undoneRuns(history);
        for (RevCommit c : history) {
            String run = CommitTrailers.valueIn(c.getFullMessage(), CommitTrailers.RUN);
            if (run != null && !undone.contains(run)
                    && AI_SURFACE.equals(CommitTrailers.valueIn(c.getFullMessage(), CommitTrailers.SURFACE))) {
                return run;
            }
        }
        throw SikifansoException.failure("no run of the AI operator made commits in cluster \"" + cluster
                        + "\" that are not undone yet",
                "name the run to undo: ", Suggestion.of("ai", "undo").arg("run", "RUN"), " (run ids are in ",
                Suggestion.of("events"), ", and in each commit's " + CommitTrailers.RUN + " trailer: git log)");
    }

    private static Set<String> undoneRuns(List<RevCommit> history) {
        Set<String> undone = new LinkedHashSet<>();
        history.forEach(c -> {
            String run = CommitTrailers.valueIn(c.getFullMessage(), CommitTrailers.UNDOES);
            if (run != null) {
                undone.add(run);
            }
        });
        return undone;
    }

    /** The run's commits, newest first; refused when there are none or the run was undone already. */
    private static List<RevCommit> commitsOf(ClusterName cluster, String run, List<RevCommit> history) {
        for (RevCommit c : history) {
            if (run.equals(CommitTrailers.valueIn(c.getFullMessage(), CommitTrailers.UNDOES))) {
                throw SikifansoException.failure("run " + run + " was already undone in commit "
                        + c.abbreviate(7).name() + " (" + c.getShortMessage() + ")",
                        "to bring its changes back, undo that undo: ", Suggestion.of("ai", "undo")
                                .arg("run", CommitTrailers.valueIn(c.getFullMessage(), CommitTrailers.RUN)));
            }
        }
        List<RevCommit> commits = history.stream()
                .filter(c -> run.equals(CommitTrailers.valueIn(c.getFullMessage(), CommitTrailers.RUN))).toList();
        if (commits.isEmpty()) {
            throw SikifansoException.failure("run " + run + " made no commits in cluster \"" + cluster
                            + "\": there is nothing to undo",
                    "runs that changed something carry a " + CommitTrailers.RUN + " trailer: git log --grep "
                            + CommitTrailers.RUN);
        }
        return commits;
    }

    /**
     * For each file the run touched, its content before the run first touched it (null: it did not exist); refused,
     * naming the files, when a commit outside the run changed one of them after that.
     */
    private static Map<String, byte[]> restoredContents(Git git, List<RevCommit> history, List<RevCommit> commits)
            throws IOException {
        Set<RevCommit> ofRun = Set.copyOf(commits);
        Map<String, RevCommit> firstTouch = new LinkedHashMap<>();
        for (RevCommit c : commits.reversed()) {
            for (String path : touched(git, c)) {
                firstTouch.putIfAbsent(path, c);
            }
        }
        List<String> conflicts = new ArrayList<>();
        // Only commits newer than the run's oldest can have changed its files after it.
        for (RevCommit c : history.subList(0, history.indexOf(commits.getLast()))) {
            if (ofRun.contains(c)) {
                continue;
            }
            for (String path : touched(git, c)) {
                RevCommit first = firstTouch.get(path);
                if (first != null && history.indexOf(c) < history.indexOf(first)) {
                    conflicts.add(path + " (changed later by " + c.abbreviate(7).name() + " " + c.getShortMessage()
                            + ")");
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw SikifansoException.failure("cannot undo the run: commits made after it changed the same files: "
                            + String.join(", ", conflicts),
                    "undo or revert those commits first (", Suggestion.of("ai", "undo").arg("run", "THEIR-RUN"),
                    ", or ", Suggestion.of("app", "rollback"), "), then undo this run");
        }
        Map<String, byte[]> before = new LinkedHashMap<>();
        for (var e : firstTouch.entrySet()) {
            RevCommit first = e.getValue();
            before.put(e.getKey(), first.getParentCount() == 0 ? null
                    : AppHistory.fileAt(git, git.getRepository().parseCommit(first.getParent(0)), e.getKey()));
        }
        return before;
    }

    /** The paths a commit changed against its first parent. */
    private static List<String> touched(Git git, RevCommit c) throws IOException {
        try (DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(git.getRepository());
            RevCommit parent = c.getParentCount() == 0 ? null : git.getRepository().parseCommit(c.getParent(0));
            List<String> paths = new ArrayList<>();
            for (DiffEntry d : diff.scan(parent == null ? null : parent.getTree(), c.getTree())) {
                paths.add(d.getChangeType() == DiffEntry.ChangeType.DELETE ? d.getOldPath() : d.getNewPath());
                if (d.getChangeType() == DiffEntry.ChangeType.RENAME) {
                    paths.add(d.getOldPath());
                }
            }
            return paths;
        }
    }
}

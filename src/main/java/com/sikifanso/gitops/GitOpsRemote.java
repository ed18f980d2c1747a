package com.sikifanso.gitops;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Suggestion;
import com.sikifanso.core.SikifansoException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster's GitOps repo and the remote it is published to: git's own {@code origin} in the repo's
 * {@code .git/config}, so the repo stays an ordinary clone a user can push and pull by hand, and no credential is
 * kept anywhere by sikifanso. Every change is made on top of what the remote has ({@link #catchUp}) and pushed after
 * ({@link #push}). Call with the cluster's lock held.
 */
public final class GitOpsRemote {
    static final String ORIGIN = "origin";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Where the repo stands against its remote.
     *
     * @param ahead commits here the remote does not have (not pushed yet)
     * @param behind commits the remote has that are not here; counted from the last fetch
     * @param fetchError why the remote could not be asked now, when it could not; the counts are then as last known
     */
    public record Status(String url, String branch, int ahead, int behind, String fetchError) {
    }

    private final Path dir;
    private final GitProcess git;
    /** The command that retries a push: for the cluster whose repo this is, so it is not the default one's. */
    private final Suggestion pushAgain;

    /** The remote of the repo at {@code dir}, only to be read ({@link #url}). */
    public GitOpsRemote(Path dir, Map<String, String> env) {
        this(dir, env, DEFAULT_TIMEOUT, Suggestion.of("cluster", "gitops", "push"));
    }

    /** The remote of {@code cluster}'s repo at {@code dir}. */
    public GitOpsRemote(ClusterName cluster, Path dir, Map<String, String> env) {
        this(cluster, dir, env, DEFAULT_TIMEOUT);
    }

    GitOpsRemote(ClusterName cluster, Path dir, Map<String, String> env, Duration timeout) {
        this(dir, env, timeout, pushAgain(cluster));
    }

    private GitOpsRemote(Path dir, Map<String, String> env, Duration timeout, Suggestion pushAgain) {
        this.dir = dir;
        this.git = new GitProcess(dir, env, timeout);
        this.pushAgain = pushAgain;
    }

    /** The command that pushes {@code cluster}'s repo: {@code sikifanso cluster gitops push -c NAME}. */
    public static Suggestion pushAgain(ClusterName cluster) {
        return Suggestion.of("cluster", "gitops", "push").cluster(cluster.value());
    }

    /** True when the repo at {@code dir} has a remote: read from .git/config, no process started for every change. */
    public static boolean isSet(Path dir) {
        try {
            return java.nio.file.Files.readString(dir.resolve(".git").resolve("config"))
                    .contains("[remote \"" + ORIGIN + "\"]");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * Forgets the remote of the repo at {@code dir}: for a scratch copy (a dry-run rehearsal) whose commits must never
     * reach the server its original publishes to.
     */
    public static void detach(Path dir) {
        try (org.eclipse.jgit.lib.Repository repo = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
                .setGitDir(dir.resolve(".git").toFile()).build()) {
            org.eclipse.jgit.lib.StoredConfig config = repo.getConfig();
            config.unsetSection("remote", ORIGIN);
            config.save();
        } catch (java.io.IOException e) {
            throw SikifansoException.failure("cannot detach the copy at " + dir + " from its remote: " + e.getMessage(),
                    "run it again", e);
        }
    }

    /** The remote's URL, when one is set. */
    public Optional<String> url() {
        GitProcess.Result r = git.run("config", "--get", "remote." + ORIGIN + ".url");
        return r.ok() && !r.out().isBlank() ? Optional.of(r.out().strip()) : Optional.empty();
    }

    public String branch() {
        return git.require("the GitOps repo at " + dir + " must be on a branch (git -C " + dir + " switch main)",
                "symbolic-ref", "--short", "HEAD").out().strip();
    }

    /** Sets the remote, refusing one whose branch holds a history that does not contain this repo's. */
    public void setUrl(String url) {
        String checked = RemoteUrls.require(url);
        if (url().isPresent()) {
            git.require("check the repo's .git/config", "remote", "set-url", ORIGIN, checked);
        } else {
            git.require("check the repo's .git/config", "remote", "add", ORIGIN, checked);
        }
        fetch().ifPresent(reason -> {
            throw SikifansoException.failure("cannot reach " + RemoteUrls.masked(checked) + ": " + reason,
                    "check the URL and your git credentials (git ls-remote " + RemoteUrls.masked(checked) + ")");
        });
        if (remoteHead().isPresent() && !git.run("merge-base", "HEAD", remoteRef()).ok()) {
            throw SikifansoException.failure("the remote's branch " + branch() + " has a history of its own, not this "
                            + "cluster's", "give an empty repository (no README or licence commit), or another branch");
        }
    }

    /** Removes the remote setting (its fetched refs too). */
    void unset() {
        if (url().isPresent()) {
            git.run("remote", "remove", ORIGIN);
        }
    }

    /** Puts back a remote that was set before, without asking it anything. */
    void setUrlUnchecked(String url) {
        git.require("check the repo's .git/config", "remote", "add", ORIGIN, url);
    }

    /** Asks the remote what it has; empty when it answered, else git's reason. */
    public Optional<String> fetch() {
        GitProcess.Result r = git.run("fetch", "--quiet", "--prune", ORIGIN);
        return r.ok() ? Optional.empty() : Optional.of(RemoteUrls.masked(r.reason()));
    }

    /**
     * Brings what the remote has under this repo's commits: a fast-forward when only the remote moved, a replay of
     * the local commits on top when both did. When a replay conflicts it is undone, nothing is pushed, and the
     * conflicting files are named.
     */
    public void catchUp() {
        if (remoteHead().isEmpty()) {
            return;
        }
        int[] counts = aheadBehind();
        if (counts[1] == 0) {
            return;
        }
        if (counts[0] == 0) {
            git.require("git -C " + dir + " status shows what is in the way", "merge", "--ff-only", "--autostash",
                    "--quiet", remoteRef());
            return;
        }
        GitProcess.Result rebase = git.run("rebase", "--autostash", "--quiet", remoteRef());
        if (!rebase.ok()) {
            List<String> conflicts = Arrays.stream(git.run("diff", "--name-only", "--diff-filter=U").out().split("\n"))
                    .filter(s -> !s.isBlank()).toList();
            git.run("rebase", "--abort");
            throw SikifansoException.failure("the remote " + RemoteUrls.masked(url().orElse(ORIGIN)) + " changed "
                            + (conflicts.isEmpty() ? "the same files" : "the same files: " + String.join(", ", conflicts))
                            + "; nothing was pushed",
                    "bring the two together by hand: git -C " + dir + " pull --rebase " + ORIGIN + " " + branch()
                            + ", then: ", pushAgain);
        }
    }

    /** Pushes the branch; when the remote moved meanwhile, catches up once and pushes again. */
    public void push() {
        String ref = "HEAD:refs/heads/" + branch();
        GitProcess.Result r = git.run("push", "--quiet", ORIGIN, ref);
        if (!r.ok() && r.err().contains("[rejected]")) {
            fetch();
            catchUp();
            r = git.run("push", "--quiet", ORIGIN, ref);
        }
        if (!r.ok()) {
            throw SikifansoException.failure("the push to " + RemoteUrls.masked(url().orElse(ORIGIN)) + " failed: "
                    + RemoteUrls.masked(r.reason()) + "; the commits are kept here",
                    "once the remote is reachable (and your git credentials work): ", pushAgain);
        }
    }

    /** Where the repo stands; asks the remote first when {@code fetch}. */
    public Status status(boolean fetch) {
        String url = url().map(RemoteUrls::masked).orElse(null);
        if (url == null) {
            return new Status(null, branch(), 0, 0, null);
        }
        String fetchError = fetch ? fetch().orElse(null) : null;
        int[] counts = remoteHead().isPresent() ? aheadBehind() : new int[] {commitCount(), 0};
        return new Status(url, branch(), counts[0], counts[1], fetchError);
    }

    /** True when there are commits the remote has not got. */
    public boolean ahead() {
        return remoteHead().isEmpty() ? commitCount() > 0 : aheadBehind()[0] > 0;
    }

    private String remoteRef() {
        return "refs/remotes/" + ORIGIN + "/" + branch();
    }

    private Optional<String> remoteHead() {
        GitProcess.Result r = git.run("rev-parse", "--verify", "--quiet", remoteRef());
        return r.ok() ? Optional.of(r.out().strip()) : Optional.empty();
    }

    private int[] aheadBehind() {
        String[] counts = git.require("check the GitOps repo at " + dir, "rev-list", "--left-right", "--count",
                "HEAD..." + remoteRef()).out().strip().split("\\s+");
        return new int[] {Integer.parseInt(counts[0]), Integer.parseInt(counts[1])};
    }

    private int commitCount() {
        GitProcess.Result r = git.run("rev-list", "--count", "HEAD");
        return r.ok() ? Integer.parseInt(r.out().strip()) : 0;
    }
}

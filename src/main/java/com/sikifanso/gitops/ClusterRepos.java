package com.sikifanso.gitops;

import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.sikifanso.core.CallProgress;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Names;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.ClusterLocks;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Finds a cluster's GitOps repo through its session, and serialises changes to it. */
public final class ClusterRepos {
    private final SessionStore sessions;
    private final ClusterLocks locks;
    private final Reconciler reconciler;
    private final Consumer<String> notices;
    private final boolean includeLocalChanges;
    private final Map<String, String> gitEnv;

    public ClusterRepos(SessionStore sessions, ClusterLocks locks, Reconciler reconciler) {
        this(sessions, locks, reconciler, System.err::println, false);
    }

    /**
     * {@code notices} hears what was repaired before a change (a stale lock, an interrupted change);
     * {@code includeLocalChanges} lets changes commit the user's own uncommitted edits too.
     */
    public ClusterRepos(SessionStore sessions, ClusterLocks locks, Reconciler reconciler, Consumer<String> notices,
                        boolean includeLocalChanges) {
        this(sessions, locks, reconciler, notices, includeLocalChanges, System.getenv());
    }

    /** {@code gitEnv}: the environment git runs in when a repo has a remote (HOME, SSH_AUTH_SOCK, credentials). */
    public ClusterRepos(SessionStore sessions, ClusterLocks locks, Reconciler reconciler, Consumer<String> notices,
                        boolean includeLocalChanges, Map<String, String> gitEnv) {
        this.gitEnv = gitEnv;
        this.sessions = sessions;
        this.locks = locks;
        this.reconciler = reconciler;
        this.notices = notices;
        this.includeLocalChanges = includeLocalChanges;
    }

    /**
     * For reading: no lock and no JGit, unless a killed sikifanso left a change half-applied; that
     * is finished or undone first, under the lock, so what is read is what HEAD holds.
     */
    public GitOpsRepo open(ClusterName cluster) {
        GitOpsRepo repo = locate(cluster);
        if (repo.hasInterruptedChange()) {
            try (ClusterLocks.Held held = locks.acquire(cluster)) {
                repo.recoverInterruptedChange(notices);
            }
        }
        return repo;
    }

    private GitOpsRepo locate(ClusterName cluster) {
        // -c/--cluster becomes a path under SIKIFANSO_HOME: "a/../b" must not reach another cluster's session.
        Session session = sessions.load(cluster);
        Path dir = Path.of(session.gitOpsPath());
        if (!Files.isDirectory(dir.resolve(".git"))) {
            throw SikifansoException.failure("the GitOps repo of cluster \"" + cluster + "\" is missing: " + dir
                            + " is not a git repository",
                    RepoRecovery.hint(cluster));
        }
        return new GitOpsRepo(dir);
    }

    /**
     * Runs {@code change} while holding the cluster's lock, so concurrent commands queue up; when it
     * committed, asks Argo CD to refresh {@code applicationSet}.
     */
    public <T> T mutate(ClusterName cluster, String applicationSet, Function<GitOpsRepo, T> change) {
        return mutate(cluster, List.of(applicationSet), change);
    }

    /** As {@link #mutate(String, String, Function)} for a change that may touch several ApplicationSets' files. */
    public <T> T mutate(ClusterName cluster, List<String> applicationSets, Function<GitOpsRepo, T> change) {
        GitOpsRepo repo = locate(cluster).includingLocalChanges(includeLocalChanges);
        T result;
        boolean committed;
        try (ClusterLocks.Held held = locks.acquire(cluster)) {
            repo.prepareForChange(notices);
            Optional<GitOpsRemote> remote = remote(cluster, repo);
            remote.ifPresent(r -> catchUp(cluster, r));
            String before = repo.head();
            result = change.apply(repo);
            committed = !before.equals(repo.head());
            remote.ifPresent(r -> publish(cluster, r));
        }
        if (committed) {
            refresh(cluster, applicationSets);
        }
        return result;
    }

    /**
     * Runs {@code work} on the repo with the cluster's lock held, the repo readied for a change, and nothing done
     * with its remote: for the work that is about the remote itself.
     */
    public <T> T locked(ClusterName cluster, Function<GitOpsRepo, T> work) {
        GitOpsRepo repo = locate(cluster).includingLocalChanges(includeLocalChanges);
        try (ClusterLocks.Held held = locks.acquire(cluster)) {
            repo.prepareForChange(notices);
            return work.apply(repo);
        }
    }

    /** {@code cluster}'s repo's remote, when it has one. */
    public Optional<GitOpsRemote> remote(ClusterName cluster, GitOpsRepo repo) {
        return GitOpsRemote.isSet(repo.dir()) ? Optional.of(remoteOf(cluster, repo)) : Optional.empty();
    }

    /** {@code cluster}'s repo's remote side, set or not (to set it). */
    public GitOpsRemote remoteOf(ClusterName cluster, GitOpsRepo repo) {
        return new GitOpsRemote(cluster, repo.dir(), gitEnv);
    }

    /** A change is made on top of what the remote has; an unreachable remote leaves it to be pushed later. */
    private void catchUp(ClusterName cluster, GitOpsRemote remote) {
        Optional<String> unreachable = remote.fetch();
        if (unreachable.isPresent()) {
            notice(Hint.of("warning: cannot reach the GitOps remote (" + unreachable.get() + "); the change is "
                    + "committed here, push it later with: ", GitOpsRemote.pushAgain(cluster), whereItStands(cluster)));
            return;
        }
        remote.catchUp();
    }

    /** A failed push keeps the commit here and says how to retry; the change itself has been made. */
    private void publish(ClusterName cluster, GitOpsRemote remote) {
        if (!remote.ahead()) {
            return;
        }
        try {
            remote.push();
        } catch (SikifansoException e) {
            notice(Hint.of("warning: ", e.problem(), e.fix() == null ? null : "\n  ", e.fix(),
                    whereItStands(cluster)));
        }
    }

    /** The status a model can read itself, where pushing is a person's to do (gitops_push is the CLI's only). */
    private static Hint whereItStands(ClusterName cluster) {
        return Hint.of(" (where the repo stands: ", Suggestion.of("cluster", "gitops", "status").cluster(cluster.value()),
                ")");
    }

    /**
     * Told to the call that made the change (its caller reads the commands in its own words: a model the tools), or,
     * outside one, to the process's own sink.
     */
    private void notice(Hint hint) {
        CallProgress.note(hint, notices);
    }

    /** Asks Argo CD to re-read the repo now, for a change made without a commit (a repo recreated whole). */
    public void refresh(ClusterName cluster, List<String> applicationSets) {
        applicationSets.forEach(set -> reconciler.refresh(cluster, set));
    }
}

package com.sikifanso.gitops;

import com.sikifanso.core.Names;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.session.ClusterLocks;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Finds a cluster's GitOps repo through its session, and serialises changes to it. */
public final class ClusterRepos {
    private final SessionStore sessions;
    private final ClusterLocks locks;
    private final Reconciler reconciler;
    private final Consumer<String> notices;
    private final boolean includeLocalChanges;

    public ClusterRepos(SessionStore sessions, ClusterLocks locks, Reconciler reconciler) {
        this(sessions, locks, reconciler, System.err::println, false);
    }

    /**
     * {@code notices} hears what was repaired before a change (a stale lock, an interrupted change);
     * {@code includeLocalChanges} lets changes commit the user's own uncommitted edits too.
     */
    public ClusterRepos(SessionStore sessions, ClusterLocks locks, Reconciler reconciler, Consumer<String> notices,
                        boolean includeLocalChanges) {
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
    public GitOpsRepo open(String cluster) {
        GitOpsRepo repo = locate(cluster);
        if (repo.hasInterruptedChange()) {
            try (ClusterLocks.Held held = locks.acquire(cluster)) {
                repo.recoverInterruptedChange(notices);
            }
        }
        return repo;
    }

    private GitOpsRepo locate(String cluster) {
        // -c/--cluster becomes a path under SIKIFANSO_HOME: "a/../b" must not reach another cluster's session.
        Names.requireLabel("cluster", cluster);
        Session session = sessions.load(cluster);
        Path dir = Path.of(session.gitOpsPath());
        if (!Files.isDirectory(dir.resolve(".git"))) {
            throw SikifansoException.failure("the GitOps repo of cluster \"" + cluster + "\" is missing: " + dir
                            + " is not a git repository",
                    "restore it from a snapshot (sikifanso snapshot list; sikifanso snapshot restore NAME -c " + cluster
                            + "), or recreate the cluster: sikifanso cluster delete " + cluster
                            + " && sikifanso cluster create " + cluster);
        }
        return new GitOpsRepo(dir);
    }

    /**
     * Runs {@code change} while holding the cluster's lock, so concurrent commands queue up; when it
     * committed, asks Argo CD to refresh {@code applicationSet}.
     */
    public <T> T mutate(String cluster, String applicationSet, Function<GitOpsRepo, T> change) {
        return mutate(cluster, List.of(applicationSet), change);
    }

    /** As {@link #mutate(String, String, Function)} for a change that may touch several ApplicationSets' files. */
    public <T> T mutate(String cluster, List<String> applicationSets, Function<GitOpsRepo, T> change) {
        GitOpsRepo repo = locate(cluster).includingLocalChanges(includeLocalChanges);
        T result;
        boolean committed;
        try (ClusterLocks.Held held = locks.acquire(cluster)) {
            repo.prepareForChange(notices);
            String before = repo.head();
            result = change.apply(repo);
            committed = !before.equals(repo.head());
        }
        if (committed) {
            refresh(cluster, applicationSets);
        }
        return result;
    }

    /** Asks Argo CD to re-read the repo now, for a change made without a commit (a repo recreated whole). */
    public void refresh(String cluster, List<String> applicationSets) {
        applicationSets.forEach(set -> reconciler.refresh(cluster, set));
    }
}

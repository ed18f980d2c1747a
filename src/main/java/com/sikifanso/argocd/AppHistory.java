package com.sikifanso.argocd;

import com.sikifanso.catalog.SourceNames;
import com.sikifanso.core.CommitId;
import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Suggestion;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.sikifanso.core.Throwables;
import com.sikifanso.kube.LiveCluster;
import com.sikifanso.catalog.Catalog;
import com.sikifanso.catalog.CatalogEntry;
import com.sikifanso.catalog.CustomApp;
import com.sikifanso.catalog.Tiers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.ApplicationSets;
import com.sikifanso.gitops.ClusterRepos;
import com.sikifanso.gitops.GitOpsRepo;
import com.sikifanso.gitops.PendingSync;
import com.sikifanso.gitops.RepoChange;
import com.sikifanso.gitops.SyncTarget;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.LogCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.NoHeadException;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * An app's history is the git history of its files; rolling back writes them as they were at an
 * earlier commit, in a new commit. Argo CD then syncs that like any other change, so this works
 * with automated sync (Argo CD's own rollback refuses it) and the rollback itself can be undone.
 */
public final class AppHistory {
    private final ClusterRepos repos;

    public AppHistory(ClusterRepos repos) {
        this.repos = repos;
    }

    /** A commit that changed the app's files. */
    public record Revision(String revision, String shortRevision, Instant date, String message) {
    }

    /**
     * What a rollback committed ({@code commit} is null when the files already were as at {@code to});
     * {@code present}: whether the app is still deployed afterwards, {@code tier}: its catalog tier;
     * {@code pendingSync}: the app synced to the commit, or gone when it is not deployed at {@code to}.
     */
    public record Rollback(String app, String to, String commit, List<String> files, boolean present, String tier,
                           @JsonIgnore Optional<PendingSync> pendingSync) implements PendingSync.Carrier {
    }

    /** The files that define an app: catalog entry and values, custom app coordinates and values, agent. */
    static List<String> files(String app) {
        return List.of(Catalog.DIR + "/" + app + ".yaml", Catalog.DIR + "/values/" + app + ".yaml",
                CustomApp.COORDINATES_DIR + "/" + app + ".yaml", CustomApp.VALUES_DIR + "/" + app + ".yaml",
                "agents/" + app + ".yaml", "agents/values/" + app + ".yaml");
    }

    /** Newest first; refused when no commit ever touched the app's files. */
    public List<Revision> history(ClusterName cluster, String requested) {
        String app = SourceNames.requireApp(requested);
        GitOpsRepo repo = repos.open(cluster);
        try (Git git = Git.open(repo.dir().toFile())) {
            List<Revision> revisions = revisions(git, app);
            if (revisions.isEmpty()) {
                throw unknownApp(cluster, app);
            }
            return revisions;
        } catch (IOException | GitAPIException e) {
            throw gitFailure(repo, e);
        }
    }

    /** Writes the app's files as at {@code to} (default: the revision before its last change), in one commit. */
    public Rollback rollback(ClusterName cluster, String requested, Optional<String> to) {
        String app = SourceNames.requireApp(requested);
        return repos.mutate(cluster, List.of(ApplicationSets.CATALOG, ApplicationSets.CUSTOM_APPS,
                ApplicationSets.AGENTS), repo -> {
            try (Git git = Git.open(repo.dir().toFile())) {
                List<Revision> revisions = revisions(git, app);
                if (revisions.isEmpty()) {
                    throw unknownApp(cluster, app);
                }
                Revision target = choose(app, revisions, to);
                RevCommit commit = git.getRepository().parseCommit(git.getRepository().resolve(target.revision()));
                RepoChange change = new RepoChange("rollback " + app + " to " + target.shortRevision());
                List<String> files = new ArrayList<>();
                for (String path : files(app)) {
                    byte[] then = fileAt(git, commit, path);
                    if (then != null) {
                        change.write(path, then);
                        files.add(path);
                    } else if (repo.exists(path)) {
                        change.delete(path);
                        files.add(path);
                    }
                }
                CommitId made = repo.apply(change).orElse(null);
                boolean present = deployed(repo, app);
                String tier = tier(repo, app);
                Optional<PendingSync> pending = Optional.ofNullable(made).map(c -> new PendingSync(cluster, c,
                        List.of(new SyncTarget(present ? SyncTarget.Kind.SYNC : SyncTarget.Kind.DISAPPEAR,
                                List.of(new SyncTarget.App(app, tier))))));
                return new Rollback(SourceNames.shown(app), target.revision(), made == null ? null : made.value(), files, present, tier, pending);
            } catch (IOException | GitAPIException e) {
                throw gitFailure(repo, e);
            }
        });
    }

    private static Revision choose(String app, List<Revision> revisions, Optional<String> to) {
        if (to.isEmpty()) {
            if (revisions.size() < 2) {
                throw SikifansoException.failure("\"" + app + "\" has only one change (" + revisions.get(0)
                        .shortRevision() + " " + revisions.get(0).message() + "): there is nothing earlier to roll "
                        + "back to", "see its history with: ", Suggestion.of("app", "history").arg("name", app));
            }
            return revisions.get(1);
        }
        String wanted = to.get().strip().toLowerCase();
        List<Revision> matches = wanted.length() < 4 ? List.of()
                : revisions.stream().filter(r -> r.revision().startsWith(wanted)).toList();
        if (matches.size() != 1) {
            Set<String> valid = new LinkedHashSet<>(revisions.stream().map(Revision::shortRevision).toList());
            throw SikifansoException.failure((matches.isEmpty() ? "revision \"" + to.get() + "\" did not change "
                            : "revision \"" + to.get() + "\" is ambiguous among the changes to ") + app,
                    "pick one of the revisions that changed it (newest first): " + String.join(", ", valid)
                            + " (see them with: ", Suggestion.of("app", "history").arg("name", app), ")");
        }
        return matches.get(0);
    }

    private static List<Revision> revisions(Git git, String app) throws IOException, GitAPIException {
        LogCommand log = git.log();
        files(app).forEach(log::addPath);
        List<Revision> revisions = new ArrayList<>();
        try {
            for (RevCommit c : log.call()) {
                revisions.add(new Revision(c.getName(), c.abbreviate(7).name(),
                        Instant.ofEpochSecond(c.getCommitTime()), c.getShortMessage()));
            }
        } catch (NoHeadException e) {
            return List.of();
        }
        return revisions;
    }

    static byte[] fileAt(Git git, RevCommit commit, String path) throws IOException {
        try (ObjectReader reader = git.getRepository().newObjectReader();
             TreeWalk walk = TreeWalk.forPath(reader, path, commit.getTree())) {
            return walk == null ? null : reader.open(walk.getObjectId(0)).getBytes();
        }
    }

    /** Whether the app's files, as they now are, make Argo CD deploy it. */
    static boolean deployed(GitOpsRepo repo, String app) {
        Optional<CatalogEntry> entry = Catalog.load(repo.dir()).find(app);
        return entry.map(CatalogEntry::enabled).orElse(false)
                || repo.exists(CustomApp.COORDINATES_DIR + "/" + app + ".yaml")
                || repo.exists("agents/" + app + ".yaml");
    }

    static String tier(GitOpsRepo repo, String app) {
        return Catalog.load(repo.dir()).find(app).map(CatalogEntry::tier).orElse(Tiers.DEFAULT);
    }

    private static SikifansoException unknownApp(ClusterName cluster, String app) {
        return SikifansoException.failure("no app named \"" + app + "\" in the GitOps repo of cluster \"" + cluster
                        + "\": no commit touched its files",
                "see the apps with: ", Suggestion.of("app", "list").flag("all", "enabledOnly", false),
                ", and the agents with: ", Suggestion.of("agent", "list"));
    }

    static SikifansoException gitFailure(GitOpsRepo repo, Exception e) {
        return SikifansoException.failure("cannot read the git history of " + repo.dir() + ": "
                + Throwables.rootMessage(e), "check it with: git -C " + repo.dir() + " log", e);
    }
}

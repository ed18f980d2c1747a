package com.sikifanso.cluster;

import com.sikifanso.catalog.AppService;
import com.sikifanso.catalog.Profiles;
import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.Names;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.gitops.Scaffolder;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.ClusterLocks;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import com.sikifanso.session.SessionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Cluster sessions and their GitOps repos. (Docker nodes and the Kubernetes bootstrap come on top.) */
public final class ClusterService {
    private final SessionStore sessions;
    private final ClusterLocks locks;
    private final Scaffolder scaffolder;
    private final AppService apps;
    private final Profiles profiles;
    private final Clock clock;

    public ClusterService(SessionStore sessions, ClusterLocks locks, Scaffolder scaffolder, AppService apps,
                          Profiles profiles, Clock clock) {
        this.sessions = sessions;
        this.locks = locks;
        this.scaffolder = scaffolder;
        this.apps = apps;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** What {@code cluster create --gitops-only} did. */
    public record Prepared(Session session, boolean reused, Optional<AppService.ToggleResult> profile) {
    }

    /**
     * Prepares a cluster's session and GitOps repo without a cluster (state not-created). A repo
     * prepared earlier is reused as it is; a fresh one that fails half-way is removed again.
     */
    public Prepared prepare(String name, TemplateSource template, String profileList) {
        Names.requireLabel("cluster", name);
        if (profileList != null) {
            profiles.parse(profileList);
        }
        try (ClusterLocks.Held held = locks.acquire(name)) {
            if (sessions.exists(name)) {
                Session existing = sessions.load(name);
                if (existing.state() != ClusterState.NOT_CREATED) {
                    throw SikifansoException.failure("cluster \"" + name + "\" already exists (" + existing.state()
                            + ")", "use another name, or delete it first with: sikifanso cluster delete " + name);
                }
                return new Prepared(existing, true, applyProfiles(name, profileList));
            }
            Path dir = sessions.home().clusterDir(name);
            if (Files.exists(dir)) {
                throw SikifansoException.failure(dir + " exists but holds no session",
                        "remove it (rm -rf " + dir + ") or pick another cluster name");
            }
            return prepareFresh(name, template, profileList, dir);
        }
    }

    private Prepared prepareFresh(String name, TemplateSource template, String profileList, Path dir) {
        try {
            Path gitops = sessions.home().gitOpsDir(name);
            scaffolder.scaffold(gitops, template);
            String url = template instanceof TemplateSource.Custom c ? c.location() : Session.EMBEDDED_BOOTSTRAP;
            String version = template instanceof TemplateSource.Custom c ? c.tag() : null;
            Session session = new Session(name, ClusterState.NOT_CREATED, Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), url, version,
                    gitops.toString(), null, null, null);
            sessions.save(session);
            return new Prepared(session, false, applyProfiles(name, profileList));
        } catch (RuntimeException e) {
            try {
                LocalFiles.deleteRecursively(dir);
            } catch (IOException ignored) {
                // The original failure is the one to report.
            }
            throw e;
        }
    }

    private Optional<AppService.ToggleResult> applyProfiles(String name, String profileList) {
        return profileList == null ? Optional.empty() : Optional.of(apps.enableProfiles(name, profileList));
    }

    /** Removes the cluster's session and GitOps repo; snapshots are kept. Works on a corrupt session too. */
    public void delete(String name) {
        Names.requireLabel("cluster", name);
        try (ClusterLocks.Held held = locks.acquire(name)) {
            if (!Files.exists(sessions.home().clusterDir(name))) {
                List<String> known = sessions.names();
                throw SikifansoException.failure("no cluster named \"" + name + "\"",
                        known.isEmpty() ? "there are no clusters" : "clusters: " + String.join(", ", known));
            }
            sessions.delete(name);
        }
    }

    /** One cluster's session, or a failure for a missing or corrupt one. */
    public Session info(String name) {
        Names.requireLabel("cluster", name);
        return sessions.load(name);
    }

    /** A listed cluster: its session, or why it could not be read. */
    public record Listing(String name, Session session, String error) {
    }

    public List<Listing> list() {
        List<Listing> listings = new ArrayList<>();
        for (String name : sessions.names()) {
            try {
                listings.add(new Listing(name, sessions.load(name), null));
            } catch (SikifansoException e) {
                listings.add(new Listing(name, null, e.getMessage()));
            }
        }
        return listings;
    }
}

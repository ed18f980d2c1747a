package com.sikifanso;

import com.sikifanso.agents.AgentService;
import com.sikifanso.argocd.ApplicationSetRefresher;
import com.sikifanso.catalog.AppService;
import com.sikifanso.catalog.Profiles;
import com.sikifanso.cluster.ClusterService;
import com.sikifanso.cluster.KubeClients;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.gitops.ClusterRepos;
import com.sikifanso.gitops.Scaffolder;
import com.sikifanso.session.ClusterLocks;
import com.sikifanso.session.SessionStore;
import com.sikifanso.session.SikifansoHome;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/** Wires the services once per process; the CLI, and later MCP and the dashboard, share them. */
public final class Services {
    private final BuildInfo build;
    private final SessionStore sessions;
    private final Profiles profiles;
    private final AppService apps;
    private final ClusterService clusters;
    private final AgentService agents;

    public Services(BuildInfo build, SikifansoHome home, Duration lockTimeout, Consumer<String> progress) {
        this.build = build;
        this.sessions = new SessionStore(home);
        this.profiles = new Profiles();
        ClusterLocks locks = new ClusterLocks(home, lockTimeout, progress);
        ClusterRepos repos = new ClusterRepos(sessions, locks,
                new ApplicationSetRefresher(sessions, KubeClients.fromKubeconfig(), progress));
        this.apps = new AppService(repos, profiles);
        this.agents = new AgentService(repos);
        this.clusters = new ClusterService(sessions, locks, new Scaffolder(build.version()), apps, profiles,
                Clock.systemUTC());
    }

    public BuildInfo build() {
        return build;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public Profiles profiles() {
        return profiles;
    }

    public AppService apps() {
        return apps;
    }

    public AgentService agents() {
        return agents;
    }

    public ClusterService clusters() {
        return clusters;
    }
}

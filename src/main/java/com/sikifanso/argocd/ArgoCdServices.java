package com.sikifanso.argocd;

import com.sikifanso.kube.LiveCluster;
import com.sikifanso.kube.KubeClients;
import com.sikifanso.gitops.ClusterRepos;
import com.sikifanso.session.SessionStore;
import java.time.Duration;

/** What the app commands ask of a cluster's Argo CD: status and sync, diffs, logs, history, rollback, projects, undoing a run. */
public record ArgoCdServices(Applications applications, AppDiffs diffs, AppLogs logs, AppHistory history,
                             Projects projects, RunUndo runs) {

    public static ArgoCdServices of(SessionStore sessions, KubeClients clients, ClusterRepos repos) {
        return of(sessions, clients, repos, Duration.ofSeconds(10), Duration.ofSeconds(2));
    }

    /** {@code apiTimeout} bounds each Argo CD REST call; {@code podPoll}: how often {@code logs -f} looks for pods. */
    public static ArgoCdServices of(SessionStore sessions, KubeClients clients, ClusterRepos repos,
                                    Duration apiTimeout, Duration podPoll) {
        LiveCluster live = new LiveCluster(sessions, clients);
        return new ArgoCdServices(new Applications(live), new AppDiffs(live, new ArgoCdApi(apiTimeout)),
                new AppLogs(live, podPoll), new AppHistory(repos), new Projects(live), new RunUndo(repos));
    }
}

package com.sikifanso.cli;

import com.sikifanso.core.Table;
import com.sikifanso.cluster.ClusterService;
import com.sikifanso.session.Session;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "info", description = {"Show a cluster, or every cluster when none is named.",
    "The Argo CD password is never part of this output."})
final class ClusterInfoCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", completionCandidates = Candidates.Clusters.class,
            description = "Cluster to show (default: all clusters, or -c/--cluster when given).")
    String name;

    @Override
    int run() {
        boolean one = name != null || clusterGiven();
        if (one) {
            Session session = services().clusters().info(cluster(name)).withoutSecrets();
            out().result(session, () -> box(session));
            return 0;
        }
        List<ClusterService.Listing> all = services().clusters().list();
        all.stream().filter(l -> l.error() != null).forEach(l -> out().warn(l.error()));
        List<Session> sessions = all.stream().filter(l -> l.session() != null)
                .map(l -> l.session().withoutSecrets()).toList();
        out().result(sessions, () -> table(sessions));
        return 0;
    }

    private static String table(List<Session> sessions) {
        if (sessions.isEmpty()) {
            return "No clusters yet. Create one with: sikifanso cluster create --profile agent-dev\n";
        }
        Table t = new Table("NAME", "STATE", "CREATED", "GITOPS");
        sessions.forEach(s -> t.row(s.clusterName(), s.state(), s.createdAt(), s.gitOpsPath()));
        return t.render();
    }

    private static String box(Session s) {
        StringBuilder b = new StringBuilder();
        b.append("Cluster:     ").append(s.clusterName()).append('\n');
        b.append("State:       ").append(s.state()).append('\n');
        b.append("Created:     ").append(s.createdAt()).append('\n');
        b.append("Bootstrap:   ").append(s.bootstrapURL())
                .append(s.bootstrapVersion() == null ? "" : " @ " + s.bootstrapVersion()).append('\n');
        b.append("GitOps Path: ").append(s.gitOpsPath()).append('\n');
        if (s.services() != null && s.services().argocd() != null) {
            b.append("Argo CD:     ").append(s.services().argocd().url()).append(" (user ")
                    .append(s.services().argocd().username()).append(")\n");
        }
        if (s.services() != null && s.services().hubble() != null) {
            b.append("Hubble:      ").append(s.services().hubble().url()).append('\n');
        }
        return b.toString();
    }
}

package com.sikifanso.cli;

import com.sikifanso.core.Table;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.cluster.ClusterService;
import com.sikifanso.cluster.NodeRuntime;
import com.sikifanso.core.Mappers;
import com.sikifanso.session.ClusterState;
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
            String cluster = cluster(name);
            Session session = services().clusters().info(cluster).withoutSecrets();
            NodeRuntime.LiveState docker = services().clusters().liveState(cluster).orElse(null);
            out().result(withDocker(session, docker), () -> box(session, docker));
            return 0;
        }
        ClusterService.Overview overview = services().clusters().overview();
        if (overview.dockerError() != null) {
            out().warn("live state unknown: " + overview.dockerError());
        }
        overview.clusters().stream().filter(l -> l.error() != null).forEach(l -> out().warn(l.error()));
        List<ClusterService.Live> readable = overview.clusters().stream().filter(l -> l.session() != null).toList();
        out().result(readable.stream().map(l -> withDocker(l.session().withoutSecrets(), l.docker())).toList(),
                () -> table(readable));
        return 0;
    }

    /** The session's fields plus the live Docker state, for -o json|yaml. */
    private static ObjectNode withDocker(Session session, NodeRuntime.LiveState docker) {
        ObjectNode node = Mappers.JSON.valueToTree(session);
        node.put("docker", docker == null ? "unknown" : docker.label());
        return node;
    }

    private static String table(List<ClusterService.Live> clusters) {
        if (clusters.isEmpty()) {
            return "No clusters yet. Create one with: sikifanso cluster create --profile agent-dev\n";
        }
        Table t = new Table("NAME", "STATE", "DOCKER", "API", "HTTP", "HTTPS", "ARGOCD", "HUBBLE", "CREATED",
                "GITOPS");
        clusters.forEach(l -> {
            Session s = l.session();
            Session.Ports p = s.ports();
            t.row(s.clusterName(), s.state(), l.docker() == null ? "unknown" : l.docker(),
                    port(p == null ? 0 : p.apiServer()), port(p == null ? 0 : p.http()),
                    port(p == null ? 0 : p.https()), port(p == null ? 0 : p.argocdUI()),
                    port(p == null ? 0 : p.hubbleUI()), s.createdAt(), s.gitOpsPath());
        });
        return t.render();
    }

    private static String port(int port) {
        return port == 0 ? "-" : Integer.toString(port);
    }

    static String box(Session s, NodeRuntime.LiveState docker) {
        StringBuilder b = new StringBuilder();
        b.append("Cluster:     ").append(s.clusterName()).append('\n');
        b.append("State:       ").append(s.state()).append('\n');
        if (docker != null && (s.state() != ClusterState.NOT_CREATED || docker != NodeRuntime.LiveState.MISSING)) {
            b.append("Docker:      ").append(docker).append('\n');
        }
        b.append("Created:     ").append(s.createdAt()).append('\n');
        b.append("Bootstrap:   ").append(s.bootstrapURL())
                .append(s.bootstrapVersion() == null ? "" : " @ " + s.bootstrapVersion()).append('\n');
        b.append("GitOps Path: ").append(s.gitOpsPath()).append('\n');
        if (s.k3dConfig() != null) {
            b.append("Nodes:       ").append(s.k3dConfig().servers()).append(" server, ")
                    .append(s.k3dConfig().agents()).append(" agents (").append(s.k3dConfig().image()).append(")\n");
        }
        if (s.ports() != null) {
            Session.Ports p = s.ports();
            b.append("API server:  https://127.0.0.1:").append(p.apiServer()).append(" (context k3d-")
                    .append(s.clusterName()).append(")\n");
            b.append("Ports:       HTTP ").append(p.http()).append(", HTTPS ").append(p.https()).append(", Argo CD ")
                    .append(p.argocdUI()).append(", Hubble ").append(p.hubbleUI()).append('\n');
        }
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

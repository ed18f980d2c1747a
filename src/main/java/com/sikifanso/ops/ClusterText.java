package com.sikifanso.ops;

import com.sikifanso.core.Suggestion;
import com.sikifanso.catalog.AppService;
import com.sikifanso.cluster.NodeRuntime;
import com.sikifanso.core.K3dNames;
import com.sikifanso.core.Table;
import com.sikifanso.core.TextStyle;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import java.util.List;

/** The cluster operations' results for people and models: the CLI's words, shared by every surface. */
final class ClusterText {
    private ClusterText() {
    }

    static String list(ClusterOps.ClusterList list, TextStyle style) {
        List<ClusterOps.ClusterSummary> readable = list.clusters().stream().filter(c -> c.error() == null).toList();
        if (readable.isEmpty()) {
            return style.hint("No clusters yet. Create one with: ", Suggestion.of("cluster", "create")
                    .option("profile", "profiles", "agent-dev"), "\n");
        }
        Table t = new Table("NAME", "STATE", "DOCKER", "API", "HTTP", "HTTPS", "ARGOCD", "HUBBLE", "CREATED",
                "GITOPS");
        readable.forEach(c -> {
            Session.Ports p = c.ports();
            t.row(c.name(), c.state(), c.docker() == null ? "unknown" : c.docker(),
                    port(p == null ? 0 : p.apiServer()), port(p == null ? 0 : p.http()),
                    port(p == null ? 0 : p.https()), port(p == null ? 0 : p.argocdUI()),
                    port(p == null ? 0 : p.hubbleUI()), c.createdAt(), c.gitOpsPath());
        });
        return t.render();
    }

    private static String port(int port) {
        return port == 0 ? "-" : Integer.toString(port);
    }

    /** One cluster, a field a line; the Docker line only when Docker was asked and has something to say. */
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
            b.append("API server:  https://127.0.0.1:").append(p.apiServer()).append(" (context ")
                    .append(new K3dNames(s.clusterName()).context()).append(")\n");
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

    static String state(ClusterOps.ClusterDetails details) {
        return "Cluster " + details.session().clusterName() + " is " + details.session().state() + ".\n";
    }

    static String created(ClusterOps.ClusterCreated c, TextStyle style) {
        Session session = c.session();
        if (c.kubeconfig().isEmpty()) {
            return prepared(c, style);
        }
        return box(session, null) + password(session) + "Kubeconfig:  " + c.kubeconfig().get()
                + c.currentContext().map(ctx -> " (current context " + ctx + ")").orElse("") + "\n"
                + c.profile().map(r -> profile(r) + watchHint(session, style)).orElse("");
    }

    /** The session holds the password only when the user asked to see it (the CLI's --show-password). */
    private static String password(Session session) {
        if (session.services() == null || session.services().argocd() == null) {
            return "";
        }
        String pw = session.services().argocd().password();
        return pw != null ? "Password:    " + pw + "\n" : "";
    }

    /** Argo CD generates the profile's Applications now; converging them is watched, not waited for here. */
    private static String watchHint(Session session, TextStyle style) {
        return session.services() == null ? "" : style.hint("Argo CD is installing them; watch with: ",
                Suggestion.of("app", "status"), "\n");
    }

    private static String prepared(ClusterOps.ClusterCreated c, TextStyle style) {
        StringBuilder s = new StringBuilder();
        String name = c.session().clusterName();
        s.append(c.reused() ? "Cluster " + name + " was already prepared; using its GitOps repo.\n"
                : "Prepared cluster " + style.bold(name) + " (state: not-created).\n");
        s.append("GitOps repo: ").append(c.session().gitOpsPath()).append('\n');
        c.profile().ifPresent(r -> s.append(profile(r)));
        return s.toString();
    }

    private static String profile(AppService.ToggleResult r) {
        if (r.changed().isEmpty()) {
            return "Profile apps were already enabled.\n";
        }
        return "Enabled: " + String.join(", ", r.changed()) + "\n"
                + (r.autoEnabled().isEmpty() ? "" : "(dependencies: " + String.join(", ", r.autoEnabled()) + ")\n");
    }

    static String profiles(ClusterOps.ProfileList list) {
        Table t = new Table("NAME", "DESCRIPTION", "APPS");
        list.profiles().forEach(p -> t.row(p.name(), p.description(), String.join(", ", p.apps())));
        return t.render();
    }
}

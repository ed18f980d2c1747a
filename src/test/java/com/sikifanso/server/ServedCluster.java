package com.sikifanso.server;

import com.sikifanso.Services;
import com.sikifanso.agui.journal.ActivityJournal;
import com.sikifanso.agui.journal.JournalOptions;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.http.BearerToken;
import com.sikifanso.ops.OperationContext;
import com.sikifanso.ops.OperationRegistry;
import com.sikifanso.ops.Surface;
import com.sikifanso.session.SikifansoHome;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A home with a {@code --gitops-only} cluster (a real GitOps repo, no Docker or Kubernetes needed) served by an
 * in-process {@link AguiServer} on a free loopback port, with short heartbeats so departed clients show quickly.
 */
final class ServedCluster implements AutoCloseable {
    final Path home;
    final String cluster;
    final Services services;
    final String token;
    final AguiServer server;
    /** The dashboard's sessions when it was started with the dashboard, else null. */
    final com.sikifanso.dashboard.DashboardSessions dashboard;

    ServedCluster(Path home, String cluster) {
        this(home, cluster, REFUSING, null);
    }

    /** No AI operator unless a test brings one: a developer's own ANTHROPIC_API_KEY must not be used here. */
    private static final OperatorSessions REFUSING = c -> {
        throw com.sikifanso.core.SikifansoException.usage("no Anthropic API key in this test", "none");
    };

    ServedCluster(Path home, String cluster, OperatorSessions operators) {
        this(home, cluster, operators, null);
    }

    /** The same, with the dashboard's pages, sign-in and CSRF checks on. */
    static ServedCluster withDashboard(Path home, String cluster) {
        return new ServedCluster(home, cluster, REFUSING, new com.sikifanso.dashboard.DashboardSessions());
    }

    private ServedCluster(Path home, String cluster, OperatorSessions operators,
                          com.sikifanso.dashboard.DashboardSessions dashboard) {
        this.home = home;
        this.cluster = cluster;
        this.services = new Services(new BuildInfo("test", "none"), new SikifansoHome(home), Duration.ofSeconds(10),
                msg -> { }, Map.of("DOCKER_HOST", "unix://" + home.resolve("no-docker.sock"),
                        "KUBECONFIG", home.resolve("kubeconfig").toString(), "HOME", home.toString()));
        call("cluster_create", Map.of("name", cluster, "gitopsOnly", true));
        BearerToken bearer = new BearerToken(home.resolve("serve-token"));
        this.token = bearer.value();
        ServeOptions options = new ServeOptions(new InetSocketAddress("127.0.0.1", 0), cluster, Duration.ofMillis(100),
                Duration.ofMillis(500));
        this.dashboard = dashboard;
        this.server = dashboard == null ? AguiServer.start(services, bearer, options, operators)
                : AguiServer.startWithDashboard(services, bearer, options, dashboard, operators);
    }

    /** Runs an operation from the CLI surface, as another user of the cluster would. */
    Object call(String operation, Map<String, Object> args) {
        return new OperationRegistry().invoke(operation, args, Surface.cli, new OperationContext(services, msg -> { }));
    }

    ActivityJournal journal() {
        return new ActivityJournal(home.resolve("clusters").resolve(cluster), JournalOptions.DEFAULTS);
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.port() + pathAndQuery;
    }

    @Override
    public void close() {
        server.close();
    }
}

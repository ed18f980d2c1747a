package com.sikifanso.cluster;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.K3dNames;

import com.sikifanso.Services;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.gitops.TemplateSource;
import com.sikifanso.session.Session;
import com.sikifanso.session.SikifansoHome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * A ClusterService wired as the CLI wires it, on a temp SIKIFANSO_HOME and KUBECONFIG, with the
 * bootstrap replaceable. Remembers the clusters it named so {@link #removeAll()} leaves Docker clean.
 */
final class TestClusters {
    final Path home;
    final Path kubeconfig;
    final Map<String, String> env;
    final List<String> progress = new CopyOnWriteArrayList<>();
    final List<ClusterBootstrap.Target> bootstrapped = new CopyOnWriteArrayList<>();
    /** The API URLs the recording bootstrap was asked to wait for after a start. */
    final List<String> awaitedAfterStart = new CopyOnWriteArrayList<>();
    /** "cluster address" of each check of the platform's API address after a start. */
    final List<String> checkedAfterStart = new CopyOnWriteArrayList<>();
    private final List<String> names = new ArrayList<>();
    private ClusterService service;
    private Services services;

    private TestClusters(Path tmp, Map<String, String> env) {
        this.home = tmp.resolve("home");
        this.kubeconfig = tmp.resolve("kube").resolve("config");
        this.env = new HashMap<>(env);
        this.env.putIfAbsent("KUBECONFIG", kubeconfig.toString());
        this.env.put("HOME", tmp.toString());
    }

    /** Against the real engine; the bootstrap only records what it was given. */
    static TestClusters at(Path tmp) {
        return new TestClusters(tmp, RealDocker.env()).withBootstrap(null);
    }

    static TestClusters at(Path tmp, Map<String, String> env) {
        Map<String, String> merged = new HashMap<>(RealDocker.env());
        merged.putAll(env);
        return new TestClusters(tmp, merged).withBootstrap(null);
    }

    /** null means the recording bootstrap. */
    TestClusters withBootstrap(ClusterBootstrap bootstrap) {
        ClusterBootstrap chosen = bootstrap != null ? bootstrap : new ClusterBootstrap() {
            @Override
            public Optional<Session.Services> bootstrap(Target target, com.sikifanso.core.Progress p) {
                bootstrapped.add(target);
                return Optional.empty();
            }

            @Override
            public void awaitStarted(String apiUrl, Instant deadline, Duration timeout, com.sikifanso.core.Progress p) {
                awaitedAfterStart.add(apiUrl);
            }

            @Override
            public void checkStarted(com.sikifanso.core.ClusterName cluster, String serverAddress, com.sikifanso.core.Progress p) {
                checkedAfterStart.add(cluster + " " + serverAddress);
            }
        };
        services = new Services(new BuildInfo("test", "none"), new SikifansoHome(home),
                Duration.ofSeconds(5), progress::add, env);
        ClusterService base = services.clusters();
        service = base.withBackends(base.backends().withBootstrap(chosen));
        return this;
    }

    /** The services these clusters are made by, for tests that go through an operation. */
    Services services() {
        return services;
    }

    /** Snapshots over the same home, for tests that carry a cluster through one. */
    com.sikifanso.snapshot.SnapshotService snapshots() {
        return services.snapshots();
    }

    /** Remembers a name made elsewhere (e.g. by --from-snapshot) so removeAll() removes it too. */
    String adopt(String name) {
        names.add(name);
        return name;
    }

    ClusterService service() {
        return service;
    }

    /** A cluster name unique to this run, so leftovers of an aborted run never collide. */
    String name(String base) {
        String name = base + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
        names.add(name);
        return name;
    }

    ClusterService.CreateRequest request(String name) {
        return new ClusterService.CreateRequest(ClusterName.of(name), new TemplateSource.Embedded(), null, null,
                RealDocker.STAND_IN_IMAGE, true, false, Duration.ofSeconds(30), false,
                PullPolicy.MISSING, null);
    }

    ClusterService.Created create(String name) {
        return service.create(request(name), com.sikifanso.agui.RunProgress.toLines(progress::add));
    }

    Path gitOps(String name) {
        return home.resolve("clusters").resolve(name).resolve("gitops");
    }

    NodeRuntime nodes() {
        return service.backends().nodes();
    }

    void removeAll() {
        for (String name : names) {
            try {
                nodes().remove(new K3dNames(name));
            } catch (RuntimeException ignored) {
                // Best effort: the test already reported what went wrong.
            }
        }
    }
}

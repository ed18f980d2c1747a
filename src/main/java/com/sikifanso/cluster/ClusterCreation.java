package com.sikifanso.cluster;

import com.sikifanso.core.ClusterName;
import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.sikifanso.core.Progress;
import com.sikifanso.core.K3dNames;

import com.sikifanso.kube.Kubeconfigs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sikifanso.core.GoDurations;
import com.sikifanso.core.Mappers;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.infra.InfraConfig;
import com.sikifanso.session.ClusterState;
import com.sikifanso.session.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Docker half of {@code cluster create} for a prepared session: ports, network, nodes,
 * kubeconfig, then the {@link ClusterBootstrap}. What it made is removed again when a step fails.
 */
final class ClusterCreation {
    private static final String TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final Duration POLL = Duration.ofMillis(200);
    /** Docker restarts a crashing node (unless-stopped); this many restarts before any kubeconfig is a crash loop. */
    private static final int CRASH_LOOP_RESTARTS = 2;

    private final ClusterBackends b;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ClusterCreation(ClusterBackends backends, Clock clock) {
        this.b = backends;
        this.clock = clock;
    }

    /** What the user asked for beyond the name. */
    record Options(NodeOptions nodes, Integer agents, String image, boolean switchContext, boolean keepOnFailure,
                   Duration timeout, boolean skipBootstrap, String registryConfig, List<Path> preloadedImages) {
    }

    Session run(Session prepared, InfraConfig infra, Preflight.EngineFacts engine, Options options,
                Progress progress) {
        K3dNames names = new K3dNames(prepared.clusterName());
        try (CreateInterruption ctrlC = new CreateInterruption(Thread.currentThread())) {
            return make(names, prepared, infra, engine, options, progress);
        }
    }

    private Session make(K3dNames names, Session prepared, InfraConfig infra, Preflight.EngineFacts engine,
                         Options options, Progress progress) {
        try {
            ClusterPlan plan;
            Session.LocalRegistry registry;
            try (PortAllocator.Reservation ports = b.ports().reserve(options.nodes().hostPorts())) {
                plan = plan(prepared, infra, engine, options, ports.ports());
                progress.note("host ports: API " + plan.hostPorts().apiServer() + ", HTTP " + plan.hostPorts().http()
                        + ", HTTPS " + plan.hostPorts().https() + ", Argo CD " + plan.hostPorts().argocdUI()
                        + ", Hubble " + plan.hostPorts().hubbleUI() + (ports.defaults() ? "" : " (defaults taken)"));
                registry = createNodes(plan, infra, options, progress);
            }
            // The probe sockets are closed only now: the containers hold the ports from here on.
            startNodes(names, progress);
            // --timeout bounds the waits for k3s, not Docker's own calls, which have theirs.
            Instant deadline = clock.instant().plus(options.timeout());
            byte[] k3sKubeconfig = awaitKubeconfig(names, deadline, options.timeout(), progress);
            ObjectNode kubeconfig = Kubeconfigs.rewrite(k3sKubeconfig, names, plan.hostPorts().apiServer());
            b.kubeconfigs().merge(kubeconfig, names, options.switchContext());
            progress.note("kubeconfig: context " + names.context() + " in " + b.kubeconfigs().file()
                    + (options.switchContext() ? " (now current)" : ""));
            Optional<Session.Services> services = options.skipBootstrap() ? Optional.empty()
                    : b.bootstrap().bootstrap(target(plan, kubeconfig, infra, deadline, options.timeout()), progress);
            return new Session(prepared.clusterName(), ClusterState.RUNNING, prepared.createdAt(),
                    prepared.bootstrapURL(), prepared.bootstrapVersion(), prepared.gitOpsPath(),
                    services.orElse(null), new Session.K3dConfig(plan.image(), plan.servers(), plan.agents(),
                            options.registryConfig(), Objects.toString(options.nodes().gpus(), null), registry),
                    plan.hostPorts());
        } catch (RuntimeException e) {
            throw cleanUp(names, prepared, options.keepOnFailure(), e, progress);
        }
    }

    private ClusterPlan plan(Session prepared, InfraConfig infra, Preflight.EngineFacts engine, Options options,
                             Session.Ports ports) {
        var p = infra.platform();
        return new ClusterPlan(prepared.name(), options.image() != null ? options.image() : p.k3sImage(),
                options.nodes().servers() != null ? options.nodes().servers() : p.servers(),
                options.agents() != null ? options.agents() : p.agents(), p.serverArgs(),
                Path.of(prepared.gitOpsPath()), ports,
                new ClusterPlan.NodePorts(p.nodePorts().http(), p.nodePorts().https(), p.nodePorts().argocdUI(),
                        p.nodePorts().hubbleUI()),
                token(), engine.cgroupV2(), b.version(),
                p.loadBalancerImage() != null ? p.loadBalancerImage() : ServerLoadBalancer.DEFAULT_IMAGE,
                options.preloadedImages());
    }

    /** The network, image volume, registry (when asked for) and nodes; the registry made, or null. */
    private Session.LocalRegistry createNodes(ClusterPlan plan, InfraConfig infra, Options options,
                                              Progress progress) {
        K3dNames names = plan.names();
        Gpus gpus = options.nodes().gpus();
        String registryConfig = options.registryConfig();
        progress.step("creating network " + names.network());
        NodeLayout.Network network = b.nodes().createNetwork(names);
        b.nodes().createImageVolume(names, b.version());
        Session.LocalRegistry registry = null;
        if (options.nodes().registryPort() != null) {
            registry = createRegistry(names, network, infra, options.nodes(), progress);
            registryConfig = ClusterRegistry.registriesYaml(registry.name(), registry.hostPort(), registryConfig);
        }
        Optional<String> resolvConf = NodeDns.fromHost();
        progress.note(resolvConf.map(r -> "pods resolve names through the host's resolvers: " + String.join(", ",
                NodeDns.upstreams(r))).orElse("warning: the host names only loopback resolvers; k3s falls back to "
                + "8.8.8.8 for pods"));
        for (NodeSpec layout : NodeLayout.nodes(plan, network)) {
            if (layout.role() == NodeSpec.Role.LOADBALANCER) {
                progress.step("creating load balancer " + layout.name() + " (" + layout.image() + ")");
                String id = b.nodes().create(layout, network, names.network(), plan.cgroupV2());
                b.nodes().writeFile(id, ServerLoadBalancer.CONFIG_PATH, ServerLoadBalancer.config(plan,
                        NodeLayout.publishedNodePorts(plan)).getBytes(StandardCharsets.UTF_8), 0744);
                continue;
            }
            NodeSpec node = resolvConf.isPresent() ? layout.withArg(NodeDns.FLAG) : layout;
            progress.step("creating node " + node.name() + " (" + plan.image() + ")");
            String id = b.nodes().create(node, network, names.network(), plan.cgroupV2(), gpus);
            resolvConf.ifPresent(r -> b.nodes().writeFile(id, NodeDns.PATH, r.getBytes(StandardCharsets.UTF_8), 0644));
            if (registryConfig != null) {
                // As k3d does (WriteFileAction before start): the file lives in the node, across restarts.
                b.nodes().writeFile(id, RegistryConfig.NODE_PATH, registryConfig.getBytes(StandardCharsets.UTF_8),
                        0644);
            }
        }
        return registry;
    }

    private Session.LocalRegistry createRegistry(K3dNames names, NodeLayout.Network network, InfraConfig infra,
                                                 NodeOptions nodes, Progress progress) {
        String image = ClusterRegistry.image(infra);
        String name = ClusterRegistry.name(names, nodes.registryName());
        int hostPort = ClusterRegistry.hostPort(nodes.registryPort());
        progress.step("creating registry " + name + " (" + image + ") on localhost:" + hostPort);
        b.nodes().create(ClusterRegistry.spec(names, name, image, hostPort, b.version()), network, names.network(),
                false);
        return new Session.LocalRegistry(name, hostPort);
    }

    private void startNodes(K3dNames names, Progress progress) {
        for (NodeRuntime.Node node : b.nodes().nodes(ClusterName.of(names.cluster()))) {
            progress.step("starting " + node.name());
            b.nodes().start(node.id());
        }
    }

    private byte[] awaitKubeconfig(K3dNames names, Instant deadline, Duration timeout, Progress progress) {
        String server = names.server(0);
        progress.step("waiting for k3s to write its kubeconfig in " + server);
        while (true) {
            Optional<byte[]> file = b.nodes().readFile(server, NodeLayout.KUBECONFIG_OUTPUT);
            if (file.isPresent() && file.get().length > 0) {
                return file.get();
            }
            var node = b.nodes().inspect(server);
            var state = node.getState();
            boolean crashLooping = node.getRestartCount() != null && node.getRestartCount() >= CRASH_LOOP_RESTARTS;
            boolean down = !Boolean.TRUE.equals(state.getRunning()) && !Boolean.TRUE.equals(state.getRestarting());
            if (crashLooping || down) {
                throw SikifansoException.failure("the k3s server " + server + " stopped (exit code "
                                + state.getExitCodeLong() + ") before writing its kubeconfig; its last lines:\n"
                                + b.nodes().logTail(server, 10).indent(4).stripTrailing(),
                        "check the k3s image (--image) and the k3s flags in infra/platform.yaml");
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new SikifansoException("k3s did not write its kubeconfig within " + GoDurations.format(timeout)
                        + " in " + server, "look at its log: docker logs " + server
                        + ", or give it longer with --timeout", SikifansoException.TIMEOUT, null);
            }
            sleep();
        }
    }

    private ClusterBootstrap.Target target(ClusterPlan plan, ObjectNode kubeconfig, InfraConfig infra,
                                           Instant deadline, Duration timeout) {
        K3dNames names = plan.names();
        String address = b.nodes().address(names.server(0), names.network()).orElse(names.server(0));
        String yaml;
        try {
            yaml = Mappers.YAML.writeValueAsString(kubeconfig);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a kubeconfig tree always serialises", e);
        }
        return new ClusterBootstrap.Target(plan.cluster().value(), yaml,
                "https://" + NodeLayout.HOST_IP + ":" + plan.hostPorts().apiServer(), address, plan.hostPorts(), infra,
                plan.gitOps(), deadline, timeout);
    }

    private RuntimeException cleanUp(K3dNames names, Session prepared, boolean keep, RuntimeException failure,
                                     Progress progress) {
        List<Hint> notes = new ArrayList<>();
        Suggestion delete = Suggestion.of("cluster", "delete").arg("cluster", names.cluster());
        if (keep) {
            notes.add(Hint.of("the nodes were kept for inspection (--keep-on-failure); remove them with: ", delete));
        } else {
            progress.step("removing what was created for " + names.cluster());
            // After Ctrl+C the thread is interrupted: the removal's own Docker calls must not fail for that.
            boolean interrupted = Thread.interrupted();
            try {
                b.nodes().remove(names);
                b.kubeconfigs().remove(names);
                // A fix that says to read the server's log would send the reader to a container just removed.
                notes.add(Hint.of("removed the nodes, network and kubeconfig entries made so far (their logs with "
                        + "them: add ", Suggestion.of("cluster", "create").arg("name", names.cluster())
                        .cliFlag("keep-on-failure").mention(), " to keep them for docker logs)"));
            } catch (RuntimeException cleanupFailure) {
                failure.addSuppressed(cleanupFailure);
                notes.add(Hint.of("cleaning up failed too (" + cleanupFailure.getMessage() + "); remove the rest with: ",
                        delete));
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        notes.add(Hint.text("the GitOps repo is kept at " + prepared.gitOpsPath()));
        if (failure instanceof SikifansoException s) {
            Hint hint = Hint.of(s.fix(), s.fix() == null ? null : "\n  ", Hint.join("; ", notes));
            return new SikifansoException(s.problem(), hint, s.exitCode(),
                    s.getCause() != null ? s.getCause() : s);
        }
        return failure;
    }

    private String token() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            s.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        }
        return s.toString();
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SikifansoException.failure("interrupted", null);
        }
    }
}

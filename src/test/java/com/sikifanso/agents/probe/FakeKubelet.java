package com.sikifanso.agents.probe;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the node that would run the probe pod: no kubelet, container runtime or Cilium datapath can run
 * here (no k3s image; the fabric8 mock server in CRUD mode is the API). When a probe pod is created it reads the
 * pod's script, answers each try from {@code network} (what a datapath enforcing, or leaking, would show), serves
 * that as the pod's log (the mock's expectations, as CRUD mode has no log endpoint) and marks the pod Succeeded.
 */
public final class FakeKubelet implements AutoCloseable {
    private static final Pattern TRY = Pattern.compile("^([td]) (r\\d+) (\\S+)(?: (\\d+))? &$", Pattern.MULTILINE);

    /** What the pod does: finish with the network's answers, never finish, or fail to pull its image. */
    public enum Behaviour { FINISH, HANG, IMAGE_PULL_FAILS }

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final Function<String, String> network;
    private final Behaviour behaviour;
    private final List<Pod> created = new CopyOnWriteArrayList<>();
    private final Watch watch;

    /**
     * @param network for "host:port" (a TCP try) or "host" (a lookup), what the probe would print after the id:
     *                e.g. {@code rc=0} or {@code rc=1 nc: timed out}
     */
    public FakeKubelet(KubernetesMockServer server, KubernetesClient client, String namespace,
                       Function<String, String> network, Behaviour behaviour) {
        this.server = server;
        this.client = client;
        this.network = network;
        this.behaviour = behaviour;
        this.watch = client.pods().inNamespace(namespace).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                if (action == Action.ADDED) {
                    created.add(pod);
                    run(pod);
                }
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        });
    }

    public List<Pod> created() {
        return created;
    }

    /** The log the busybox script would print for this pod on this network. */
    public String log(Pod pod) {
        String script = pod.getSpec().getContainers().getFirst().getCommand().get(2);
        StringBuilder log = new StringBuilder(ProbeScript.PREFIX + " begin\n");
        Matcher m = TRY.matcher(script);
        while (m.find()) {
            String target = m.group(4) == null ? m.group(3) : m.group(3) + ":" + m.group(4);
            log.append(ProbeScript.PREFIX).append(' ').append(m.group(2)).append(' ').append(network.apply(target))
                    .append('\n');
        }
        return log.append(ProbeScript.END).append('\n').toString();
    }

    private void run(Pod pod) {
        String ns = pod.getMetadata().getNamespace();
        String name = pod.getMetadata().getName();
        switch (behaviour) {
            case HANG -> { }
            case IMAGE_PULL_FAILS -> client.pods().inNamespace(ns).withName(name).editStatus(p -> {
                p.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Pending")
                        .withContainerStatuses(new ContainerStatusBuilder().withName(ProbePod.CONTAINER)
                                .withImage(p.getSpec().getContainers().getFirst().getImage()).withNewState()
                                .withNewWaiting().withReason("ImagePullBackOff")
                                .withMessage("Back-off pulling image").endWaiting().endState().build()).build());
                return p;
            });
            case FINISH -> {
                server.expect().get().withPath("/api/v1/namespaces/" + ns + "/pods/" + name
                        + "/log?pretty=false&container=" + ProbePod.CONTAINER).andReturn(200, log(pod)).always();
                client.pods().inNamespace(ns).withName(name).editStatus(p -> {
                    p.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Succeeded").build());
                    return p;
                });
            }
        }
    }

    @Override
    public void close() {
        watch.close();
    }
}

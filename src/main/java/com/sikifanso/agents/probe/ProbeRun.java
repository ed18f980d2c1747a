package com.sikifanso.agents.probe;

import com.sikifanso.core.Hint;
import com.sikifanso.core.Suggestion;
import com.sikifanso.core.Deadline;
import com.sikifanso.core.SikifansoException;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One probe pod from creation to deletion. {@link #close} deletes it whatever happened (an error, a timeout, an
 * interrupt); a JVM shutdown hook does the same on Ctrl+C, when no {@code finally} runs in the waiting thread.
 */
final class ProbeRun implements AutoCloseable {
    private static final Set<String> STUCK = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "CreateContainerConfigError", "CreateContainerError");

    private final KubernetesClient kube;
    private final Pod pod;
    private final Thread onShutdown;
    private boolean deleted;

    private ProbeRun(KubernetesClient kube, Pod pod) {
        this.kube = kube;
        this.pod = pod;
        this.onShutdown = new Thread(this::delete, "probe-cleanup");
    }

    /** Creates the pod; refused creation (quota, Pod Security) is the user's error with the API's reason. */
    static ProbeRun start(KubernetesClient kube, Pod pod) {
        ProbeRun run = new ProbeRun(kube, pod);
        Runtime.getRuntime().addShutdownHook(run.onShutdown);
        try {
            kube.pods().inNamespace(namespace(pod)).resource(pod).create();
        } catch (KubernetesClientException e) {
            run.close();
            String reason = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                    : e.getMessage();
            throw SikifansoException.failure("the probe pod could not be created in " + namespace(pod) + ": " + reason,
                    e.getCode() == 403 ? quotaHint() : Hint.of("check the cluster with: ",
                            Suggestion.of("cluster", "doctor")), e);
        }
        return run;
    }

    /** The pod's log once its script has finished, waiting until {@code deadline}. */
    String awaitLog(Deadline deadline, Duration poll) {
        String name = pod.getMetadata().getName();
        while (true) {
            Pod current;
            try {
                current = kube.pods().inNamespace(namespace(pod)).withName(name).get();
            } catch (KubernetesClientException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw SikifansoException.failure("interrupted while waiting for the probe pod " + name
                            + "; it was removed", null, e);
                }
                throw e;
            }
            if (current == null) {
                throw SikifansoException.failure("the probe pod " + name + " disappeared before it finished",
                        "run the probe again; if it persists, check the namespace's events");
            }
            String phase = current.getStatus() == null ? null : current.getStatus().getPhase();
            if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
                return kube.pods().inNamespace(namespace(pod)).withName(name).inContainer(ProbePod.CONTAINER)
                        .getLog();
            }
            stuck(current).ifPresent(reason -> {
                throw SikifansoException.failure("the probe pod cannot start: " + reason,
                        "give an image the cluster can pull with --image (default " + ProbePod.DEFAULT_IMAGE
                                + "), or load it into the nodes");
            });
            if (deadline.passed()) {
                throw new SikifansoException("the probe pod " + name + " did not finish in time (phase "
                        + phase + "); it was removed", "give it longer with --timeout, e.g. --timeout 3m", SikifansoException.TIMEOUT, null);
            }
            deadline.pause(poll, "the probe pod " + name);
        }
    }

    private static Hint quotaHint() {
        // Inline, so SuggestionsNameCommandsTest reads each flag.
        return Hint.of("the sandbox's quota or Pod Security refused it: free room under the quota (",
                Suggestion.of("agent", "update").arg("name", "NAME"), " ",
                Suggestion.of("agent", "update").option("pods", "N").mentionFlag(), "/",
                Suggestion.of("agent", "update").option("cpuLimit", "CPU").mentionFlag(), "/",
                Suggestion.of("agent", "update").option("memoryLimit", "MEM").mentionFlag(), ") and run the probe again");
    }

    private static Optional<String> stuck(Pod p) {
        List<ContainerStatus> statuses = p.getStatus() == null || p.getStatus().getContainerStatuses() == null
                ? List.of() : p.getStatus().getContainerStatuses();
        return statuses.stream().filter(s -> s.getState() != null && s.getState().getWaiting() != null
                        && STUCK.contains(s.getState().getWaiting().getReason()))
                .map(s -> s.getState().getWaiting().getReason() + " for image " + s.getImage()
                        + Optional.ofNullable(s.getState().getWaiting().getMessage()).map(m -> ": " + m).orElse(""))
                .findFirst();
    }

    @Override
    public void close() {
        delete();
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run: the pod is deleted either way.
        }
    }

    private synchronized void delete() {
        if (deleted) {
            return;
        }
        deleted = true;
        // An interrupt (Ctrl+C, a cancelled call) must not stop the clean-up it caused.
        boolean interrupted = Thread.interrupted();
        try {
            kube.pods().inNamespace(namespace(pod)).withName(pod.getMetadata().getName()).withGracePeriod(0).delete();
        } catch (KubernetesClientException e) {
            // activeDeadlineSeconds stops it anyway; the next probe's report names the leftover pod.
            org.slf4j.LoggerFactory.getLogger(ProbeRun.class).warn("could not delete probe pod {}: {}",
                    pod.getMetadata().getName(), e.getMessage());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String namespace(Pod p) {
        return p.getMetadata().getNamespace();
    }
}

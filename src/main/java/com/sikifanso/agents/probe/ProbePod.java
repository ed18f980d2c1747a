package com.sikifanso.agents.probe;

import com.sikifanso.agents.AgentValues;
import com.sikifanso.agents.Quantity;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The probe pod: one busybox container running {@link ProbeScript} in the agent's own namespace, so the sandbox's
 * policies select it like any of the agent's pods. It passes Pod Security {@code restricted} (non-root, no privilege
 * escalation, every capability dropped, RuntimeDefault seccomp, read-only root), mounts no token, asks for little
 * and never more than the sandbox's quota, and stops itself at {@code activeDeadlineSeconds} should the CLI die
 * before it can delete it.
 */
public final class ProbePod {
    public static final String DEFAULT_IMAGE = "busybox:1.36";
    public static final String LABEL = "sikifanso.io/probe";
    static final String CONTAINER = "probe";
    private static final long NOBODY = 65534;
    private static final Quantity CPU_REQUEST = Quantity.parse("10m").orElseThrow();
    private static final Quantity CPU_LIMIT = Quantity.parse("100m").orElseThrow();
    private static final Quantity MEMORY_REQUEST = Quantity.parse("16Mi").orElseThrow();
    private static final Quantity MEMORY_LIMIT = Quantity.parse("32Mi").orElseThrow();

    private ProbePod() {
    }

    public static Pod of(String name, AgentValues values, String image, List<ProbeTarget> targets, Duration timeout) {
        AgentValues.Quota quota = values.quota();
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(com.sikifanso.agents.AgentSandbox.namespace(
                        values.agent().name()))
                .withLabels(Map.of(LABEL, "true", "app.kubernetes.io/name", "sikifanso-probe",
                        "app.kubernetes.io/managed-by", "sikifanso")).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withAutomountServiceAccountToken(false)
                .withActiveDeadlineSeconds(Math.max(1, timeout.toSeconds()))
                .withTerminationGracePeriodSeconds(0L)
                .withEnableServiceLinks(false)
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(NOBODY).withRunAsGroup(NOBODY)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().endSecurityContext()
                .addNewContainer().withName(CONTAINER).withImage(image).withImagePullPolicy("IfNotPresent")
                .withCommand("/bin/sh", "-c", ProbeScript.of(targets))
                .withResources(new ResourceRequirementsBuilder()
                        .addToRequests("cpu", fabric8(CPU_REQUEST, quota.cpuRequest()))
                        .addToRequests("memory", fabric8(MEMORY_REQUEST, quota.memoryRequest()))
                        .addToLimits("cpu", fabric8(CPU_LIMIT, quota.cpuLimit()))
                        .addToLimits("memory", fabric8(MEMORY_LIMIT, quota.memoryLimit())).build())
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withRunAsNonRoot(true).withNewCapabilities().withDrop("ALL").endCapabilities()
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().endSecurityContext()
                .endContainer()
                .endSpec().build();
    }

    /** The probe's own amount, or the quota's when that is smaller. */
    private static io.fabric8.kubernetes.api.model.Quantity fabric8(Quantity probe, String quota) {
        Quantity fits = Quantity.parse(quota).map(q -> Quantity.min(probe, q)).orElse(probe);
        return new io.fabric8.kubernetes.api.model.Quantity(fits.text());
    }
}

package com.sikifanso.ops;

import com.sikifanso.core.GoDurations;
import com.sikifanso.agents.probe.AgentProbe;
import com.sikifanso.doctor.AgentIsolationChecks;
import com.sikifanso.doctor.Doctor;
import com.sikifanso.doctor.DoctorReport;
import com.sikifanso.doctor.DoctorText;
import com.sikifanso.doctor.LocalModelChecks;
import com.sikifanso.core.ClusterName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The cluster's health checks, as one read-only operation. */
public final class DoctorOps {
    private DoctorOps() {
    }

    /** The CLI's --check-timeout, in the form log tools take a duration ({@code since: "10m"}). */
    public record DoctorInput(@Param(Param.CLUSTER) String cluster,
                              @Param(value = "Longest wait for any one check, e.g. 10s or 500ms; a check that takes "
                                      + "longer fails", defaultValue = "10s") String checkTimeout,
                              @Param(value = "Probe agents", optional = true)
                              Boolean probeAgents)
            implements ClusterScoped {
    }

    public static final Operation<DoctorInput, DoctorReport> DOCTOR = Operation.of("doctor", "Check a cluster's health: "
                    + "Docker, nodes, Cilium, Hubble, Argo CD, every app and agent Application, the GitOps repo. "
                    + "Each check passes, warns or fails; a failure names its cause and the command that fixes it.",
            Toolset.doctor, Safety.READ, DoctorInput.class, DoctorReport.class,
            (in, ctx) -> {
                DoctorReport report = localModels(ctx, in.clusterName(), ctx.services().doctor().examine(
                        in.clusterName(), new Doctor.Options(checkTimeout(in.checkTimeout()), true)));
                return Boolean.TRUE.equals(in.probeAgents())
                        ? new AgentIsolationChecks(ctx.services().agents(), ctx.services().agentProbe()).addTo(report,
                                in.clusterName(), new AgentProbe.Options(null, ctx.waitPolicy().timeout()), ctx.progress())
                        : report;
            },
            DoctorText::render);

    static List<Operation<?, ?>> all() {
        return List.of(DOCTOR);
    }

    /** Rows for the gateway's local models, when there is a repo to read them from. */
    private static DoctorReport localModels(OperationContext ctx, ClusterName cluster, DoctorReport report) {
        Path gitOps;
        try {
            gitOps = Path.of(ctx.services().sessions().load(cluster).gitOpsPath());
        } catch (com.sikifanso.core.SikifansoException e) {
            return report;   // the session's own row says so
        }
        return new LocalModelChecks(ctx.services().localModels(), ctx.services().live()).addTo(report, cluster, gitOps);
    }

    private static Duration checkTimeout(String text) {
        Duration d = text == null ? Doctor.DEFAULT_CHECK_TIMEOUT : GoDurations.parse(text).orElse(Duration.ZERO);
        if (d.isZero()) {
            throw new InvalidArguments("checkTimeout \"" + text + "\" is not a duration above 0; write it like 10s, "
                    + "500ms or 1m");
        }
        return d;
    }
}

package com.sikifanso.ops;

import com.sikifanso.doctor.Doctor;
import com.sikifanso.doctor.DoctorReport;
import com.sikifanso.doctor.DoctorText;
import java.time.Duration;
import java.util.List;

/** The cluster's health checks, as one read-only operation. */
final class DoctorOps {
    private DoctorOps() {
    }

    record DoctorInput(@Param("Name of the cluster") String cluster,
                       @Param(value = "Longest wait for any one check, in seconds", defaultValue = "10")
                       int checkTimeoutSeconds) {
    }

    static List<Operation<?, ?>> all() {
        return List.of(Operation.of("doctor", "Run health checks on a cluster: Docker, node containers, nodes, "
                        + "Cilium, Hubble relay, every Argo CD component, every enabled app and agent Application "
                        + "(Synced and Healthy), and the GitOps repo (clean, mounted). Each result is pass, warn or "
                        + "fail; failures carry the cause (e.g. the first unhealthy resource and its message) and "
                        + "the sikifanso command that fixes it.",
                Toolset.doctor, Safety.READ, DoctorInput.class, DoctorReport.class,
                (in, ctx) -> ctx.services().doctor().examine(in.cluster(), new Doctor.Options(
                        Duration.ofSeconds(in.checkTimeoutSeconds() > 0 ? in.checkTimeoutSeconds() : 10), true)),
                report -> DoctorText.render(report, DoctorText.Paint.NONE)));
    }
}

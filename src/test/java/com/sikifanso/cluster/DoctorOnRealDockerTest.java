package com.sikifanso.cluster;

import com.sikifanso.core.ClusterName;
import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.Services;
import com.sikifanso.core.BuildInfo;
import com.sikifanso.doctor.CheckResult;
import com.sikifanso.doctor.Doctor;
import com.sikifanso.doctor.DoctorReport;
import com.sikifanso.doctor.Verdict;
import com.sikifanso.session.SikifansoHome;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor's Docker checks on the real engine, with stand-in nodes (no real k3s can run here, so
 * the API server never answers): containers, the real /local-gitops bind mount, and a stopped cluster.
 */
class DoctorOnRealDockerTest {
    @TempDir
    Path tmp;

    private TestClusters clusters;

    @BeforeEach
    void requireDocker() {
        RealDocker.require();
        clusters = TestClusters.at(tmp);
    }

    @AfterEach
    void cleanUp() {
        if (clusters != null) {
            clusters.removeAll();
        }
    }

    private DoctorReport examine(String name) {
        Doctor doctor = new Services(new BuildInfo("test", "none"), new SikifansoHome(clusters.home),
                Duration.ofSeconds(5), com.sikifanso.core.Progress.NONE, clusters.env).doctor();
        return doctor.examine(ClusterName.of(name), new Doctor.Options(Duration.ofSeconds(3), true));
    }

    private static CheckResult row(DoctorReport report, String name) {
        return report.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aRunningClusterHasItsContainersAndMountButNoKubeconfigEntry() {
        String name = clusters.name("doctor");
        clusters.create(name);

        DoctorReport report = examine(name);

        assertThat(row(report, "Docker").status()).isEqualTo(Verdict.PASS);
        assertThat(row(report, "Node containers").message()).isEqualTo("1/1 running");
        assertThat(row(report, "GitOps mount").status()).as(row(report, "GitOps mount").toString())
                .isEqualTo(Verdict.PASS);
        assertThat(row(report, "GitOps mount").message()).isEqualTo(clusters.gitOps(name) + " at k3d-" + name
                + "-server-0:/local-gitops");
        CheckResult api = row(report, "Kubernetes API");
        // The recording bootstrap writes no kubeconfig entry: the doctor says how to get one back.
        assertThat(api.status()).isEqualTo(Verdict.FAIL);
        assertThat(api.message()).isEqualTo("no client");
        assertThat(api.cause().cli()).contains("kubeconfig context k3d-" + name).endsWith("(cluster checks skipped)");
        assertThat(api.fix().cli()).endsWith("sikifanso cluster start " + name);
        assertThat(report.checks()).extracting(CheckResult::name).last().isEqualTo("Kubernetes API");
    }

    @Test
    void aStoppedClusterSaysToStartIt() {
        String name = clusters.name("doctor");
        clusters.create(name);
        clusters.service().stop(ClusterName.of(name), com.sikifanso.core.Progress.NONE);

        CheckResult r = row(examine(name), "Node containers");

        assertThat(r.status()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).isEqualTo("0/1 running");
        assertThat(r.fix().cli()).isEqualTo("start them: sikifanso cluster start " + name);
    }
}

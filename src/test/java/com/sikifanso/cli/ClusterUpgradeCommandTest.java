package com.sikifanso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster upgrade command's own checks; the upgrade itself is tested in the bootstrap package. */
class ClusterUpgradeCommandTest {
    @TempDir
    Path home;

    @Test
    void upgradeWithoutAComponentOrAllIsAUsageError() {
        SikifansoProcess.Result r = InProcess.run(home, "cluster", "upgrade", "lab1");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("Error: name what to upgrade: cilium, argocd, or --all\n");
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void aClusterWithoutNodesCannotBeUpgradedAndTheFixIsCreateNotStart() {
        assertThat(InProcess.run(home, "cluster", "create", "lab1", "--gitops-only").exitCode()).isZero();

        for (String[] args : List.of(new String[] {"cluster", "upgrade", "cilium", "lab1", "--skip-snapshot"},
                new String[] {"cluster", "upgrade", "--all", "lab1"})) {
            SikifansoProcess.Result r = InProcess.run(home, args);

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.stderr()).startsWith("Error: cluster \"lab1\" is ").contains(
                    "; only a running cluster can be upgraded", "sikifanso cluster create lab1")
                    .doesNotContain("cluster start");
        }
    }

    @Test
    void helmIsPointedAtTheClustersOwnContextNeverTheCurrentOne() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Path gitops = java.nio.file.Files.createDirectories(home.resolve("clusters/lab/gitops"));
        java.nio.file.Files.writeString(home.resolve("clusters/lab/session.yaml"), """
                clusterName: lab
                state: running
                createdAt: "2026-01-01T00:00:00Z"
                bootstrapURL: embedded
                gitOpsPath: %s
                """.formatted(gitops));
        Path kubeconfig = home.resolve("kubeconfig");
        java.nio.file.Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                current-context: other
                clusters:
                - {name: other, cluster: {server: 'https://10.255.255.1:443'}}
                - {name: k3d-lab, cluster: {server: 'https://127.0.0.1:%d', insecure-skip-tls-verify: true}}
                contexts:
                - {name: other, context: {cluster: other, user: other}}
                - {name: k3d-lab, context: {cluster: k3d-lab, user: admin@k3d-lab}}
                users:
                - {name: other, user: {token: o}}
                - {name: admin@k3d-lab, user: {token: t}}
                """.formatted(closed));

        SikifansoProcess.Result r = InProcess.run(home, java.util.Map.of("KUBECONFIG", kubeconfig.toString()), false,
                "cluster", "upgrade", "cilium", "lab", "--skip-snapshot");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).startsWith("Error: cannot list the Helm releases in kube-system: ")
                .contains("127.0.0.1:" + closed).doesNotContain("10.255.255.1");
    }

    @Test
    void createOffersShowPasswordAndUpgradeItsComponents() {
        assertThat(InProcess.run(home, "cluster", "create", "-h").stdout()).contains("--show-password");
        assertThat(InProcess.run(home, "cluster", "upgrade", "-h").stdout()).contains("cilium", "argocd", "--all",
                "--skip-snapshot");
    }
}
